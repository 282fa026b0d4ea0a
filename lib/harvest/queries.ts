import { and, desc, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { catalogueRecords, harvestJobMessages, harvestJobs, harvestSources, publishers, type HarvestJob, type HarvestJobMessage, type HarvestSource } from "@/db/schema";

/** Reads for the harvest area (staff pages, CLI): sources, jobs and the origin of a record. */

export type HarvestSourceSummary = HarvestSource & {
  defaultPublisher: { slug: string; name: string } | null;
  records: number;
  archivedRecords: number;
  lastJob: Pick<HarvestJob, "id" | "status" | "startedAt" | "finishedAt" | "created" | "updated" | "unchanged" | "archived" | "failed" | "warnings" | "error"> | null;
};

type SummaryRow = HarvestSource & { publisherSlug: string | null; publisherName: string | null; records: number; archivedRecords: number };

function summaries(db: Executor, where?: ReturnType<typeof eq>): HarvestSourceSummary[] {
  const rows = db
    .select({
      source: harvestSources,
      publisherSlug: publishers.slug,
      publisherName: publishers.nameNb,
      records: sql<number>`(select count(*) from catalogue_records r where r.harvest_source_id = ${harvestSources.id})`,
      archivedRecords: sql<number>`(select count(*) from catalogue_records r where r.harvest_source_id = ${harvestSources.id} and r.archived_at is not null)`,
    })
    .from(harvestSources)
    .leftJoin(publishers, eq(publishers.id, harvestSources.defaultPublisherId))
    .where(where)
    .orderBy(harvestSources.name)
    .all();
  return rows.map((r) => {
    const s: SummaryRow = { ...r.source, publisherSlug: r.publisherSlug, publisherName: r.publisherName, records: r.records, archivedRecords: r.archivedRecords };
    const lastJob = db.select().from(harvestJobs).where(eq(harvestJobs.sourceId, s.id)).orderBy(desc(harvestJobs.id)).limit(1).get() ?? null;
    const { publisherSlug, publisherName, ...source } = s;
    return {
      ...source,
      defaultPublisher: publisherSlug ? { slug: publisherSlug, name: publisherName! } : null,
      lastJob,
    };
  });
}

export function listHarvestSourceSummaries(db: Executor, { publisherIds }: { publisherIds: readonly number[] | "all" }): HarvestSourceSummary[] {
  const all = summaries(db);
  return publisherIds === "all" ? all : all.filter((s) => s.defaultPublisherId !== null && publisherIds.includes(s.defaultPublisherId));
}

export function findHarvestSource(db: Executor, id: number): HarvestSource | undefined {
  return db.select().from(harvestSources).where(eq(harvestSources.id, id)).get();
}

export function findHarvestSourceSummary(db: Executor, id: number): HarvestSourceSummary | undefined {
  return summaries(db, eq(harvestSources.id, id))[0];
}

export function listHarvestJobs(db: Executor, { sourceId, limit = 20 }: { sourceId: number; limit?: number }): HarvestJob[] {
  return db.select().from(harvestJobs).where(eq(harvestJobs.sourceId, sourceId)).orderBy(desc(harvestJobs.id)).limit(limit).all();
}

export function findHarvestJob(db: Executor, id: number): HarvestJob | undefined {
  return db.select().from(harvestJobs).where(eq(harvestJobs.id, id)).get();
}

export function listHarvestJobMessages(db: Executor, { jobId, level, limit = 1000 }: { jobId: number; level?: "warning" | "error"; limit?: number }): HarvestJobMessage[] {
  return db
    .select()
    .from(harvestJobMessages)
    .where(level ? and(eq(harvestJobMessages.jobId, jobId), eq(harvestJobMessages.level, level)) : eq(harvestJobMessages.jobId, jobId))
    .orderBy(sql`case ${harvestJobMessages.level} when 'error' then 0 else 1 end`, harvestJobMessages.id)
    .limit(limit)
    .all();
}

/** Enabled sources whose next run is due (or never scheduled yet), oldest due first. */
export function listDueHarvestSources(db: Executor, now: Date): HarvestSource[] {
  return db
    .select()
    .from(harvestSources)
    .where(
      and(
        eq(harvestSources.enabled, true),
        sql`${harvestSources.schedule} != 'manual'`,
        sql`(${harvestSources.nextRunAt} is null or ${harvestSources.nextRunAt} <= ${now.toISOString()})`,
      ),
    )
    .orderBy(sql`coalesce(${harvestSources.nextRunAt}, '')`, harvestSources.id)
    .all();
}

export type HarvestOrigin = {
  sourceId: number | null;
  sourceName: string | null;
  harvestedAt: string | null;
  archivedAt: string | null;
  missingSince: string | null;
};

/**
 * Where a dataset's record comes from, when it was harvested: harvested records are read-only in
 * the staff form (README, Harvesting), so the form shows this instead of the edit fields.
 * Undefined for locally registered datasets.
 */
export function getHarvestOrigin(db: Executor, { datasetId }: { datasetId: number }): HarvestOrigin | undefined {
  const row = db
    .select({
      origin: catalogueRecords.origin,
      sourceId: catalogueRecords.harvestSourceId,
      sourceName: harvestSources.name,
      harvestedAt: catalogueRecords.harvestedAt,
      archivedAt: catalogueRecords.archivedAt,
      missingSince: catalogueRecords.missingSince,
    })
    .from(catalogueRecords)
    .leftJoin(harvestSources, eq(harvestSources.id, catalogueRecords.harvestSourceId))
    .where(eq(catalogueRecords.datasetId, datasetId))
    .get();
  if (!row || row.origin !== "harvest") return undefined;
  const { origin: _origin, ...rest } = row;
  return rest;
}

/** True for a harvested dataset, which staff may not edit (its source is the master). */
export function isHarvestedRecord(db: Executor, { datasetId }: { datasetId: number }): boolean {
  return getHarvestOrigin(db, { datasetId }) !== undefined;
}
