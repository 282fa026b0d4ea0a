import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { harvestJobMessages, harvestJobs, harvestSources, publishers, type HarvestSource } from "@/db/schema";
import type { Actor } from "@/lib/catalogue/actor";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { processWide } from "@/lib/process-wide";
import { storageError } from "@/lib/operations/storage-errors";
import { refreshDatasetQuality } from "@/lib/quality/store-quality";
import { withBulkWrite } from "./bulk-write";
import type { FetchLimits } from "./fetch-feed";
import { gatherSource, type GatherOptions, type GatherProgress, type GatherResult, type SourceKind } from "./gather";
import { gatherInWorker, RestartWrite } from "./gather-in-worker";
import { reconcileRecords, reconcileUnchangedFeed, type JobMessage } from "./reconcile";
import { nextRunAfter } from "./schedule";
import { findUnchangedBasis, lastCompleteJob, mayBeUnchangedFeed } from "./unchanged-feed";

/**
 * One harvest job: gather (read, parse, map and validate everything), and write it all in one
 * transaction. A feed that cannot be read or parsed fails the job, and its transaction (if records
 * were being written while the feed was still parsed: `ownThread`) is rolled back, so nothing it
 * read is kept; an error while writing rolls the whole transaction back too. The job row and its
 * messages are stored either way; a dry run writes, counts and rolls back.
 */

/** The report of a job: the JSON shape `npm run harvest -- --json` prints (ARCHITECTURE.md). */
export type HarvestReport = {
  status: "succeeded" | "failed";
  created: number;
  updated: number;
  unchanged: number;
  archived: number;
  failed: number;
  warnings: number;
  durationMs: number;
  error?: string;
};

export type HarvestProgress = GatherProgress | { phase: "write"; done: number; total: number };

export type RunHarvestOptions = {
  /** The registered source to run; absent for an ad-hoc URL or file. */
  source?: HarvestSource;
  location?: string;
  kind?: SourceKind;
  dryRun?: boolean;
  triggeredBy: string;
  /** Publisher for records that name none (ad-hoc runs; a source has its own default). */
  defaultPublisherSlug?: string;
  limits?: Partial<FetchLimits>;
  /**
   * Gather in this thread, not in the parse worker (default: for a source known to be small, see
   * `gathersInProcess`, or when env HARVEST_PARSE_WORKER is off).
   */
  inProcess?: boolean;
  /**
   * The job runs in a thread of its own (job-worker.ts), which nothing else needs while it writes.
   * Only then may it start writing records while the feed is still parsed (map-early.ts): its
   * transaction waits for the parse worker synchronously, and in the thread of a server (or a test)
   * that serves the feed's next page itself, that would wait for ever.
   */
  ownThread?: boolean;
  /** Most messages stored per job (all are counted). */
  maxMessages?: number;
  now?: Date;
  onProgress?: (progress: HarvestProgress) => void;
  /** The job's row is written (status `running`): its id. */
  onJobStarted?: (jobId: number) => void;
};

/** Sources and locations being harvested in this process: one job at a time for each. */
const running = processWide("harvest.running", () => new Set<string>());

/**
 * Take the one-job-at-a-time lock of the options' source (or ad-hoc location); throws conflict when
 * a job of it is running in this process. Returns the location harvested and the lock's release.
 */
export function claimHarvest(options: Pick<RunHarvestOptions, "source" | "location">): { location: string; release: () => void } {
  const location = options.source?.url ?? options.location;
  if (!location) throw new AppError("bad_request", "Give a harvest source or a URL or file to harvest");
  const lockKey = options.source ? `source ${options.source.id}` : `location ${location}`;
  if (running.has(lockKey)) throw new AppError("conflict", `A harvest of ${options.source ? `source ${options.source.id}` : location} is already running`);
  running.add(lockKey);
  return { location, release: () => running.delete(lockKey) };
}

class DryRunRollback extends Error {}
/** The feed looked unchanged before the write began, but no longer did inside the transaction. */
class UnchangedFeedRace extends Error {}

export function harvestActor(sourceId: number | null): Actor {
  return { label: sourceId === null ? "harvest" : `harvest:${sourceId}` };
}

