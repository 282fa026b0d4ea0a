import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import {
  catalogueRecords,
  datasets,
  publishers,
  revisions,
  type FieldChange,
  type PublicationState,
  type RevisionAction,
} from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { Actor } from "./actor";
import { refreshDerived, validDatasetInput, type DeferredDerived } from "./create-dataset";
import { canonicalInput, readDatasetInput, resolveContactPoint, writeDatasetParts } from "./dataset-parts";
import { diffSnapshots } from "./diff";
import { type DatasetInput, type DatasetInputRaw } from "./schemas";
import type { RawEncoding } from "@/lib/harvest/raw-record";

/** What a harvest knows about the record it is writing (kept on the catalogue record). */
export type HarvestRecordUpdate = {
  contentHash?: string;
  /** The raw record: text, or bytes encoded as `rawEncoding` says (lib/harvest/raw-record.ts). */
  raw?: string | Uint8Array;
  rawEncoding?: RawEncoding | null;
  rawFormat?: string;
  harvestedAt?: string;
};

export type UpdateResult = {
  id: number;
  slug: string;
  /** False when the input equals the stored dataset: nothing was written, no revision. */
  changed: boolean;
  action?: RevisionAction;
  changes: FieldChange[];
};

/** The revision action for a state change (or a plain edit). */
export function actionForState(before: PublicationState, after: PublicationState): RevisionAction {
  if (before === after) return "update";
  if (after === "published") return "publish";
  if (after === "withdrawn") return "withdraw";
  return "unpublish";
}

/**
 * Replace a dataset's metadata with `input` (the registration shape, validated here). The slug and
 * URI never change. When the result equals what is stored, nothing is written and `changed` is
 * false. Otherwise the dataset row, its parts, its catalogue record's modified time, a revision with
 * the field diff, its search row and its openness are written: run it in a transaction.
 * Authorisation is the command layer's job (lib/catalogue/commands.ts), not this function's.
 */
export function replaceDataset(
  tx: Executor,
  {
    datasetId,
    input,
    actor,
    action,
    record,
    deferred,
  }: {
    datasetId: number;
    input: DatasetInputRaw;
    actor: Actor;
    /** Overrides the revision action derived from the state change (e.g. "archive"). */
    action?: RevisionAction;
    record?: HarvestRecordUpdate;
    /** Bulk writers: the search row and openness are written by the batch (see DeferredDerived). */
    deferred?: DeferredDerived;
  },
): UpdateResult {
  const data: DatasetInput = validDatasetInput(input);

  const current = tx
    .select({ slug: datasets.slug, state: datasets.state })
    .from(datasets)
    .where(eq(datasets.id, datasetId))
    .get();
  if (!current) throw new AppError("not_found", "No such dataset");
  const before = readDatasetInput(tx, datasetId);
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

  const now = new Date().toISOString();
  const changes = diffSnapshots(before, canonicalInput(data));
  if (changes.length === 0) {
    if (record) {
      tx.update(catalogueRecords)
        .set({ ...record, harvestedAt: record.harvestedAt ?? now })
        .where(eq(catalogueRecords.datasetId, datasetId))
        .run();
    }
    return { id: datasetId, slug: current.slug, changed: false, changes };
  }

  const stateChanged = current.state !== data.state;
  const contactPointId = resolveContactPoint(tx, publisher.id, data.contactPoint);
  tx.update(datasets)
    .set({
      publisherId: publisher.id,
      contactPointId,
      titleNb: data.title.nb,
      titleNn: data.title.nn ?? null,
      titleEn: data.title.en ?? null,
      descriptionNb: data.description.nb,
      descriptionNn: data.description.nn ?? null,
      descriptionEn: data.description.en ?? null,
      accessRights: data.accessRights,
      license: data.license ?? null,
      accrualPeriodicity: data.accrualPeriodicity ?? null,
      landingPage: data.landingPage ?? null,
      conformsTo: data.conformsTo,
      languages: data.languages,
      temporalStart: data.temporal?.start ?? null,
      temporalEnd: data.temporal?.end ?? null,
      spatialResolutionMeters: data.spatialResolutionMeters ?? null,
      issued: data.issued ?? null,
      modified: data.modified ?? null,
      state: data.state,
      ...(stateChanged && { stateChangedAt: now, stateChangedBy: actor.label }),
      updatedAt: now,
    })
    .where(eq(datasets.id, datasetId))
    .run();
  writeDatasetParts(tx, datasetId, data);
  tx.update(catalogueRecords)
    .set({ modified: now, ...(record && { ...record, harvestedAt: record.harvestedAt ?? now }) })
    .where(eq(catalogueRecords.datasetId, datasetId))
    .run();

  const onlyState = changes.every((c) => c.path === "state");
  const revisionAction = action ?? (onlyState ? actionForState(current.state, data.state) : "update");
  tx.insert(revisions)
    .values({
      datasetId,
      at: now,
      actorUserId: actor.userId,
      actor: actor.label,
      action: revisionAction,
      changes,
      snapshot: readDatasetInput(tx, datasetId),
    })
    .run();
  refreshDerived(tx, datasetId, deferred, { data, publisherId: publisher.id, contactPointId });
  return { id: datasetId, slug: current.slug, changed: true, action: revisionAction, changes };
}

/**
 * Move a dataset to another publication state (draft → published → withdrawn, and back to draft),
 * recording who and when. A no-op when it is already in that state.
 */
export function setDatasetState(
  tx: Executor,
  { datasetId, state, actor, action }: { datasetId: number; state: PublicationState; actor: Actor; action?: RevisionAction },
): UpdateResult {
  const current = readDatasetInput(tx, datasetId);
  if (!current) throw new AppError("not_found", "No such dataset");
  return replaceDataset(tx, { datasetId, input: { ...current, state }, actor, action });
}
