import type { Executor } from "@/db/client";
import { env } from "@/lib/env";
import { AppError, validationError } from "@/lib/errors";
import { refreshDatasetOpenness, refreshWrittenDatasetsOpenness } from "@/lib/kpi/refresh-openness";
import { qualityFactsOfInput, type WrittenQuality } from "@/lib/quality/catalogue-quality";
import { indexDataset, indexWrittenDatasets, searchTextsOfInput, type SearchTexts } from "@/lib/search/index-dataset";
import type { RawEncoding } from "@/lib/harvest/raw-record";
import type { Actor } from "./actor";
import { canonicalSnapshot, resolveContactPoint, statement, writeDatasetParts } from "./dataset-parts";
import { alreadyValidated, parseDatasetInput, type DatasetInput, type DatasetInputRaw } from "./schemas";
import { firstFreeSlug, slugify } from "./slug";

/** Where a record comes from; harvested records keep the URI their publisher gave them. */
export type RecordOrigin =
  | { kind: "local"; note?: string }
  | {
      kind: "harvest";
      sourceId: number | null;
      uri: string;
      identifier?: string;
      /** The raw record: text, or bytes encoded as `rawEncoding` says (lib/harvest/raw-record.ts). */
      raw?: string | Uint8Array;
      rawEncoding?: RawEncoding;
      rawFormat?: string;
      contentHash?: string;
      /** The harvest's time of seeing it (catalogue_records.last_seen_at), when written by one. */
      seenAt?: string;
    };

export type CreatedDataset = { id: number; slug: string; uri: string };

/** A dataset as a write command wrote it: its validated input, publisher and contact point. */
type WrittenDataset = { data: DatasetInput; publisherId: number; contactPointId: number | null };

/**
 * For bulk writers (a harvest): the search row and stored openness of the datasets written are
 * brought up to date together by `flush`, with set-based statements, from what was written
 * (nothing is read back), instead of one dataset at a time. `flush` must run in the same
 * transaction, after the last write and before it commits.
 */
export class DeferredDerived {
  /** The datasets added since the last flush (in the order added), with what was written of them. */
  private written = new Map<number, WrittenDataset>();
  add(datasetId: number, written: WrittenDataset): void {
    this.written.set(datasetId, written);
  }
  get size(): number {
    return this.written.size;
  }
  /**
   * Bring the search rows and openness of the datasets added since the last flush up to date;
   * returns their ids, and what was written of them for their quality scores (refreshDatasetQuality).
   */
  flush(tx: Executor): { ids: number[]; written: Map<number, WrittenQuality> } {
    const batch = this.written;
    this.written = new Map();
    const ids = [...batch.keys()];
    const quality = new Map<number, WrittenQuality>();
    if (ids.length === 0) return { ids, written: quality };
    const texts = new Map<number, SearchTexts>();
    const inputs = new Map<number, DatasetInput>();
    for (const [id, { data, publisherId, contactPointId }] of batch) {
      quality.set(id, qualityFactsOfInput(data, { publisherId, hasContactPoint: contactPointId !== null }));
      texts.set(id, searchTextsOfInput(data, publisherId));
      inputs.set(id, data);
    }
    indexWrittenDatasets(tx, texts);
    refreshWrittenDatasetsOpenness(tx, inputs);
    return { ids, written: quality };
  }
}

/**
 * Write the search row and openness now, or leave them to the caller's batch (with what was
 * written, for the batch's rows and quality scores).
 */
export function refreshDerived(tx: Executor, datasetId: number, deferred: DeferredDerived | undefined, written: WrittenDataset): void {
  if (deferred) {
    deferred.add(datasetId, written);
    return;
  }
  indexDataset(tx, datasetId);
  refreshDatasetOpenness(tx, datasetId);
}

/**
 * Register a dataset: validate with the shared schema, mint its slug and URI, write it with its
 * parts, its catalogue record, its first revision and its search-index row. Run it inside a
 * transaction (`db.transaction((tx) => createDataset(tx, …))`) so all of that lands or none of it.
 * Authorisation is the caller's command layer's job (see lib/auth), not this function's.
 */
