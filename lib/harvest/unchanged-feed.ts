import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import type { JobMessage } from "./reconcile";

/**
 * A harvest of a feed whose bytes are exactly those of the source's last complete harvest, with
 * nothing changed since, has a known outcome: every record it listed is unchanged, its warnings
 * are the same. It is then answered without parsing or mapping the feed again. The job still
 * marks those records seen, runs the archiving of records that are no longer listed, and reports
 * the same counts and messages that parsing everything would have given.
 *
 * The shortcut is taken only when all of this holds (otherwise the feed is parsed as usual):
 * - the last successful, not dry-run job of the same source (for ad-hoc runs: of any ad-hoc run)
 *   harvested the same location and stored the same feed hash (a single-page feed; the hash
 *   covers the mapping version, the URL, the content type and the bytes);
 * - that job had no failed record and stored every one of its messages (so its warnings can be
 *   repeated: they come from the bytes, except the archiving ones, which are worked out again);
 * - every record it saw is still harvested by the source, published, not archived, and has a
 *   content hash (so each would compare unchanged again); none was deleted.
 */

export type UnchangedBasis = {
  jobId: number;
  seenAt: string;
  /** Records the earlier job saw, each of which is unchanged now. */
  records: number;
  /** Its messages, except those of the archiving step. */
  messages: JobMessage[];
};

const ARCHIVE_MESSAGE_PREFIXES = ["No longer listed by the source (missing since ", "Archived: no longer listed by the source since "];

export const isArchiveMessage = (m: JobMessage) => m.recordUri !== null && ARCHIVE_MESSAGE_PREFIXES.some((p) => m.message.startsWith(p));

export type CompleteJob = {
  id: number;
  location: string;
  feedHash: string | null;
  seenAt: string | null;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  warnings: number;
};

/**
 * The last complete harvest of a source (for ad-hoc runs, `sourceId` null: of any ad-hoc run): the
 * newest succeeded job that was not a dry run.
 */
export function lastCompleteJob(tx: Executor, sourceId: number | null): CompleteJob | undefined {
  return tx.get<CompleteJob>(sql`select id, location, feed_hash as feedHash, seen_at as seenAt, created, updated, unchanged, failed, warnings
    from harvest_jobs where status = 'succeeded' and dry_run = 0 and source_id is ${sourceId}
    order by id desc limit 1`);
}

/** A job whose feed, byte for byte, another harvest of `location` could repeat (the first conditions above). */
const mayRepeat = (last: CompleteJob | undefined, location: string): last is CompleteJob & { feedHash: string; seenAt: string } =>
  last !== undefined && last.feedHash !== null && last.location === location && last.seenAt !== null && last.failed === 0;

/**
 * Whether a harvest of `location` could be answered as unchanged at all, before its feed is read:
 * false when the source's last complete harvest was of another location, stored no feed hash (a
 * paged feed) or had failed records — and when there is none (a source's first harvest). The feed
 * is then parsed as it is read, hashed on the way, rather than kept in a file while it is hashed
 * first (gather.ts).
 */
export function mayBeUnchangedFeed(tx: Executor, { sourceId, location }: { sourceId: number | null; location: string }): boolean {
  return mayRepeat(lastCompleteJob(tx, sourceId), location);
}

export function findUnchangedBasis(
  tx: Executor,
  { sourceId, location, feedHash }: { sourceId: number | null; location: string; feedHash: string },
): UnchangedBasis | null {
  const last = lastCompleteJob(tx, sourceId);
  if (!mayRepeat(last, location) || last.feedHash !== feedHash) return null;
  const messages = tx
    .all<{ level: "warning" | "error"; recordUri: string | null; message: string }>(
      sql`select level, record_uri as recordUri, message from harvest_job_messages where job_id = ${last.id} order by id`,
    )
    .map((m) => ({ level: m.level, recordUri: m.recordUri, message: m.message }));
  if (messages.length !== last.warnings || messages.some((m) => m.level !== "warning")) return null;
  const records = last.created + last.updated + last.unchanged;
  const seen = tx.get<{ all: number; ok: number }>(sql`
    select count(*) as "all",
      coalesce(sum(r.origin = 'harvest' and d.state = 'published' and r.archived_at is null and r.content_hash is not null), 0) as ok
    from catalogue_records r join datasets d on d.id = r.dataset_id
    where r.last_seen_at = ${last.seenAt} and r.harvest_source_id is ${sourceId}`)!;
  if (seen.all !== records || seen.ok !== records) return null;
  return { jobId: last.id, seenAt: last.seenAt, records, messages: messages.filter((m) => !isArchiveMessage(m)) };
}

/** Mark the records the earlier job saw as seen now; returns their ids. */
export function markUnchangedSeen(tx: Executor, { sourceId, basis, nowIso }: { sourceId: number | null; basis: UnchangedBasis; nowIso: string }): number[] {
  tx.run(sql`update catalogue_records set last_seen_at = ${nowIso}, missing_since = null
    where last_seen_at = ${basis.seenAt} and harvest_source_id is ${sourceId}`);
  return tx
    .all<{ id: number }>(sql`select dataset_id as id from catalogue_records where last_seen_at = ${nowIso} and harvest_source_id is ${sourceId}`)
    .map((r) => r.id);
}
