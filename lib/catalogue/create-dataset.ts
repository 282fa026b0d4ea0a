import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { catalogueRecords, datasets, publishers, revisions } from "@/db/schema";
import { env } from "@/lib/env";
import { AppError, validationError } from "@/lib/errors";
import { refreshDatasetOpenness } from "@/lib/kpi/refresh-openness";
import { indexDataset } from "@/lib/search/index-dataset";
import type { Actor } from "./actor";
import { readDatasetInput, resolveContactPoint, writeDatasetParts } from "./dataset-parts";
import { diffSnapshots } from "./diff";
import { datasetInputSchema, type DatasetInputRaw } from "./schemas";
import { slugify, uniqueSlug } from "./slug";

/** Where a record comes from; harvested records keep the URI their publisher gave them. */
export type RecordOrigin =
  | { kind: "local"; note?: string }
  | { kind: "harvest"; sourceId: number | null; uri: string; identifier?: string; raw?: string; rawFormat?: string; contentHash?: string };

export type CreatedDataset = { id: number; slug: string; uri: string };

/**
 * Register a dataset: validate with the shared schema, mint its slug and URI, write it with its
 * parts, its catalogue record, its first revision and its search-index row. Run it inside a
 * transaction (`db.transaction((tx) => createDataset(tx, …))`) so all of that lands or none of it.
 * Authorisation is the caller's command layer's job (see lib/auth), not this function's.
 */
export function createDataset(
  tx: Executor,
  { input, actor, origin = { kind: "local" } }: { input: DatasetInputRaw; actor: Actor; origin?: RecordOrigin },
): CreatedDataset {
  const parsed = datasetInputSchema.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error, "The dataset is not valid");
  const data = parsed.data;

  const publisher = tx
    .select({ id: publishers.id })
    .from(publishers)
    .where(eq(publishers.slug, data.publisher))
    .get();
  if (!publisher) {
    throw new AppError("unprocessable_entity", `Unknown publisher ${data.publisher}`, {
      fields: { publisher: ["No publisher has this slug"] },
    });
  }

  const slug = uniqueSlug(
    slugify(data.title.nb),
    (candidate) =>
      tx.select({ id: datasets.id }).from(datasets).where(eq(datasets.slug, candidate)).get() !== undefined,
  );
  const uri = origin.kind === "harvest" ? origin.uri : `${env.BASE_URL}/datasets/${slug}`;
  if (tx.select({ id: datasets.id }).from(datasets).where(eq(datasets.uri, uri)).get()) {
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
  indexDataset(tx, id);
  refreshDatasetOpenness(tx, id);
  return { id, slug, uri };
}
