import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { closeDatabase, openDatabase } from "@/db/client";
import { loadPrincipalByEmail, operatorPrincipal } from "@/lib/auth/principal";
import { serverLockFile } from "@/lib/operations/server-lock";
import { createApiToken } from "@/lib/tokens/commands";

/**
 * A real portal in a child process, as `npm start` runs it (build check, migrate, seed, admin, then
 * `next start`), on its own database folder and port: for `npm run soak` and the fault tests.
 */
export const ADMIN = { email: "soak-admin@fjordcat.test", password: "correct-horse-battery-staple" };

export type Portal = {
  baseUrl: string;
  dbFile: string;
  child: ChildProcess;
  /** Everything the portal printed (stdout and stderr). */
  output: () => string;
  /** The pid of the server process itself (from its lock file), not of the `npm start` wrapper. */
  serverPid: () => number;
  /** SIGTERM and wait: resolves with the wrapper's exit code. */
  stop: () => Promise<number | null>;
  /** SIGKILL the server process (a crash, the OOM killer), then wait for the wrapper to go. */
  kill: () => Promise<void>;
};

const root = process.cwd();
const tsx = path.join(root, "node_modules", ".bin", "tsx");

export async function startPortal({
  dir,
  port,
  env = {},
  timeoutMs = 240_000,
}: {
  dir: string;
  port: number;
  env?: Record<string, string | undefined>;
  timeoutMs?: number;
}): Promise<Portal> {
  fs.mkdirSync(dir, { recursive: true });
  const dbFile = path.join(dir, "catalogue.db");
  let output = "";
  const child = spawn(tsx, ["scripts/start.ts"], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: `file:${dbFile}`,
      PORT: String(port),
      BASE_URL: `http://localhost:${port}`,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const baseUrl = `http://localhost:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The portal exited with ${child.exitCode}:\n${output}`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok && fs.existsSync(serverLockFile(dbFile))) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`The portal did not answer on ${baseUrl} within ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const serverPid = () => (JSON.parse(fs.readFileSync(serverLockFile(dbFile), "utf8")) as { pid: number }).pid;
  const pid = serverPid();
  return {
    baseUrl,
    dbFile,
    child,
    output: () => output,
    serverPid,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      return exited;
    },
    kill: async () => {
      process.kill(pid, "SIGKILL");
      await exited;
    },
  };
}

/** An API token of the portal's site administrator, made directly in its database. */
export function createAdminToken(dbFile: string, name = "soak"): string {
  const db = openDatabase(dbFile, { create: false });
  try {
    const admin = loadPrincipalByEmail(db, ADMIN.email, "cli");
    return createApiToken(db, operatorPrincipal(), { name, userId: admin.userId }).token;
  } finally {
    closeDatabase(db);
  }
}

/** A registration body (the JSON API's shape) with two distributions. */
export function datasetBody(title: string, publisher: string) {
  return {
    title: { nb: title, en: `${title} (en)` },
    description: { nb: `Registrert av lastprøven: ${title}.` },
    keywords: { nb: ["lastprøve"] },
    publisher,
    themes: ["GOVE"],
    accessRights: "PUBLIC",
    license: "http://publications.europa.eu/resource/authority/licence/NLOD_2_0",
    distributions: [
      { accessURL: "https://example.org/soak/data.csv", format: "CSV" },
      { accessURL: "https://example.org/soak/data.json", format: "JSON" },
    ],
    state: "published",
  };
}
