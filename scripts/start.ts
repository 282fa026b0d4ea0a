import { spawn, spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { getEnv } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { isBuildCurrent, recordBuildFingerprint } from "./build-fingerprint";
import { runCli } from "./cli";
import { ensureAuthSecret, prepareDatabase } from "./prepare-database";

/**
 * `npm start`: build if there is no build of the current sources, create/migrate/seed the
 * database, ensure the admin, then serve on PORT. `npm run dev` does the same with the dev server.
 */
const dev = process.argv.includes("--dev");
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
// A public portal phones nobody: no Next.js telemetry.
process.env.NEXT_TELEMETRY_DISABLED = "1";

runCli(async () => {
  Object.assign(process.env, { NODE_ENV: dev ? "development" : "production" });
  ensureAuthSecret();
  const env = getEnv();

  if (!dev && !isBuildCurrent()) {
    console.log("Building the portal (first start, or the sources changed)…");
    const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: process.env });
    if (build.status !== 0) {
      console.error("\nThe build failed; see the output above.");
      process.exit(build.status ?? 1);
    }
    recordBuildFingerprint();
  }

  await prepareDatabase();

  logger("start").info({ baseUrl: env.BASE_URL, port: env.PORT, database: env.DATABASE_URL }, "starting the server");
  const server = spawn(process.execPath, [nextBin, dev ? "dev" : "start", "--port", String(env.PORT)], {
    stdio: "inherit",
    // The server shuts down gracefully itself (lib/operations/shutdown.ts), not Next.js's handler.
    env: { ...process.env, NEXT_MANUAL_SIG_HANDLE: "true" },
  });
  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      stopping = true;
      server.kill(signal);
    });
  }
  // A server killed by a signal nobody asked for (out of memory, kill -9) is a failure.
  server.on("exit", (code) => process.exit(code ?? (stopping ? 0 : 1)));
});