export async function runHarvest(db: Database, options: RunHarvestOptions): Promise<HarvestReport & { jobId: number }> {
  const started = performance.now();
  const source = options.source;
  const { location, release } = claimHarvest(options);
  const kind: SourceKind = source?.kind ?? options.kind ?? "dcat";
  let job: { id: number };
  try {
    job = db
      .insert(harvestJobs)
      .values({ sourceId: source?.id ?? null, location, dryRun: options.dryRun ?? false, triggeredBy: options.triggeredBy })
      .returning({ id: harvestJobs.id })
      .get();
  } catch (error) {
    release();
    throw error;
  }
  const finish = (report: HarvestReport, messages: JobMessage[], written?: { feedHash?: string; seenAt: string }) => {
    const maxMessages = options.maxMessages ?? 10_000;
    db.transaction((tx) => {
      tx.update(harvestJobs)
        .set({
          status: report.status,
          finishedAt: new Date().toISOString(),
          created: report.created,
          updated: report.updated,
          unchanged: report.unchanged,
          archived: report.archived,
          failed: report.failed,
          warnings: report.warnings,
          durationMs: report.durationMs,
          error: report.error ?? null,
          ...(written && !options.dryRun && { feedHash: written.feedHash ?? null, seenAt: written.seenAt }),
        })
        .where(eq(harvestJobs.id, job.id))
        .run();
      const stored = messages.length > maxMessages ? [...messages.filter((m) => m.level === "error"), ...messages.filter((m) => m.level === "warning")].slice(0, maxMessages) : messages;
      for (let i = 0; i < stored.length; i += 500) {
        tx.insert(harvestJobMessages)
          .values(stored.slice(i, i + 500).map((m) => ({ jobId: job.id, level: m.level, recordUri: m.recordUri, message: m.message.slice(0, 2000) })))
          .run();
      }
      if (source && !options.dryRun) {
        const now = new Date();
        tx.update(harvestSources)
          .set({ lastRunAt: now.toISOString(), nextRunAt: nextRunAfter(source.schedule, now), updatedAt: now.toISOString() })
          .where(eq(harvestSources.id, source.id))
          .run();
      }
    });
    return { ...report, jobId: job.id };
  };
  const zero = { created: 0, updated: 0, unchanged: 0, archived: 0, failed: 0, warnings: 0 };
  // The parse workers of this job's gathers, let go when the job ends however it ends.
  const disposers: (() => void)[] = [];
  try {
    options.onJobStarted?.(job.id);
    const limits: FetchLimits = {
      timeoutMs: env.HARVEST_TIMEOUT_SECONDS * 1000,
      maxBytes: env.HARVEST_MAX_MB * 1024 * 1024,
      allowPrivateNetwork: env.HARVEST_ALLOW_PRIVATE_NETWORK,
      allowFiles: false,
      ...options.limits,
    };
    const sourceId = source?.id ?? null;
    const inWorker = !(options.inProcess ?? gathersInProcess(db, { sourceId, location }));
    const gather = async (allowUnchanged: boolean) => {
      const gatherOptions: GatherOptions = {
        ...limits,
        onProgress: options.onProgress,
        ...(allowUnchanged &&
          mayBeUnchangedFeed(db, { sourceId, location }) && { isUnchangedFeed: (feedHash: string) => findUnchangedBasis(db, { sourceId, location, feedHash }) !== null }),
      };
      try {
        const gathered: GatherResult & { dispose?: () => void } =
          (inWorker ? await gatherInWorker(kind, location, gatherOptions, { early: options.ownThread }) : undefined) ?? (await gatherSource(kind, location, gatherOptions));
        disposers.push(() => gathered.dispose?.());
        return gathered;
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        const report: HarvestReport = { status: "failed", ...zero, durationMs: Math.round(performance.now() - started), error: error.message };
        return finish(report, [{ level: "error", recordUri: null, message: error.message }]);
      }
    };
    let gathered = await gather(true);
    if ("jobId" in gathered) return gathered;
    const defaultPublisherSlug = source?.defaultPublisherId
      ? (db.select({ slug: publishers.slug }).from(publishers).where(eq(publishers.id, source.defaultPublisherId)).get()?.slug ?? null)
      : (options.defaultPublisherSlug ?? null);
    if (options.defaultPublisherSlug && !source && !defaultPublisherSlug) throw new AppError("not_found", `No publisher has the slug ${options.defaultPublisherSlug}`);
    if (options.defaultPublisherSlug && !db.select({ id: publishers.id }).from(publishers).where(eq(publishers.slug, options.defaultPublisherSlug)).get()) {
      throw new AppError("not_found", `No publisher has the slug ${options.defaultPublisherSlug}`);
    }

    let result: ReturnType<typeof reconcileRecords> | undefined;
    for (;;) {
      const feed = gathered;
      const reconcileOptions = {
        sourceId,
        actor: harvestActor(sourceId),
        defaultPublisherSlug,
        archiveAfterDays: source ? source.archiveAfterDays : null,
        now: options.now,
        onProgress: (done: number, total: number) => options.onProgress?.({ phase: "write", done, total }),
      };
      try {
        withBulkWrite(db.$client, () =>
          db.transaction(
            (tx) => {
              if (feed.unchangedFeed) {
                // Checked again under the write lock: nothing may have changed since the check.
                const basis = findUnchangedBasis(tx, { sourceId, location, feedHash: feed.feedHash! });
                if (!basis) throw new UnchangedFeedRace();
                result = reconcileUnchangedFeed(tx, basis, reconcileOptions);
              } else {
                result = reconcileRecords(db, tx, feed, reconcileOptions);
              }
              if (options.dryRun) throw new DryRunRollback();
            },
            { behavior: "immediate" },
          ),
        );
      } catch (error) {
        if (error instanceof UnchangedFeedRace) {
          const again = await gather(false);
          if ("jobId" in again) return again;
          gathered = again;
          continue;
        }
        // Records written while the feed was parsed no longer held: rolled back; every record comes again.
        if (error instanceof RestartWrite) continue;
        if (!(error instanceof DryRunRollback)) throw error;
      }
      break;
    }
    const r = result!;
    if (!options.dryRun && r.qualityPending.length > 0) refreshDatasetQuality(db, { datasetIds: r.qualityPending });
    // Read after the records were written: an RDF feed's records are mapped as they are written,
    // and its job-level warnings (duplicates) are complete only then.
    const jobWarnings: JobMessage[] = gathered.warnings.map((message) => ({ level: "warning", recordUri: null, message }));
    const messages = [...jobWarnings, ...r.messages];
    const report: HarvestReport = {
      status: "succeeded",
      created: r.created,
      updated: r.updated,
      unchanged: r.unchanged,
      archived: r.archived,
      failed: r.failed,
      warnings: messages.filter((m) => m.level === "warning").length,
      durationMs: Math.round(performance.now() - started),
    };
    return finish(report, messages, { feedHash: gathered.feedHash, seenAt: r.seenAt });
  } catch (error) {
    // A full disk (or DATABASE_MAX_SIZE_MB), a read-only or failing database: said as such (and
    // logged with SQLite's own error, as anything unexpected is).
    const known = error instanceof AppError ? error : storageError(error);
    const message = known ? known.message : `Harvest failed unexpectedly: ${(error as Error).message}`;
    if (!(error instanceof AppError)) console.error(error);
    const report: HarvestReport = { status: "failed", ...zero, durationMs: Math.round(performance.now() - started), error: message };
    return finish(report, [{ level: "error", recordUri: null, message }]);
  } finally {
    for (const dispose of disposers) dispose();
    release();
  }
}

