import { and, asc, count, desc, eq, inArray, or, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import {
  catalogueRecords,
  datasetOpenness,
  datasets,
  harvestSources,
  PUBLICATION_STATES,
  publishers,
  revisions,
  type FieldChange,
  type PublicationState,
  type RevisionAction,
} from "@/db/schema";
import { can, writablePublisherIds } from "@/lib/auth/permissions";
import type { Principal } from "@/lib/auth/principal";
import { AppError, validationError } from "@/lib/errors";
import { unpackRaw } from "@/lib/harvest/raw-record";
import { assessOpenness, type NotOpenReason } from "@/lib/kpi/openness";
import { readDatasetInput } from "./dataset-parts";
import { revisionChanges } from "./diff";
import type { LangText } from "./get-dataset";
import type { DatasetInput } from "./schemas";

/** What staff see of datasets: only their publishers' (all for site administrators), drafts included. */

export type StaffDatasetRow = {
  slug: string;
  title: LangText;
  publisher: { slug: string; name: LangText };
  state: PublicationState;
  updatedAt: string;
  isOpen: boolean;
  origin: "local" | "harvest";
};

export const staffListParamsSchema = z.object({
  q: z.string().trim().max(200).optional(),
  state: z.enum(PUBLICATION_STATES).optional(),
  publisher: z.string().max(100).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type StaffListParams = z.input<typeof staffListParamsSchema>;

const lang = (nb: string | null, nn: string | null, en: string | null): LangText => ({
  ...(nb && { nb }),
  ...(nn && { nn }),
  ...(en && { en }),
});

export function listStaffDatasets(db: Executor, principal: Principal | null, params: StaffListParams = {}) {
  if (!principal) throw new AppError("unauthorized", "Sign in to do this");
  const parsed = staffListParamsSchema.safeParse(params);
  if (!parsed.success) throw validationError(parsed.error, "Bad list parameters");
  const { q, state, publisher, page, limit } = parsed.data;
  const writable = writablePublisherIds(principal);
  const conditions: SQL[] = [];
  if (writable !== "all") conditions.push(inArray(datasets.publisherId, writable as number[]));
  if (state) conditions.push(eq(datasets.state, state));
  if (publisher) conditions.push(eq(publishers.slug, publisher));
  if (q) {
    const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const contains = (column: AnyColumn) => sql`${column} like ${pattern} escape '\\'`;
    conditions.push(or(contains(datasets.titleNb), contains(datasets.titleNn), contains(datasets.titleEn), contains(datasets.slug))!);
  }
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const total = db
    .select({ n: count() })
    .from(datasets)
    .innerJoin(publishers, eq(publishers.id, datasets.publisherId))
    .where(where)
    .get()!.n;
  const rows = db
    .select({
      slug: datasets.slug,
      titleNb: datasets.titleNb,
      titleNn: datasets.titleNn,
      titleEn: datasets.titleEn,
      publisherSlug: publishers.slug,
      publisherNb: publishers.nameNb,
      publisherNn: publishers.nameNn,
      publisherEn: publishers.nameEn,
      state: datasets.state,
      updatedAt: datasets.updatedAt,
      isOpen: datasetOpenness.isOpen,
      origin: catalogueRecords.origin,
    })
    .from(datasets)
    .innerJoin(publishers, eq(publishers.id, datasets.publisherId))
    .leftJoin(datasetOpenness, eq(datasetOpenness.datasetId, datasets.id))
    .leftJoin(catalogueRecords, eq(catalogueRecords.datasetId, datasets.id))
    .where(where)
    .orderBy(desc(datasets.updatedAt), desc(datasets.id))
    .limit(limit)
    .offset((page - 1) * limit)
    .all();
  const items: StaffDatasetRow[] = rows.map((r) => ({
    slug: r.slug,
    title: lang(r.titleNb, r.titleNn, r.titleEn),
    publisher: { slug: r.publisherSlug, name: lang(r.publisherNb, r.publisherNn, r.publisherEn) },
    state: r.state,
    updatedAt: r.updatedAt,
    isOpen: r.isOpen === 1,
    origin: r.origin === "harvest" ? "harvest" : "local",
  }));
  return { total, page, limit, items };
}

export type StaffRevision = { id: number; at: string; actor: string; action: RevisionAction; changes: FieldChange[] };

export type StaffDataset = {
  id: number;
  slug: string;
  uri: string;
  state: PublicationState;
  stateChangedAt: string | null;
  stateChangedBy: string | null;
  createdAt: string;
  updatedAt: string;
  input: DatasetInput;
  publisher: { slug: string; name: LangText };
  origin: "local" | "harvest";
  harvestSource?: { id: number; name: string };
  /** A harvested dataset's record as its source described it (N-Triples, or the source's JSON). */
  harvestedRecord?: { format: string; text: string };
  openness: { isOpen: boolean; reasons: NotOpenReason[] };
  revisions: StaffRevision[];
  permissions: { canEdit: boolean; canChangeState: boolean };
};

const REVISIONS_SHOWN = 200;

/** The staff view of one dataset: its editable form, state, openness and history. */
export function getStaffDataset(db: Executor, principal: Principal | null, slug: string): StaffDataset {
  if (!principal) throw new AppError("unauthorized", "Sign in to do this");
  const row = db
    .select({ dataset: datasets, publisher: publishers, record: catalogueRecords, source: { id: harvestSources.id, name: harvestSources.name } })
    .from(datasets)
    .innerJoin(publishers, eq(publishers.id, datasets.publisherId))
    .leftJoin(catalogueRecords, eq(catalogueRecords.datasetId, datasets.id))
    .leftJoin(harvestSources, eq(harvestSources.id, catalogueRecords.harvestSourceId))
    .where(eq(datasets.slug, slug))
    .get();
  if (!row) throw new AppError("not_found", `No dataset has the slug ${slug}`);
  const d = row.dataset;
  if (!can(principal, "dataset:read-unpublished", { publisherId: d.publisherId })) {
    throw new AppError("forbidden", "This dataset belongs to a publisher you are not staff of");
  }
  const input = readDatasetInput(db, d.id)!;
  const origin = row.record?.origin === "harvest" ? "harvest" : "local";
  const harvestedText = origin === "harvest" ? unpackRaw(row.record!.raw, row.record!.rawEncoding) : null;
  const mayWrite = can(principal, "dataset:write", { publisherId: d.publisherId });
  return {
    id: d.id,
    slug: d.slug,
    uri: d.uri,
    state: d.state,
    stateChangedAt: d.stateChangedAt,
    stateChangedBy: d.stateChangedBy,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    input,
    publisher: { slug: row.publisher.slug, name: lang(row.publisher.nameNb, row.publisher.nameNn, row.publisher.nameEn) },
    origin,
    ...(row.source?.id != null && { harvestSource: { id: row.source.id, name: row.source.name } }),
    ...(harvestedText !== null && { harvestedRecord: { format: row.record!.rawFormat ?? "text/plain", text: harvestedText } }),
    openness: assessOpenness(input),
    revisions: db
      .select({
        id: revisions.id,
        at: revisions.at,
        actor: revisions.actor,
        action: revisions.action,
        changes: revisions.changes,
        // Only a create's snapshot is needed (its changes are derived from it).
        snapshot: sql<string | null>`case when ${revisions.action} = 'create' then ${revisions.snapshot} end`,
      })
      .from(revisions)
      .where(eq(revisions.datasetId, d.id))
      .orderBy(desc(revisions.id))
      .limit(REVISIONS_SHOWN)
      .all()
      .map(({ snapshot, ...revision }) => ({ ...revision, changes: revisionChanges({ ...revision, snapshot: snapshot === null ? null : JSON.parse(snapshot) }) })),
    permissions: { canEdit: mayWrite && origin === "local", canChangeState: mayWrite && origin === "local" },
  };
}

/** Publishers the principal may register datasets for, for the form's publisher picker. */
export function writablePublishers(db: Executor, principal: Principal | null): { slug: string; name: LangText }[] {
  const writable = writablePublisherIds(principal);
  if (writable !== "all" && writable.length === 0) return [];
  return db
    .select({ slug: publishers.slug, nb: publishers.nameNb, nn: publishers.nameNn, en: publishers.nameEn })
    .from(publishers)
    .where(writable === "all" ? undefined : inArray(publishers.id, writable as number[]))
    .orderBy(asc(publishers.nameNb))
    .all()
    .map((p) => ({ slug: p.slug, name: lang(p.nb, p.nn, p.en) }));
}
