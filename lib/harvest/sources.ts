import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { harvestSources, publishers, type HarvestJob, type HarvestJobMessage, type HarvestSource } from "@/db/schema";
import { assertCan, writablePublisherIds } from "@/lib/auth/permissions";
import type { Principal } from "@/lib/auth/principal";
import { AppError, validationError } from "@/lib/errors";
import {
  findHarvestJob,
  findHarvestSource,
  findHarvestSourceSummary,
  listHarvestJobMessages,
  listHarvestJobs,
  listHarvestSourceSummaries,
  type HarvestSourceSummary,
} from "./queries";
import { runHarvestJob } from "./job-thread";
import type { HarvestReport } from "./run-harvest";
import { nextRunAfter } from "./schedule";
import { harvestSourceInputSchema, type HarvestSourceInputRaw } from "./schemas";

/**
 * Harvest-source management for staff and the CLI. Site administrators manage every source; a
 * publisher administrator manages the sources whose default publisher is theirs
 * (permission "harvest:manage").
 */

function publisherIdOf(db: Database, slug: string | undefined): number | null {
  if (!slug) return null;
  const row = db.select({ id: publishers.id }).from(publishers).where(eq(publishers.slug, slug)).get();
  if (!row) throw new AppError("unprocessable_entity", `Unknown publisher ${slug}`, { fields: { defaultPublisher: ["No publisher has this slug"] } });
  return row.id;
}

function sourceOrThrow(db: Database, id: number): HarvestSource {
  const source = findHarvestSource(db, id);
  if (!source) throw new AppError("not_found", `No harvest source has the id ${id}`);
  return source;
}

export function createHarvestSource(db: Database, { principal, input }: { principal: Principal | null; input: HarvestSourceInputRaw }): HarvestSource {
  const parsed = harvestSourceInputSchema.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error, "The harvest source is not valid");
  const data = parsed.data;
  const publisherId = publisherIdOf(db, data.defaultPublisher);
  assertCan(principal, "harvest:manage", { publisherId });
  return db
    .insert(harvestSources)
    .values({
      name: data.name,
      url: data.url,
      kind: data.kind,
      schedule: data.schedule,
      defaultPublisherId: publisherId,
      enabled: data.enabled,
      archiveAfterDays: data.archiveAfterDays,
      createdBy: principal.userId,
      // A scheduled source is due at once: its first harvest runs at the scheduler's next tick.
      nextRunAt: data.schedule === "manual" ? null : new Date().toISOString(),
    })
    .returning()
    .get();
}

export function updateHarvestSource(
  db: Database,
  { principal, id, input }: { principal: Principal | null; id: number; input: HarvestSourceInputRaw },
): HarvestSource {
  const source = sourceOrThrow(db, id);
  assertCan(principal, "harvest:manage", { publisherId: source.defaultPublisherId });
  const parsed = harvestSourceInputSchema.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error, "The harvest source is not valid");
  const data = parsed.data;
  const publisherId = publisherIdOf(db, data.defaultPublisher);
  // Moving a source to another publisher needs the right to manage that publisher's sources too.
  assertCan(principal, "harvest:manage", { publisherId });
  const scheduleChanged = data.schedule !== source.schedule;
  return db
    .update(harvestSources)
    .set({
      name: data.name,
      url: data.url,
      kind: data.kind,
      schedule: data.schedule,
      defaultPublisherId: publisherId,
      enabled: data.enabled,
      archiveAfterDays: data.archiveAfterDays,
      ...(scheduleChanged && { nextRunAt: nextRunAfter(data.schedule, source.lastRunAt ? new Date(source.lastRunAt) : new Date(0)) }),
      updatedAt: new Date().toISOString(),
    })
    .where(eq(harvestSources.id, id))
    .returning()
    .get();
}

export function listHarvestSources(db: Database, { principal }: { principal: Principal | null }): HarvestSourceSummary[] {
  if (!principal) throw new AppError("unauthorized", "Sign in to do this");
  const ids = writablePublisherIds(principal);
  const manageable = ids === "all" ? "all" : ids.filter((id) => principal.roles.get(id) === "admin");
  if (manageable !== "all" && manageable.length === 0) throw new AppError("forbidden", "You do not have permission to do this");
  return listHarvestSourceSummaries(db, { publisherIds: manageable });
}

export function getHarvestSource(
  db: Database,
  { principal, id, jobs = 20 }: { principal: Principal | null; id: number; jobs?: number },
): HarvestSourceSummary & { jobs: HarvestJob[] } {
  const source = sourceOrThrow(db, id);
  assertCan(principal, "harvest:manage", { publisherId: source.defaultPublisherId });
  return { ...findHarvestSourceSummary(db, id)!, jobs: listHarvestJobs(db, { sourceId: id, limit: jobs }) };
}

export function getHarvestJob(
  db: Database,
  { principal, id }: { principal: Principal | null; id: number },
): HarvestJob & { source: HarvestSource | null; messages: HarvestJobMessage[] } {
  const job = findHarvestJob(db, id);
  if (!job) throw new AppError("not_found", `No harvest job has the id ${id}`);
  const source = job.sourceId === null ? null : (findHarvestSource(db, job.sourceId) ?? null);
  if (source) assertCan(principal, "harvest:manage", { publisherId: source.defaultPublisherId });
  else assertCan(principal, "site:admin");
  return { ...job, source, messages: listHarvestJobMessages(db, { jobId: id }) };
}

/**
 * Start a source's job now (the staff area's "Harvest now", or a dry run): resolves with the job's
 * id as soon as its row is written (status `running`), while the job goes on in its own thread;
 * the job's page shows its progress, then its report. A staff member's request does not wait for
 * a large or slow source, which could take minutes. Refused (conflict) while a job of the source
 * runs in this process. `finished` settles when the job ends (its report; failures are logged).
 */
export async function startHarvestSourceNow(
  db: Database,
  { principal, id, dryRun = false }: { principal: Principal | null; id: number; dryRun?: boolean },
): Promise<{ jobId: number; finished: Promise<(HarvestReport & { jobId: number }) | undefined> }> {
  const source = sourceOrThrow(db, id);
  assertCan(principal, "harvest:manage", { publisherId: source.defaultPublisherId });
  let started!: (jobId: number) => void;
  let startedId: number | undefined;
  const jobStarted = new Promise<number>((resolve) => (started = resolve));
  const job = runHarvestJob(db, {
    source,
    dryRun,
    triggeredBy: principal.email,
    onJobStarted: (jobId) => started((startedId = jobId)),
  });
  // What goes wrong once the job has started is in its row too (failStoppedJob, the report): logged here.
  const finished = job.catch((error: unknown) => {
    if (startedId !== undefined) console.error(`Harvest job ${startedId} (source ${id}) failed`, error);
    return undefined;
  });
  // Before its row exists, a job can only be refused (a job of the source is running): that error is the caller's.
  const jobId = await Promise.race([jobStarted, job.then((report) => report.jobId)]);
  return { jobId, finished };
}
