import { sql } from "drizzle-orm";
import type { Database, Executor } from "@/db/client";
import type { Actor } from "@/lib/catalogue/actor";
import { createDataset, DeferredDerived, type CreatedDataset } from "@/lib/catalogue/create-dataset";
import { withPublisher } from "@/lib/catalogue/schemas";
import { replaceDataset, setDatasetState } from "@/lib/catalogue/update-dataset";
import { AppError } from "@/lib/errors";
import { refreshDatasetQuality } from "@/lib/quality/store-quality";
import { PublisherResolver } from "./publishers";
import { packRaw } from "./raw-record";
import { withContentHash, type HarvestedRecord, type RecordFailure } from "./records";
import { markUnchangedSeen, type UnchangedBasis } from "./unchanged-feed";

/**
 * The second half of a job: write what was gathered, in the caller's transaction. Upsert by URI;
 * a record whose content hash is unchanged is not rewritten; one that was archived comes back
 * (published) when the source lists it again. After a complete harvest, the source's records it no
 * longer lists are marked missing, and archived (withdrawn, revision action "archive") once they
 * have been missing for the grace period. Local records and other sources' records are never
 * overwritten. A record that cannot be written leaves no half of itself behind: an update is
 * written under a savepoint, a create is refused before anything of it is written.
 */

export type JobMessage = { level: "warning" | "error"; recordUri: string | null; message: string };

export type ReconcileCounts = { created: number; updated: number; unchanged: number; archived: number; failed: number; warnings: number };

export type ReconcileResult = ReconcileCounts & {
  messages: JobMessage[];
  changedIds: number[];
  /** Of `changedIds`, those whose quality scores are not refreshed yet (archived records): the caller refreshes them after the commit. */
  qualityPending: number[];
  publishersCreated: string[];
  /** The time the records were marked seen (catalogue_records.last_seen_at). */
  seenAt: string;
};

export type ReconcileOptions = {
  sourceId: number | null;
  actor: Actor;
  defaultPublisherSlug: string | null;
  /** Days a record may be missing before it is archived; null: never archive (ad-hoc runs). */
  archiveAfterDays: number | null;
  now?: Date;
  onProgress?: (done: number, total: number) => void;
};

type Existing = {
  id: number;
  state: string;
  origin: string;
  sourceId: number | null;
  hash: string | null;
  archivedAt: string | null;
};

const DAY_MS = 24 * 60 * 60 * 1000;
/** How many written records' derived rows (search, openness, quality) are brought up to date at a time. */
const DERIVED_BATCH = 1_000;