/**
 * Sources whose last complete harvest (of the same location) had fewer records than this are gathered in the job's own
 * thread. Starting the parse worker (its bundle, thread and modules) takes ~0.6 s, more than such a
 * source takes to parse and map: measured on two real feeds, 133 records in 244-262 ms gathered in
 * the job's thread against 805-808 ms with the worker, 168 records 384-433 ms against 1,008-1,082
 * ms; re-harvesting the 133 in changed bytes, 170-187 ms against ~760 ms. A source harvested for
 * the first time, or that was large last time, gets the worker (a small source that grew is
 * gathered in the job's thread once: slower, not wrong).
 */
const SMALL_SOURCE_RECORDS = 1_000;

/** Whether this job gathers in its own thread rather than in the parse worker (see SMALL_SOURCE_RECORDS). */
export function gathersInProcess(db: Database, { sourceId, location }: { sourceId: number | null; location: string }): boolean {
  if (!env.HARVEST_PARSE_WORKER) return true;
  const last = lastCompleteJob(db, sourceId);
  return last !== undefined && last.location === location && last.created + last.updated + last.unchanged + last.failed < SMALL_SOURCE_RECORDS;
}

/** Running jobs (all, or the one with `jobId`) marked failed: interrupted, their transaction never committed. */
function failRunningJobs(db: Database, reason: string, jobId?: number): number {
  const error = `Interrupted: ${reason}; nothing it harvested was kept`;
  const which = jobId === undefined ? sql`` : sql` and id = ${jobId}`;
  return db.run(sql`update harvest_jobs set status = 'failed', finished_at = ${new Date().toISOString()}, error = ${error} where status = 'running'${which}`).changes;
}

/** A job whose thread died while it ran (lib/harvest/job-thread.ts) is marked failed. */
export function failStoppedJob(db: Database, jobId: number, reason: string): void {
  failRunningJobs(db, reason, jobId);
}

/** At server start: jobs left `running` by a crash are marked failed (their transaction never committed). */
export function failInterruptedJobs(db: Database): number {
  return failRunningJobs(db, "the server stopped while the job ran");
}
