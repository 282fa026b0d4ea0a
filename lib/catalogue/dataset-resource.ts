import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { datasets, type PublicationState } from "@/db/schema";
import { can } from "@/lib/auth/permissions";
import type { Principal } from "@/lib/auth/principal";
import { AppError } from "@/lib/errors";
import { assessOpenness, type NotOpenReason } from "@/lib/kpi/openness";
import { readDatasetInput } from "./dataset-parts";
import type { DatasetInput } from "./schemas";

/**
 * A dataset as the JSON API reads it: the registration shape (what PUT takes back) plus read-only
 * facts. Published datasets are public; drafts and withdrawn ones only for their publisher's staff.
 */
export type DatasetResource = DatasetInput & {
  slug: string;
  uri: string;
  isOpen: boolean;
  notOpenReasons: NotOpenReason[];
  createdAt: string;
  updatedAt: string;
};

/** Fields GET adds that a PUT may send back unchanged; they are never written. */
export const READ_ONLY_FIELDS = ["slug", "uri", "isOpen", "notOpenReasons", "createdAt", "updatedAt"] as const;

export function getDatasetResource(db: Executor, principal: Principal | null, slug: string): DatasetResource {
  const row = db
    .select({ id: datasets.id, uri: datasets.uri, state: datasets.state, publisherId: datasets.publisherId, createdAt: datasets.createdAt, updatedAt: datasets.updatedAt })
    .from(datasets)
    .where(eq(datasets.slug, slug))
    .get();
  if (!row || !isVisible(principal, row.state, row.publisherId)) {
    throw new AppError("not_found", `No dataset has the slug ${slug}`);
  }
  const input = readDatasetInput(db, row.id)!;
  const openness = assessOpenness(input);
  return {
    slug,
    uri: row.uri,
    ...input,
    isOpen: openness.isOpen,
    notOpenReasons: openness.reasons,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function isVisible(principal: Principal | null, state: PublicationState, publisherId: number): boolean {
  return state === "published" || can(principal, "dataset:read-unpublished", { publisherId });
}

/**
 * Drop the read-only fields from a body sent back to PUT. A slug or URI that differs from the
 * dataset's is refused: they never change.
 */
export function withoutReadOnlyFields(body: unknown, current: { slug: string; uri: string }): unknown {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return body;
  const record = { ...(body as Record<string, unknown>) };
  for (const field of ["slug", "uri"] as const) {
    if (field in record && record[field] !== current[field]) {
      throw new AppError("unprocessable_entity", `The ${field} of a dataset never changes`, { fields: { [field]: ["Cannot be changed"] } });
    }
  }
  for (const field of READ_ONLY_FIELDS) delete record[field];
  return record;
}

/** A dataset's slug and URI (no visibility check: both are public identifiers), or 404. */
export function getDatasetIdentity(db: Executor, slug: string): { slug: string; uri: string } {
  const row = db.select({ slug: datasets.slug, uri: datasets.uri }).from(datasets).where(eq(datasets.slug, slug)).get();
  if (!row) throw new AppError("not_found", `No dataset has the slug ${slug}`);
  return row;
}
