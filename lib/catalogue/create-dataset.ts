import type { Executor } from "@/db/client";
import { catalogueRecords, datasets, revisions } from "@/db/schema";
import { env } from "@/lib/env";
import { AppError, validationError } from "@/lib/errors";
import { refreshDatasetOpenness, refreshDatasetsOpenness } from "@/lib/kpi/refresh-openness";
import { indexDataset, indexDatasets } from "@/lib/search/index-dataset";
import type { Actor } from "./actor";
import { readDatasetInput, resolveContactPoint, statement, writeDatasetParts } from "./dataset-parts";
import { diffSnapshots } from "./diff";
import { datasetInputSchema, type DatasetInputRaw } from "./schemas";
import { slugify, uniqueSlug } from "./slug";

/** Where a record comes from; harvested records keep the URI their publisher gave them. */
export type RecordOrigin =
  | { kind: "local"; note?: string }
  | { kind: "harvest"; sourceId: number | null; uri: string; identifier?: string; raw?: string; rawFormat?: string; contentHash?: string };

export type CreatedDataset = { id: number; slug: string; uri: string };

/**
 * For bulk writers (a harvest): the search row and stored openness of the datasets written are
 * brought up to date together by `flush`, with set-based statements, instead of one dataset at a
 * time. `flush` must run in the same transaction, after the last write and before it commits.
 */
export class DeferredDerived {
  private readonly ids = new Set<number>();
  add(datasetId: number): void {
    this.ids.add(datasetId);
  }
  get size(): number {
    return this.ids.size;
  }
  flush(tx: Executor): void {
    if (this.ids.size === 0) return;
    indexDatasets(tx, this.ids);
    refreshDatasetsOpenness(tx, this.ids);
    this.ids.clear();
  }
}

/** Write the search row and openness now, or leave them to the caller's batch. */
export function refreshDerived(tx: Executor, datasetId: number, deferred: DeferredDerived | undefined): void {
  if (deferred) {
    deferred.add(datasetId);
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
  }: { input: DatasetInputRaw; actor: Actor; origin?: RecordOrigin; /** Bulk writers: see DeferredDerived. */ deferred?: DeferredDerived },
): CreatedDataset {
  const parsed = datasetInputSchema.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error, "The dataset is not valid");
  const data = parsed.data;

  const publisher = statement(tx, "select id from publishers where slug = ?").get(data.publisher) as { id: number } | undefined;
  if (!publisher) {
    throw new AppError("unprocessable_entity", `Unknown publisher ${data.publisher}`, {
      fields: { publisher: ["No publisher has this slug"] },
    });
  }

  const slug = uniqueSlug(
    slugify(data.title.nb),
    (candidate) => statement(tx, "select id from datasets where slug = ?").get(candidate) !== undefined,
  );
  const uri = origin.kind === "harvest" ? origin.uri : `${env.BASE_URL}/datasets/${slug}`;
  if (statement(tx, "select id from datasets where uri = ?").get(uri)) {
    throw new AppError("conflict", `A dataset with the URI ${uri} exists`);
  }
  const now = new Date().toISOString();

  const { id } = tx
    .insert(datasets)
    .values({
      slug,
      uri,
      identifier: origin.kind === "harvest" ? origin.identifier : undefined,
      publisherId: publisher.id,
      contactPointId: resolveContactPoint(tx, publisher.id, data.contactPoint),
      titleNb: data.title.nb,
      titleNn: data.title.nn,
      titleEn: data.title.en,
      descriptionNb: data.description.nb,
      descriptionNn: data.description.nn,
      descriptionEn: data.description.en,
      accessRights: data.accessRights,
      license: data.license,
      accrualPeriodicity: data.accrualPeriodicity,
      landingPage: data.landingPage,
      conformsTo: data.conformsTo,
      languages: data.languages,
      temporalStart: data.temporal?.start,
      temporalEnd: data.temporal?.end,
      spatialResolutionMeters: data.spatialResolutionMeters,
      issued: data.issued,
      modified: data.modified,
      state: data.state,
      stateChangedAt: now,
      stateChangedBy: actor.label,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: datasets.id })
    .get();

  writeDatasetParts(tx, id, data);
  tx.insert(catalogueRecords)
    .values({
      datasetId: id,
      origin: origin.kind,
      harvestSourceId: origin.kind === "harvest" ? origin.sourceId : undefined,
      sourceNote: origin.kind === "local" ? origin.note : undefined,
      issued: now,
      modified: now,
      harvestedAt: origin.kind === "harvest" ? now : undefined,
      contentHash: origin.kind === "harvest" ? origin.contentHash : undefined,
      raw: origin.kind === "harvest" ? origin.raw : undefined,
      rawFormat: origin.kind === "harvest" ? origin.rawFormat : undefined,
    })
    .run();

  const snapshot = readDatasetInput(tx, id);
  tx.insert(revisions)
    .values({
      datasetId: id,
      at: now,
      actorUserId: actor.userId,
      actor: actor.label,
      action: "create",
      changes: diffSnapshots({}, snapshot),
      snapshot,
    })
    .run();
  refreshDerived(tx, id, deferred);
  return { id, slug, uri };
}
