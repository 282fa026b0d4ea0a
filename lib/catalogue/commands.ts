import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Database, Executor } from "@/db/client";
import { catalogueRecords, datasets, PUBLICATION_STATES, publishers, type PublicationState } from "@/db/schema";
import { assertCan } from "@/lib/auth/permissions";
import { actorOf, type Principal } from "@/lib/auth/principal";
import { AppError, validationError } from "@/lib/errors";
import { refreshDatasetQuality } from "@/lib/quality/store-quality";
import { createDataset, type CreatedDataset } from "./create-dataset";
import { readDatasetInput } from "./dataset-parts";
import { datasetInputSchema } from "./schemas";
import { replaceDataset, type UpdateResult } from "./update-dataset";

/**
 * The staff commands on datasets, used by every entry point (server actions, JSON API, CSV import,
 * CLI). Each one checks who is asking itself: 401 for anonymous callers, 403 for staff of another
 * publisher, then validates (422 with field errors) and writes in one immediate transaction, so a
 * refused or invalid request changes nothing.
 */

type DatasetTarget = { id: number; slug: string; publisherId: number; origin: string | null };

function findTarget(tx: Executor, slug: string): DatasetTarget {
  const row = tx
    .select({ id: datasets.id, slug: datasets.slug, publisherId: datasets.publisherId, origin: catalogueRecords.origin })
    .from(datasets)
    .leftJoin(catalogueRecords, eq(catalogueRecords.datasetId, datasets.id))
    .where(eq(datasets.slug, slug))
    .get();
  if (!row) throw new AppError("not_found", `No dataset has the slug ${slug}`);
  return row;
}

function publisherIdOf(tx: Executor, slug: string): number {
  const row = tx.select({ id: publishers.id }).from(publishers).where(eq(publishers.slug, slug)).get();
  if (!row) {
    throw new AppError("unprocessable_entity", `Unknown publisher ${slug}`, {
      fields: { publisher: ["No publisher has this slug"] },
    });
  }
  return row.id;
}

function requireSignedIn(principal: Principal | null): asserts principal is Principal {
  if (!principal) throw new AppError("unauthorized", "Sign in to do this");
}

/**
 * Harvested records are maintained by their source: a local edit would be overwritten by the next
 * harvest, so they are read-only here (change them at the source, or remove the harvest source).
 */
function assertLocal(target: DatasetTarget): void {
  if (target.origin === "harvest") {
    throw new AppError("conflict", "This dataset is harvested from another catalogue; change it at its source");
  }
}

/** Validate a registration shape, answering 422 with every field error. */
function parseInput(input: unknown) {
  const parsed = datasetInputSchema.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error, "The dataset is not valid");
  return parsed.data;
}

export function registerDataset(db: Database, principal: Principal | null, input: unknown): CreatedDataset {
  requireSignedIn(principal);
  const data = parseInput(input);
  const created = db.transaction(
    (tx) => {
      assertCan(principal, "dataset:write", { publisherId: publisherIdOf(tx, data.publisher) });
      return createDataset(tx, { input: data, actor: actorOf(principal) });
    },
    { behavior: "immediate" },
  );
  refreshDatasetQuality(db, { datasetIds: [created.id] });
  return created;
}

/** Replace a dataset's metadata (PUT and the staff form). The slug and URI never change. */
export function updateDataset(db: Database, principal: Principal | null, slug: string, input: unknown): UpdateResult {
  requireSignedIn(principal);
  const result = db.transaction(
    (tx) => {
      const target = findTarget(tx, slug);
      assertCan(principal, "dataset:write", { publisherId: target.publisherId });
      assertLocal(target);
      const data = parseInput(input);
      assertCan(principal, "dataset:write", { publisherId: publisherIdOf(tx, data.publisher) });
      return replaceDataset(tx, { datasetId: target.id, input: data, actor: actorOf(principal) });
    },
    { behavior: "immediate" },
  );
  if (result.changed) refreshDatasetQuality(db, { datasetIds: [result.id] });
  return result;
}

const patchSchema = z.record(z.string(), z.unknown(), { error: "The body must be a JSON object" });

/**
 * Change some top-level fields (PATCH): each key present replaces that field; `null` removes an
 * optional one (JSON merge patch at the top level). `{ "state": "published" }` publishes.
 */
export function patchDataset(db: Database, principal: Principal | null, slug: string, patch: unknown): UpdateResult {
  requireSignedIn(principal);
  const parsedPatch = patchSchema.safeParse(patch);
  if (!parsedPatch.success) throw validationError(parsedPatch.error, "The patch is not valid");
  const result = db.transaction(
    (tx) => {
      const target = findTarget(tx, slug);
      assertCan(principal, "dataset:write", { publisherId: target.publisherId });
      assertLocal(target);
      const current = readDatasetInput(tx, target.id) as Record<string, unknown>;
      const merged: Record<string, unknown> = { ...current };
      for (const [key, value] of Object.entries(parsedPatch.data)) {
        if (value === null) delete merged[key];
        else merged[key] = value;
      }
      const data = parseInput(merged);
      assertCan(principal, "dataset:write", { publisherId: publisherIdOf(tx, data.publisher) });
      return replaceDataset(tx, { datasetId: target.id, input: data, actor: actorOf(principal) });
    },
    { behavior: "immediate" },
  );
  if (result.changed) refreshDatasetQuality(db, { datasetIds: [result.id] });
  return result;
}

export const publicationStateSchema = z.enum(PUBLICATION_STATES, {
  error: "Must be one of draft, published, withdrawn",
});

/**
 * Move a dataset along its workflow: draft → published → withdrawn, and back to draft. Records who
 * and when; withdrawing never deletes (the record and its history stay).
 */
export function changeDatasetState(
  db: Database,
  principal: Principal | null,
  slug: string,
  state: PublicationState | string,
): UpdateResult {
  requireSignedIn(principal);
  const parsedState = publicationStateSchema.safeParse(state);
  if (!parsedState.success) throw validationError(parsedState.error, "Unknown publication state");
  const result = db.transaction(
    (tx) => {
      const target = findTarget(tx, slug);
      assertCan(principal, "dataset:write", { publisherId: target.publisherId });
      assertLocal(target);
      const current = readDatasetInput(tx, target.id)!;
      return replaceDataset(tx, {
        datasetId: target.id,
        input: { ...current, state: parsedState.data },
        actor: actorOf(principal),
      });
    },
    { behavior: "immediate" },
  );
  if (result.changed) refreshDatasetQuality(db, { datasetIds: [result.id] });
  return result;
}