export function reconcileRecords(
  db: Database,
  tx: Executor,
  { records, failures, total = 0 }: { records: Iterable<HarvestedRecord>; failures: RecordFailure[]; total?: number },
  options: ReconcileOptions,
): ReconcileResult {
  const now = options.now ?? new Date();
  const nowIso = now.toISOString();
  // Prepared statements and savepoints on the same connection as the transaction.
  const client = db.$client;
  const counts: ReconcileCounts = { created: 0, updated: 0, unchanged: 0, archived: 0, failed: 0, warnings: 0 };
  const messages: JobMessage[] = [];
  const changedIds: number[] = [];
  const seenIds: number[] = [];
  /** Created by this job: already written as seen now. */
  const createdIds = new Set<number>();
  const publishers = new PublisherResolver(tx, options.defaultPublisherSlug);
  // Search rows, stored openness and quality scores of the records written are brought up to date
  // a thousand records at a time (same transaction): set-based, not one dataset at a time, and not
  // all after the last record, when the parse worker has nothing more to do (when records come
  // while the feed is still parsed, the writer has time to spare meanwhile).
  const deferred = new DeferredDerived();
  const flushDerived = () => {
    const { ids, written } = deferred.flush(tx);
    refreshDatasetQuality(db, { datasetIds: ids, written });
  };

  const findByUri = client.prepare(`
    select d.id, d.state, r.origin, r.harvest_source_id as sourceId, r.content_hash as hash, r.archived_at as archivedAt
    from datasets d left join catalogue_records r on r.dataset_id = d.id where d.uri = ?`);
  // Each update is written under a savepoint (prepared once: ~4 µs a statement prepared anew).
  const savepoint = client.prepare("savepoint harvest_record");
  const releaseSavepoint = client.prepare("release harvest_record");
  const rollbackToSavepoint = client.prepare("rollback to harvest_record");
  const totalChanges = client.prepare("select total_changes()").pluck();
  const fail = (recordUri: string | null, message: string) => {
    counts.failed++;
    messages.push({ level: "error", recordUri, message });
  };

  // Records may be mapped lazily as they are iterated (gather.ts), and the mapping failures are
  // known only after that: the records are written first, and the failures' messages still come
  // first in the job's messages, as they did when everything was mapped beforehand.
  let done = 0;
  for (const record of records) {
    done++;
    if (done % 500 === 0) options.onProgress?.(done, Math.max(total, done));
    for (const warning of record.warnings) messages.push({ level: "warning", recordUri: record.uri, message: warning });
    counts.warnings += record.warnings.length;

    const existing = findByUri.get(record.uri) as Existing | undefined;
    if (existing && (existing.origin !== "harvest" || existing.sourceId !== options.sourceId)) {
      fail(
        record.uri,
        existing.origin !== "harvest"
          ? "A dataset with this URI is registered locally in Fjordcat; the harvested record was not imported"
          : `A dataset with this URI comes from another harvest source (${existing.sourceId ?? "an ad-hoc harvest"}); not imported`,
      );
      continue;
    }
    const hash = withContentHash(record).contentHash;
    if (existing && existing.hash === hash && existing.state === "published" && !existing.archivedAt) {
      counts.unchanged++;
      seenIds.push(existing.id);
      continue;
    }
    const publisher = publishers.resolve(record.publisher);
    if ("error" in publisher) {
      fail(record.uri, publisher.error);
      if (existing) seenIds.push(existing.id);
      continue;
    }
    const input = withPublisher(record.input, publisher.slug);
    try {
      if (existing) {
        savepoint.run();
        try {
          const result = replaceDataset(tx, {
            datasetId: existing.id,
            input,
            actor: options.actor,
            record: { contentHash: hash, ...packRaw(record.raw), rawFormat: record.rawFormat, harvestedAt: nowIso },
            deferred,
          });
          if (existing.archivedAt) {
            client.prepare("update catalogue_records set archived_at = null, missing_since = null where dataset_id = ?").run(existing.id);
          }
          releaseSavepoint.run();
          if (result.changed) {
            counts.updated++;
            changedIds.push(existing.id);
          } else {
            counts.unchanged++;
          }
          seenIds.push(existing.id);
        } catch (error) {
          rollbackToSavepoint.run();
          releaseSavepoint.run();
          throw error;
        }
      } else {
        // A create is written without a savepoint: createDataset refuses a record (AppError)
        // before it writes anything. (Under a savepoint SQLite copies every page the record
        // changes first: ~5% of a harvest's write time, measured on the benchmark's feed.) Should
        // a record ever be refused after something of it was written, the job fails: the
        // transaction is rolled back, nothing of the job stays.
        const changesBefore = totalChanges.get() as number;
        let created: CreatedDataset;
        try {
          created = createDataset(tx, {
            input,
            actor: options.actor,
            origin: {
              kind: "harvest",
              sourceId: options.sourceId,
              uri: record.uri,
              identifier: record.identifier,
              ...packRaw(record.raw),
              rawFormat: record.rawFormat,
              contentHash: hash,
              seenAt: nowIso,
            },
            deferred,
          });
        } catch (error) {
          if (error instanceof AppError && totalChanges.get() !== changesBefore) {
            throw new Error(`The dataset ${record.uri} was refused after part of it was written: ${error.message}`, { cause: error });
          }
          throw error;
        }
        counts.created++;
        changedIds.push(created.id);
        seenIds.push(created.id);
        createdIds.add(created.id);
      }
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const fields = error.fields ? ` (${Object.entries(error.fields).map(([k, v]) => `${k}: ${v.join("; ")}`).join(", ")})` : "";
      fail(record.uri, `${error.message}${fields}`);
      continue;
    }
    if (deferred.size >= DERIVED_BATCH) flushDerived();
  }
  options.onProgress?.(done, done);
  flushDerived();

  const recordMessages = messages.splice(0, messages.length);
  for (const failure of failures) {
    fail(failure.uri, failure.message);
    const existing = findByUri.get(failure.uri) as Existing | undefined;
    // Still listed by the source, only not importable this time: not missing.
    if (existing && existing.origin === "harvest" && existing.sourceId === options.sourceId) seenIds.push(existing.id);
  }
  messages.push(...recordMessages);

  const writtenChanged = changedIds.length;
  const markSeen = client.prepare("update catalogue_records set last_seen_at = ?, missing_since = null where dataset_id = ?");
  for (const id of seenIds) if (!createdIds.has(id)) markSeen.run(nowIso, id);

  if (options.sourceId !== null && options.archiveAfterDays !== null) {
    counts.archived = archiveMissing(tx, {
      sourceId: options.sourceId,
      seen: new Set(seenIds),
      now,
      graceMs: options.archiveAfterDays * DAY_MS,
      actor: options.actor,
      messages,
      changedIds,
    });
  }
  // The records written had their quality scores refreshed with their other derived rows; those archived not yet.
  const qualityPending = changedIds.slice(writtenChanged);
  return { ...counts, messages, changedIds, qualityPending, publishersCreated: publishers.created, seenAt: nowIso };
}

