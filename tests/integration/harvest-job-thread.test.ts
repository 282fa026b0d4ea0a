import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { harvestSources } from "@/db/schema";
import type { Principal } from "@/lib/auth/principal";
import { resetEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { runHarvestJob, runningJobProgress } from "@/lib/harvest/job-thread";
import { failInterruptedJobs, failStoppedJob, runHarvest, type HarvestProgress } from "@/lib/harvest/run-harvest";
import { startHarvestSourceNow } from "@/lib/harvest/sources";
import { startFeedServer } from "../helpers/harvest-http";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

/**
 * Harvest jobs in a thread of their own (lib/harvest/job-thread.ts), as the scheduler, the staff
 * area and `npm run harvest` run them: the same job as in the calling thread, on a connection of
 * its own.
 */
const NAV = path.resolve(process.cwd(), "..", "shared", "fixtures", "dcat-real", "nav-2017-10-31.ttl");
const files = { allowFiles: true };

const databases: TestDatabase[] = [];
const database = () => {
  const t = createTestDatabase();
  databases.push(t);
  return t;
};
afterEach(() => {
  for (const t of databases.splice(0)) t.cleanup();
});

const count = (t: TestDatabase, table: "datasets" | "harvest_jobs") => t.db.get<{ n: number }>(sql.raw(`select count(*) as n from ${table}`))!.n;

describe("a harvest job in a thread of its own", () => {
  it("reports what the same job reports in the calling thread, with its progress and its job row", async () => {
    const here = database();
    const there = database();
    const expected = await runHarvest(here.db, { location: NAV, triggeredBy: "test", limits: files });
    const phases = new Set<HarvestProgress["phase"]>();
    let startedJob: number | undefined;
    const report = await runHarvestJob(there.db, {
      location: NAV,
      triggeredBy: "test",
      limits: files,
      onProgress: (progress) => phases.add(progress.phase),
      onJobStarted: (jobId) => (startedJob = jobId),
    });
    const { durationMs: _a, jobId: _b, ...same } = expected;
    expect(report).toMatchObject(same);
    expect(report.created).toBe(42);
    expect(startedJob).toBe(report.jobId);
    expect(phases.has("write")).toBe(true);
    expect(count(there, "datasets")).toBe(count(here, "datasets"));
    const job = there.db.get<{ status: string; created: number }>(sql`select status, created from harvest_jobs where id = ${report.jobId}`);
    expect(job).toEqual({ status: "succeeded", created: 42 });
  });

  it("writes on its own connection: it waits for the caller's write lock, and the caller's rollback does not undo it", async () => {
    const t = database();
    t.db.$client.exec("begin immediate");
    const job = runHarvestJob(t.db, { location: NAV, triggeredBy: "test", limits: files });
    // The caller's thread runs on while the job waits for the lock (for its job row, first).
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(count(t, "harvest_jobs")).toBe(0);
    // Run in the caller's connection, the job would have written inside this transaction.
    t.db.$client.exec("rollback");
    const report = await job;
    expect(report).toMatchObject({ status: "succeeded", created: 42 });
    expect(count(t, "datasets")).toBe(42);
  });

  it("refuses a second job of the same feed while one runs, and reports a feed that cannot be read as a failed job", async () => {
    const t = database();
    const first = runHarvestJob(t.db, { location: NAV, triggeredBy: "test", limits: files });
    await expect(runHarvestJob(t.db, { location: NAV, triggeredBy: "test", limits: files })).rejects.toMatchObject({ code: "conflict" });
    expect((await first).status).toBe("succeeded");
    // Free again once the first one ended.
    expect((await runHarvestJob(t.db, { location: NAV, triggeredBy: "test", limits: files })).unchanged).toBe(42);

    const missing = await runHarvestJob(t.db, { location: path.join(t.dir, "nothing-here.ttl"), triggeredBy: "test", limits: files });
    expect(missing.status).toBe("failed");
    expect(missing.error).toMatch(/nothing-here\.ttl/);
    await expect(runHarvestJob(t.db, { triggeredBy: "test" })).rejects.toBeInstanceOf(AppError);
  });

  it("marks a job failed when its thread stops while it runs, and only that job; the server's start marks the rest", () => {
    const t = database();
    const job = (location: string, status = "running") =>
      t.db.get<{ id: number }>(sql`insert into harvest_jobs (location, dry_run, triggered_by, status) values (${location}, 0, 'test', ${status}) returning id`)!.id;
    const stopped = job("a");
    const other = job("b");
    const done = job("c", "succeeded");
    failStoppedJob(t.db, stopped, "exit code 1");
    failStoppedJob(t.db, done, "exit code 1");
    const row = (id: number) => t.db.get<{ status: string; error: string | null }>(sql`select status, error from harvest_jobs where id = ${id}`);
    expect(row(stopped)).toEqual({ status: "failed", error: "Interrupted: exit code 1; nothing it harvested was kept" });
    expect(row(other)?.status).toBe("running");
    expect(row(done)).toEqual({ status: "succeeded", error: null });
    expect(failInterruptedJobs(t.db)).toBe(1);
    expect(row(other)).toEqual({ status: "failed", error: "Interrupted: the server stopped while the job ran; nothing it harvested was kept" });
  });

  it("keeps the caller's size limit (DATABASE_MAX_SIZE_MB): a job that would outgrow it fails and writes nothing", async () => {
    const t = database();
    const pages = t.db.$client.pragma("page_count", { simple: true }) as number;
    t.db.$client.pragma(`max_page_count = ${pages + 16}`);
    const report = await runHarvestJob(t.db, { location: NAV, triggeredBy: "test", limits: files });
    expect(report.status).toBe("failed");
    expect(report.error).toMatch(/full/);
    expect(count(t, "datasets")).toBe(0);
  });
});

describe("a source harvested now from the staff area", () => {
  const admin = { userId: "", email: "admin@example.org", name: null, siteAdmin: true, roles: new Map(), publisherSlugs: new Map(), via: "session" } satisfies Principal;

  it("answers with the job's id while the job runs, shows its progress, refuses a second start, and the job ends with its report", async () => {
    const t = database();
    const nav = fs.readFileSync(NAV);
    // The feed's second half is held back until the test lets it go: the job is running meanwhile.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const server = await startFeedServer(async (_req, res) => {
      res.writeHead(200, { "Content-Type": "text/turtle" });
      res.write(nav.subarray(0, nav.length / 2));
      await held;
      res.end(nav.subarray(nav.length / 2));
    });
    const previous = process.env.HARVEST_ALLOW_PRIVATE_NETWORK;
    process.env.HARVEST_ALLOW_PRIVATE_NETWORK = "true";
    resetEnv();
    try {
      const source = t.db.insert(harvestSources).values({ name: "NAV", url: `${server.origin}/nav.ttl`, kind: "dcat" }).returning().get();
      await expect(startHarvestSourceNow(t.db, { principal: null, id: source.id })).rejects.toMatchObject({ code: "unauthorized" });
      expect(count(t, "harvest_jobs")).toBe(0);

      const { jobId, finished } = await startHarvestSourceNow(t.db, { principal: admin, id: source.id });
      const row = () => t.db.get<{ status: string; created: number }>(sql`select status, created from harvest_jobs where id = ${jobId}`);
      expect(row()?.status).toBe("running");
      expect(runningJobProgress(jobId)).not.toBeUndefined();
      await expect(startHarvestSourceNow(t.db, { principal: admin, id: source.id })).rejects.toMatchObject({ code: "conflict" });
      expect(count(t, "harvest_jobs")).toBe(1);

      release();
      const report = await finished;
      expect(report).toMatchObject({ jobId, status: "succeeded", created: 42 });
      expect(row()).toEqual({ status: "succeeded", created: 42 });
      expect(runningJobProgress(jobId)).toBeUndefined();
    } finally {
      release();
      if (previous === undefined) delete process.env.HARVEST_ALLOW_PRIVATE_NETWORK;
      else process.env.HARVEST_ALLOW_PRIVATE_NETWORK = previous;
      resetEnv();
      await server.close();
    }
  });
});
