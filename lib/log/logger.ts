import { createRequire } from "node:module";
import path from "node:path";
import { pino, type DestinationStream, type Logger } from "pino";
import { getEnv } from "@/lib/env";

export type { Logger } from "pino";

/**
 * Fields that must never reach a log line: credentials and personal data. Log calls should not
 * pass them in the first place; this is the safety net for objects logged whole (headers, inputs).
 */
export const REDACTED_PATHS = [
  "password",
  "token",
  "secret",
  "email",
  "authorization",
  "cookie",
  "*.password",
  "*.token",
  "*.secret",
  "*.email",
  "*.authorization",
  "*.cookie",
  "headers.authorization",
  "headers.cookie",
  "headers[\"set-cookie\"]",
  "*.headers.authorization",
  "*.headers.cookie",
  "*.headers[\"set-cookie\"]",
  "contactPoint.email",
  "*.contactPoint.email",
];

const ROOT = Symbol.for("fjordcat.log.root");
type Holder = { [ROOT]?: Logger };

function settings(): { level: string; production: boolean } {
  try {
    const env = getEnv();
    return { level: env.LOG_LEVEL, production: env.NODE_ENV === "production" };
  } catch {
    // A bad configuration is reported by the start checks; logging must still work to report it.
    return { level: "info", production: process.env.NODE_ENV === "production" };
  }
}

/**
 * Readable lines in development through pino-pretty (a development dependency, loaded at run time
 * from the project's node_modules); JSON lines when it is not installed.
 */
function prettyStream(): DestinationStream | undefined {
  try {
    const load = createRequire(path.join(process.cwd(), "package.json"));
    const pretty = load("pino-pretty") as (options: Record<string, unknown>) => DestinationStream;
    return pretty({ sync: true, colorize: process.stdout.isTTY === true, translateTime: "SYS:HH:MM:ss.l", ignore: "pid,hostname" });
  } catch {
    return undefined;
  }
}

/** Build a logger: JSON lines on stdout in production, readable lines in development. */
export function createLogger({
  level,
  production,
  destination,
}: { level?: string; production?: boolean; destination?: DestinationStream } = {}): Logger {
  const defaults = settings();
  const isProduction = production ?? defaults.production;
  const stream = destination ?? (isProduction ? pino.destination({ dest: 1, sync: true }) : (prettyStream() ?? pino.destination({ dest: 1, sync: true })));
  return pino(
    {
      level: level ?? defaults.level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
      formatters: { level: (label) => ({ level: label }) },
    },
    stream,
  );
}

/**
 * The process-wide logger. Kept on globalThis so the server's bundles (instrumentation, route
 * handlers) and the scripts share one logger per process.
 */
export function getLogger(): Logger {
  const holder = globalThis as Holder;
  holder[ROOT] ??= createLogger();
  return holder[ROOT];
}

/** A child logger for one part of the system, e.g. `logger("backup")`. */
export function logger(component: string): Logger {
  return getLogger().child({ component });
}

/**
 * The `Pick<Console, "info" | "error">` shape some jobs take (`log.error(message, error)`), on a
 * pino logger: the error becomes the line's `err` field instead of being dropped.
 */
export function consoleLike(log: Logger): Pick<Console, "info" | "warn" | "error"> {
  const write = (level: "info" | "warn" | "error") => (message?: unknown, ...rest: unknown[]) => {
    const err = rest.find((value) => value instanceof Error);
    if (err) log[level]({ err }, String(message));
    else log[level](String(message));
  };
  return { info: write("info"), warn: write("warn"), error: write("error") };
}
