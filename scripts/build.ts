import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { recordBuildFingerprint } from "./build-fingerprint";

/** `npm run build`: the production build, recorded so `npm start` knows it is current. */
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
// A public portal phones nobody: no Next.js telemetry.
process.env.NEXT_TELEMETRY_DISABLED = "1";
const result = spawnSync(process.execPath, [nextBin, "build"], {
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "production" },
});
if (result.status !== 0) process.exit(result.status ?? 1);
recordBuildFingerprint();
