import { spawnSync } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";
import type { SoakReport } from "../../scripts/soak";

/**
 * The short version of `npm run soak` (20 s instead of 2 minutes): 16 readers and 4 writers on a
 * real portal, with a backup halfway. No 5xx, no SQLITE_BUSY reaching anyone, every acknowledged
 * write in the database afterwards, integrity ok, a graceful stop.
 */
test("a mixed load of readers and writers: no 5xx, no SQLITE_BUSY, every acknowledged write kept", () => {
  test.setTimeout(300_000);
  const root = process.cwd();
  const result = spawnSync(
    path.join(root, "node_modules", ".bin", "tsx"),
    ["scripts/soak.ts", "--duration", "20", "--port", "3236", "--dir", ".tmp/e2e-soak", "--json"],
    { cwd: root, encoding: "utf8", timeout: 280_000 },
  );
  const last = result.stdout.trim().split("\n").pop() ?? "";
  expect(last.startsWith("{"), `${result.stdout}\n${result.stderr}`).toBe(true);
  const report = JSON.parse(last) as SoakReport;
  console.log(
    `soak 20 s: ${report.reads.requests} reads, p95 ${report.reads.p95Ms} ms (idle p95 ${report.reads.idleP95Ms} ms, ` +
      `${report.reads.loadToIdleP95}×); ${report.writes.creates} registered, ${report.writes.edits} edited`,
  );
  expect(report.status5xx).toBe(0);
  expect(report.busySurfaced).toBe(0);
  expect(report.writes.rejected).toEqual({});
  expect(report.acknowledged.creates).toBeGreaterThan(0);
  expect(report.acknowledged).toMatchObject({ missingCreates: 0, lostEdits: 0, halfWritten: 0 });
  expect(report.integrity).toBe("ok");
  expect(report.backup?.ok).toBe(true);
  expect(report.shutdownExitCode).toBe(0);
  expect(report.passed).toBe(true);
  expect(result.status).toBe(0);
});
