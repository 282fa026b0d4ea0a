import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import { isBuildCurrent, recordBuildFingerprint } from "../../scripts/build-fingerprint";

const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");

export type BenchServer = { url: string; pid: number; child: ChildProcess; stop: () => Promise<void>; peakRssMb: () => number };

/** The production server on a benchmark database (building first when the build is stale). */
export async function startBenchServer(databaseFile: string, basePort: number): Promise<BenchServer> {
  // BENCH_PORT_OFFSET: run beside another checkout's benchmarks on the same machine.
  const port = basePort + Number(process.env.BENCH_PORT_OFFSET ?? 0);
  if (!isBuildCurrent()) {
    console.log("Building the production server for the benchmark …");
    const build = spawnSync(process.execPath, [nextBin, "build"], {
      stdio: "inherit",
      // As `npm run build`: a public portal phones nobody, so no Next.js telemetry.
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (build.status !== 0) throw new Error("build failed");
    recordBuildFingerprint();
  }
  const child = spawn(process.execPath, [nextBin, "start", "--port", String(port)], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: `file:${databaseFile}`,
      PORT: String(port),
      BASE_URL: `http://localhost:${port}`,
      AUTH_SECRET: "bench-secret-bench-secret-bench-secret-0123",
      LOG_LEVEL: "warn",
      // No daily jobs or quality recompute in the middle of a measurement.
      BACKGROUND_JOBS: "false",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://localhost:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not yet listening
    }
    if (Date.now() > deadline || child.exitCode !== null) throw new Error("the benchmark server did not start");
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    pid: child.pid!,
    child,
    peakRssMb: () => {
      const status = fs.readFileSync(`/proc/${child.pid}/status`, "utf8");
      return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    },
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    },
  };
}
