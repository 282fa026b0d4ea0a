import type { FieldChange } from "@/db/schema";

/**
 * The field-level differences between two snapshots, as dotted paths (`title.en`,
 * `distributions.1.format`). Arrays of scalars (themes, keywords) compare as whole values so the
 * diff reads "themes: [ENVI] → [ENVI, TRAN]" rather than index by index.
 */
export function diffSnapshots(before: unknown, after: unknown, path = ""): FieldChange[] {
  if (Object.is(before, after)) return [];
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => diffSnapshots(before[key], after[key], join(path, key)));
  }
  if (Array.isArray(before) && Array.isArray(after) && (hasObjects(before) || hasObjects(after))) {
    const length = Math.max(before.length, after.length);
    return Array.from({ length }, (_, i) => diffSnapshots(before[i], after[i], join(path, String(i)))).flat();
  }
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  return [{ path: path || "(record)", before: before ?? null, after: after ?? null }];
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const hasObjects = (values: unknown[]) => values.some((v) => typeof v === "object" && v !== null);

/**
 * A stored revision's changes. A "create" revision is stored without them (they would repeat its
 * snapshot): they are every field of the snapshot, from nothing. Revisions written before that
 * have them stored, and read as stored.
 */
export function revisionChanges(revision: { action: string; changes: FieldChange[]; snapshot: unknown }): FieldChange[] {
  if (revision.action === "create" && revision.changes.length === 0 && revision.snapshot && typeof revision.snapshot === "object") {
    return changesFromNothing(revision.snapshot as Record<string, unknown>);
  }
  return revision.changes;
}

/**
 * `diffSnapshots({}, snapshot)` (a new dataset's first revision: one change per field, from
 * nothing), without the comparisons: every defined top-level field, in key order.
 */
export function changesFromNothing(snapshot: Record<string, unknown>): FieldChange[] {
  return Object.keys(snapshot)
    .filter((key) => snapshot[key] !== undefined)
    .sort()
    .map((key) => ({ path: key, before: null, after: snapshot[key] ?? null }));
}