export function createDataset(
  tx: Executor,
  {
    input,
    actor,
    origin = { kind: "local" },
    deferred,
  }: { input: DatasetInputRaw | DatasetInput; actor: Actor; origin?: RecordOrigin; /** Bulk writers: see DeferredDerived. */ deferred?: DeferredDerived },
): CreatedDataset {
  const data = validDatasetInput(input);

  const publisher = statement(tx, "select id from publishers where slug = ?").get(data.publisher) as { id: number } | undefined;
  if (!publisher) {
    throw new AppError("unprocessable_entity", `Unknown publisher ${data.publisher}`, {
      fields: { publisher: ["No publisher has this slug"] },
    });
  }

  // `base` and every `base-…` slug, read with the slug index ("-" and "." are neighbours).
  const base = slugify(data.title.nb);
  const taken = statement(tx, "select slug from datasets where slug = @base or (slug >= @base || '-' and slug < @base || '.')").pluck().all({ base }) as string[];
  const slug = firstFreeSlug(base, taken);
  const uri = origin.kind === "harvest" ? origin.uri : `${env.BASE_URL}/datasets/${slug}`;
  if (statement(tx, "select id from datasets where uri = ?").get(uri)) {
    throw new AppError("conflict", `A dataset with the URI ${uri} exists`);
  }
  const now = new Date().toISOString();
  const harvested = origin.kind === "harvest" ? origin : undefined;
  const contactPointId = resolveContactPoint(tx, publisher.id, data.contactPoint);

  // Plain prepared statements (same columns as db/schema): these run for every dataset a harvest
  // or an import writes, and the query builder's per-call SQL building was most of their cost.
  // The new id is the last inserted rowid: `returning id` cost 3-5 µs more an insert in a harvest,
  // ~30 µs outside one (SQLite keeps the returned rows in a temporary table: a file by default).
  const { lastInsertRowid } = statement(
    tx,
    `insert into datasets (slug, uri, identifier, publisher_id, contact_point_id, title_nb, title_nn, title_en,
      description_nb, description_nn, description_en, access_rights, license, accrual_periodicity, landing_page,
      conforms_to, languages, temporal_start, temporal_end, spatial_resolution_meters, issued, modified, state,
      state_changed_at, state_changed_by, created_at, updated_at)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    slug,
    uri,
    harvested?.identifier ?? null,
    publisher.id,
    contactPointId,
    data.title.nb,
    data.title.nn ?? null,
    data.title.en ?? null,
    data.description.nb,
    data.description.nn ?? null,
    data.description.en ?? null,
    data.accessRights,
    data.license ?? null,
    data.accrualPeriodicity ?? null,
    data.landingPage ?? null,
    JSON.stringify(data.conformsTo),
    JSON.stringify(data.languages),
    data.temporal?.start ?? null,
    data.temporal?.end ?? null,
    data.spatialResolutionMeters ?? null,
    data.issued ?? null,
    data.modified ?? null,
    data.state,
    now,
    actor.label,
    now,
    now,
  );
  const id = Number(lastInsertRowid);

  writeDatasetParts(tx, id, data, { fresh: true });
  statement(
    tx,
    `insert into catalogue_records (dataset_id, origin, harvest_source_id, source_note, issued, modified, harvested_at,
      content_hash, raw, raw_encoding, raw_format, last_seen_at)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    origin.kind,
    harvested?.sourceId ?? null,
    origin.kind === "local" ? (origin.note ?? null) : null,
    now,
    now,
    harvested ? now : null,
    harvested?.contentHash ?? null,
    harvested?.raw ?? null,
    harvested?.rawEncoding ?? null,
    harvested?.rawFormat ?? null,
    harvested?.seenAt ?? null,
  );

  // The snapshot is the input as it reads back from the tables just written (canonicalInput is
  // that shape), without reading it back. The changes of a create are the snapshot's fields, from
  // nothing: derived from it when read (revisionChanges), not stored a second time.
  statement(tx, "insert into revisions (dataset_id, at, actor_user_id, actor, action, changes, snapshot) values (?, ?, ?, ?, ?, ?, ?)").run(
    id,
    now,
    actor.userId ?? null,
    actor.label,
    "create",
    "[]",
    canonicalSnapshot(data),
  );
  refreshDerived(tx, id, deferred, { data, publisherId: publisher.id, contactPointId });
  return { id, slug, uri };
}

/** The input parsed with the registration schema (not again when it already was); 422 when invalid. */
export function validDatasetInput(input: DatasetInputRaw | DatasetInput): DatasetInput {
  const known = alreadyValidated(input);
  if (known) return known;
  const parsed = parseDatasetInput(input);
  if (!parsed.success) throw validationError(parsed.error, "The dataset is not valid");
  return parsed.data;
}
