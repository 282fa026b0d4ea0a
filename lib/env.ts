import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

/**
 * The one place environment variables are read and validated. Everything else imports `env`.
 * Validation is lazy (on first access), so `next build` and tooling never need runtime secrets.
 */

const booleanFlag = (fallback: boolean) =>
  z
    .enum(["true", "false", "1", "0", "yes", "no"])
    .optional()
    .transform((v) => (v === undefined ? fallback : v === "true" || v === "1" || v === "yes"));

const databaseUrl = z
  .string()
  .default("file:./data/catalogue.db")
  .refine((v) => !/^postgres(ql)?:\/\//.test(v), {
    message:
      "PostgreSQL is the planned scale-out backend but is not supported yet; use a file: URL such as file:./data/catalogue.db",
  })
  .refine((v) => v.startsWith("file:") || !/^[a-z][a-z0-9+.-]*:\/\//i.test(v), {
    message: "must be a file: URL (file:./data/catalogue.db) or a path to an SQLite file",
  });

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}\n` +
        "See the Configuration section of README.md.",
    );
    this.name = "EnvError";
  }
}

export function parseEnv(source: Record<string, string | undefined>) {
  const isProduction = source.NODE_ENV === "production";
  return createEnv({
    server: {
      NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
      DATABASE_URL: databaseUrl,
      PORT: z.coerce.number().int().min(1).max(65535).default(3000),
      BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
      AUTH_SECRET: isProduction
        ? z
            .string({
              error:
                "AUTH_SECRET is required in production: set it (openssl rand -base64 33) or start with `npm start`, which generates and keeps one",
            })
            .min(32, "AUTH_SECRET must be at least 32 characters")
        : z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
      ADMIN_EMAIL: z.email("ADMIN_EMAIL must be an e-mail address").optional(),
      ADMIN_PASSWORD: z
        .string()
        .min(12, "ADMIN_PASSWORD must be at least 12 characters")
        .optional(),
      SEED_DEMO: booleanFlag(true),
      LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
      HARVEST_ALLOW_PRIVATE_NETWORK: booleanFlag(false),
      /** Longest a harvest may take to read one feed (or one page of it), in seconds. */
      HARVEST_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(300),
      /** Largest feed (or page) a harvest reads, in megabytes. */
      HARVEST_MAX_MB: z.coerce.number().int().min(1).max(10_000).default(200),
      /** Read, parse and map harvested feeds in a worker thread while the main thread writes. */
      HARVEST_PARSE_WORKER: booleanFlag(true),
      /**
       * Run each harvest job in a thread of its own, on its own database connection, so the
       * server's thread goes on answering requests while a job writes (lib/harvest/job-thread.ts).
       */
      HARVEST_JOB_THREAD: booleanFlag(true),
      /**
       * Worker threads that write the RDF feed's pages and the unpaged Turtle and N-Triples dumps,
       * so that the thread answering HTTP only passes bytes on; 0 writes them in that thread.
       */
      FEED_WORKERS: z.coerce.number().int().min(0).max(16).default(2),
      /** The server's own background jobs: daily KPI snapshot, metadata quality recompute. */
      BACKGROUND_JOBS: booleanFlag(true),
      /** Check distributions' URLs over the network for the quality score (needs internet access). */
      QUALITY_URL_CHECKS: booleanFlag(false),
      /** A last backup older than this (or none at all) shows as a warning in health and the staff area. */
      BACKUP_MAX_AGE_HOURS: z.coerce.number().positive().max(24 * 365).default(26),
      /** Optional cap on the database size: writes past it fail with a clear 503, reads go on. */
      DATABASE_MAX_SIZE_MB: z.coerce.number().positive().optional(),
      /**
       * Optional OpenID Connect sign-in (Entra ID, ID-porten, Keycloak): the issuer URL, client id and
       * secret registered with the provider, and the name shown on the button. Only users already
       * registered in Fjordcat (by e-mail) may sign in this way.
       */
      OIDC_ISSUER: z.url({ protocol: /^https?$/ }).optional(),
      OIDC_CLIENT_ID: z.string().min(1).optional(),
      OIDC_CLIENT_SECRET: z.string().min(1).optional(),
      OIDC_NAME: z.string().min(1).max(60).default("OpenID Connect"),
    },
    runtimeEnv: source,
    emptyStringAsUndefined: true,
    isServer: true,
    onValidationError: (issues) => {
      throw new EnvError(
        issues.map((issue) => {
          const key = issue.path?.map((p) => (typeof p === "object" ? p.key : p)).join(".");
          return key ? `${key}: ${issue.message}` : issue.message;
        }),
      );
    },
  });
}

export type Env = ReturnType<typeof parseEnv> & { BASE_URL: string };

let cached: Env | undefined;

/** The validated environment, with BASE_URL defaulting to http://localhost:$PORT. */
export function getEnv(): Env {
  if (!cached) {
    const parsed = parseEnv(process.env);
    if (parsed.ADMIN_EMAIL && !parsed.ADMIN_PASSWORD) {
      throw new EnvError(["ADMIN_PASSWORD: required when ADMIN_EMAIL is set"]);
    }
    const oidc = [parsed.OIDC_ISSUER, parsed.OIDC_CLIENT_ID, parsed.OIDC_CLIENT_SECRET];
    if (oidc.some(Boolean) && !oidc.every(Boolean)) {
      throw new EnvError(["OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET: set all three to enable OpenID Connect sign-in, or none"]);
    }
    const baseUrl = (parsed.BASE_URL ?? `http://localhost:${parsed.PORT}`).replace(/\/+$/, "");
    cached = { ...parsed, BASE_URL: baseUrl };
  }
  return cached;
}

/** Forget the cached environment (tests and the start script change process.env). */
export function resetEnv(): void {
  cached = undefined;
}

export const env: Env = new Proxy({} as Env, {
  get: (_target, key: string) => getEnv()[key as keyof Env],
});
