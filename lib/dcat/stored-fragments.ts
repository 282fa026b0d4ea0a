import type { Database } from "@/db/client";
import { selfContainedFragments } from "./catalog-document";
import type { RdfFormat } from "./content-types";
import type { FragmentStore, StoredFragment } from "./fragment-store";
import type { ProfileName } from "./profiles";
import { prepared } from "./queries";

/**
 * Datasets' fragments from the feed's store (fragment-store.ts), written and kept for those it
 * does not hold or holds stale: what a feed worker answers a page's datasets with.
 */

/** One form of the feed's fragments: what their text depends on besides the datasets. */
export type FragmentVariant = { format: RdfFormat; baseUrl: string; catalogUri: string; profile: ProfileName };

export const variantKey = ({ format, baseUrl, catalogUri, profile }: FragmentVariant): string =>
  JSON.stringify([profile, format, baseUrl, catalogUri]);

/**
 * What a published dataset's fragment is written from, as a stamp that moves whenever any of it
 * changes: the dataset's last change (every write to a dataset, its distributions, themes,
 * keywords, places and catalogue record moves it, as the feed's ETags already rely on; a
 * publisher's change moves its datasets' too), its publisher's, and those of the data services its
 * distributions are served by and of their publishers. Contact points are never changed in place.
 * By id range, as the store is read; ids not published are left out.
 */
function datasetStamps(db: Database, ids: readonly number[]): Map<number, string> {
  const stamps = new Map<number, string>();
  if (ids.length === 0) return stamps;
  const rows = prepared(
    db,
    `select d.id, d.updated_at || ' ' || p.updated_at || coalesce((
        select ' ' || group_concat(s.id || ':' || s.updated_at || ':' || sp.updated_at, ' ')
        from distributions x join data_services s on s.id = x.access_service_id join publishers sp on sp.id = s.publisher_id
        where x.dataset_id = d.id), '')
      from datasets d join publishers p on p.id = d.publisher_id
      where d.id between ? and ? and +d.state = 'published'`,
    "raw",
  ).all(Math.min(...ids), Math.max(...ids)) as [number, string][];
  const wanted = new Set(ids);
  for (const [id, stamp] of rows) if (wanted.has(id)) stamps.set(id, stamp);
  return stamps;
}

export type StoredFragmentsResult = {
  /** The fragments, concatenated in the order of `ids` (those not published left out); empty when only stored. */
  bytes: Uint8Array;
  /** How many of them were written now (not stored, or stored stale). */
  written: number;
};

/**
 * These datasets' fragments in one variant: the stored ones whose stamp is current, the others
 * written now and stored. The stamps are read before the datasets are: a change in between makes
 * the fragment stored newer than its stamp, so it is written again next time, never kept stale.
 * With `answer: false` (filling the store), only the stored stamps are read, not the fragments,
 * and nothing is answered. A store that fails to read or write is reported to `onStoreError`,
 * and the fragments answered all the same (written now).
 */
export async function storedFragments(
  db: Database,
  store: FragmentStore,
  ids: readonly number[],
  variant: FragmentVariant,
  { answer = true, onStoreError = () => {} }: { answer?: boolean; onStoreError?: (error: unknown) => void } = {},
): Promise<StoredFragmentsResult> {
  const key = variantKey(variant);
  let kept = new Map<number, StoredFragment>();
  let keptStamps = new Map<number, string>();
  let usable = true;
  try {
    if (answer) {
      kept = store.read(key, ids);
      for (const [id, { stamp }] of kept) keptStamps.set(id, stamp);
    } else {
      keptStamps = store.readStamps(key, ids);
    }
  } catch (error) {
    usable = false;
    onStoreError(error);
  }
  const stamps = datasetStamps(db, ids);
  const current = (id: number) => keptStamps.get(id) === stamps.get(id);
  const missing = ids.filter((id) => stamps.has(id) && !current(id));
  const written = missing.length > 0 ? await selfContainedFragments(db, missing, variant.format, variant) : new Map<number, Uint8Array>();
  if (usable && written.size > 0) {
    const fresh = new Map<number, StoredFragment>();
    for (const [id, body] of written) fresh.set(id, { stamp: stamps.get(id)!, body });
    try {
      store.write(key, fresh);
    } catch (error) {
      onStoreError(error);
    }
  }
  if (!answer) return { bytes: new Uint8Array(0), written: written.size };
  const parts: Uint8Array[] = [];
  for (const id of ids) {
    // Written now, or kept and current; a dataset withdrawn since its stamp was read has neither.
    const body = written.get(id) ?? (stamps.has(id) && current(id) ? kept.get(id)!.body : undefined);
    if (body) parts.push(body);
  }
  return { bytes: Buffer.concat(parts), written: written.size };
}