/**
 * The write half of a job whose feed is byte for byte that of the last complete harvest, with
 * nothing changed since (unchanged-feed.ts): its records are marked seen, the records no longer
 * listed are archived as usual, and the earlier job's warnings are repeated.
 */
export function reconcileUnchangedFeed(tx: Executor, basis: UnchangedBasis, options: ReconcileOptions): ReconcileResult {
  const now = options.now ?? new Date();
  const nowIso = now.toISOString();
  const messages: JobMessage[] = [...basis.messages];
  const changedIds: number[] = [];
  const seenIds = markUnchangedSeen(tx, { sourceId: options.sourceId, basis, nowIso });
  const counts: ReconcileCounts = {
    created: 0,
    updated: 0,
    unchanged: seenIds.length,
    archived: 0,
    failed: 0,
    warnings: basis.messages.filter((m) => m.recordUri !== null).length,
  };
  options.onProgress?.(seenIds.length, seenIds.length);
  if (options.sourceId !== null && options.archiveAfterDays !== null) {
    counts.archived = archiveMissing(tx, {
      sourceId: options.sourceId,
      seen: new Set(seenIds),
      now,
      graceMs: options.archiveAfterDays * DAY_MS,
      actor: options.actor,
      messages,
      changedIds,
    });
  }
  return { ...counts, messages, changedIds, qualityPending: changedIds, publishersCreated: [], seenAt: nowIso };
}

function archiveMissing(
  tx: Executor,
  { sourceId, seen, now, graceMs, actor, messages, changedIds }: { sourceId: number; seen: Set<number>; now: Date; graceMs: number; actor: Actor; messages: JobMessage[]; changedIds: number[] },
): number {
  const nowIso = now.toISOString();
  const rows = tx.all<{ id: number; uri: string; missingSince: string | null }>(sql`
    select d.id, d.uri, r.missing_since as missingSince from catalogue_records r join datasets d on d.id = r.dataset_id
    where r.harvest_source_id = ${sourceId} and r.archived_at is null`);
  let archived = 0;
  for (const row of rows) {
    if (seen.has(row.id)) continue;
    const since = row.missingSince ?? nowIso;
    if (!row.missingSince) tx.run(sql`update catalogue_records set missing_since = ${nowIso} where dataset_id = ${row.id}`);
    if (now.getTime() - Date.parse(since) < graceMs) {
      messages.push({ level: "warning", recordUri: row.uri, message: `No longer listed by the source (missing since ${since.slice(0, 10)}); archived after the grace period` });
      continue;
    }
    setDatasetState(tx, { datasetId: row.id, state: "withdrawn", actor, action: "archive" });
    tx.run(sql`update catalogue_records set archived_at = ${nowIso} where dataset_id = ${row.id}`);
    messages.push({ level: "warning", recordUri: row.uri, message: `Archived: no longer listed by the source since ${since.slice(0, 10)}` });
    changedIds.push(row.id);
    archived++;
  }
  return archived;
}
