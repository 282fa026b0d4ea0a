import { sql, type SQL } from "drizzle-orm";
import { FILE_TYPES, isOpenFormat, LICENCES } from "@/lib/vocabularies";

/**
 * THE rule of the U4SSC Open Data KPI (EC:ICT:PS:1A) for one dataset, the only place it lives.
 *
 * A dataset counts as an open data set published when it is published, its access rights are
 * PUBLIC, and at least one distribution is in a machine-readable, non-proprietary format under an
 * open licence (the distribution's own licence, else the dataset's). A PDF or an image-only WMS
 * alone does not make data open. The lists behind it (open licences, machine-readable formats) are
 * data in lib/vocabularies, each entry with its reason.
 *
 * The same rule is given twice from the same lists: as a function for one record (pages, forms,
 * tests) and as an SQL condition (search filters, KPI aggregates). Tests check that they agree.
 */

export const NOT_OPEN_REASONS = [
  "unpublished",
  "restrictedAccess",
  "noOpenLicence",
  "noMachineReadableDistribution",
] as const;
export type NotOpenReason = (typeof NOT_OPEN_REASONS)[number];

export const OPEN_LICENCE_URIS: readonly string[] = LICENCES.filter((l) => l.open).map((l) => l.uri);
export const OPEN_FORMAT_CODES: readonly string[] = FILE_TYPES.filter(isOpenFormat).map((f) => f.code);

const openLicences = new Set(OPEN_LICENCE_URIS);
const openFormats = new Set(OPEN_FORMAT_CODES);

export type OpennessInput = {
  state: string;
  accessRights: string;
  license?: string | null;
  distributions: readonly { format?: string | null; license?: string | null }[];
};

export type Openness = { isOpen: boolean; reasons: NotOpenReason[] };

export function isOpenLicence(uri: string | null | undefined): boolean {
  return uri != null && openLicences.has(uri);
}

export function isOpenFormatCode(code: string | null | undefined): boolean {
  return code != null && openFormats.has(code);
}

export function assessOpenness(dataset: OpennessInput): Openness {
  const reasons: NotOpenReason[] = [];
  if (dataset.state !== "published") reasons.push("unpublished");
  if (dataset.accessRights !== "PUBLIC") reasons.push("restrictedAccess");

  const distributions = dataset.distributions.map((d) => ({
    openLicence: isOpenLicence(d.license ?? dataset.license),
    openFormat: isOpenFormatCode(d.format),
  }));
  const anyOpenLicence =
    isOpenLicence(dataset.license) || distributions.some((d) => d.openLicence);
  if (!anyOpenLicence) reasons.push("noOpenLicence");
  // With an open licence somewhere, what is missing is a machine-readable distribution under it.
  const anyOpenDistribution = distributions.some((d) => d.openFormat && (d.openLicence || !anyOpenLicence));
  if (!anyOpenDistribution) reasons.push("noMachineReadableDistribution");

  return { isOpen: reasons.length === 0, reasons };
}

const inList = (values: readonly string[]): SQL =>
  values.length === 0 ? sql`(null)` : sql`(${sql.join(values.map((v) => sql`${v}`), sql`, `)})`;

/**
 * The rule as an SQL condition over a `datasets` row whose table is referred to as `alias`
 * (default `datasets`). Use in WHERE clauses and in SUM(CASE …) aggregates.
 */
export function openDatasetCondition(alias = "datasets"): SQL {
  const t = sql.raw(`"${alias}"`);
  return sql`(${t}."state" = 'published' and ${t}."access_rights" = 'PUBLIC' and exists (
    select 1 from "distributions" "open_distribution"
    where "open_distribution"."dataset_id" = ${t}."id"
      and "open_distribution"."format" in ${inList(OPEN_FORMAT_CODES)}
      and coalesce("open_distribution"."license", ${t}."license") in ${inList(OPEN_LICENCE_URIS)}
  ))`;
}

/**
 * The rule per reason, as SQL expressions (0 or 1) over a `datasets` row referred to as `alias`,
 * built from the same lists as `assessOpenness`, which they mirror reason by reason. A dataset can
 * have several reasons at once; `isOpen` is 1 when it has none, and then equals
 * `openDatasetCondition`. Used to store per-dataset openness (lib/kpi/refresh-openness.ts).
 */
export function notOpenReasonExpressions(alias = "datasets"): Record<NotOpenReason | "isOpen", SQL> {
  const t = sql.raw(`"${alias}"`);
  const licences = inList(OPEN_LICENCE_URIS);
  const formats = inList(OPEN_FORMAT_CODES);
  const unpublished = sql`(${t}."state" <> 'published')`;
  const restrictedAccess = sql`(${t}."access_rights" <> 'PUBLIC')`;
  const noOpenLicence = sql`(not (coalesce(${t}."license", '') in ${licences} or exists (
    select 1 from "distributions" "licensed_distribution"
    where "licensed_distribution"."dataset_id" = ${t}."id"
      and coalesce("licensed_distribution"."license", '') in ${licences})))`;
  const noMachineReadableDistribution = sql`(not exists (
    select 1 from "distributions" "readable_distribution"
    where "readable_distribution"."dataset_id" = ${t}."id"
      and "readable_distribution"."format" in ${formats}
      and (coalesce("readable_distribution"."license", ${t}."license", '') in ${licences} or ${noOpenLicence})))`;
  const isOpen = sql`(not (${unpublished} or ${restrictedAccess} or ${noOpenLicence} or ${noMachineReadableDistribution}))`;
  return { unpublished, restrictedAccess, noOpenLicence, noMachineReadableDistribution, isOpen };
}

/**
 * A fingerprint of the rule's lists. Stored aggregates remember the fingerprint they were computed
 * with and are recomputed when it changes (a licence or format changed its `open` flags).
 */
export const OPENNESS_RULE_FINGERPRINT: string = (() => {
  const text = `v1|${[...OPEN_LICENCE_URIS].sort().join(",")}|${[...OPEN_FORMAT_CODES].sort().join(",")}`;
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  return `v1-${(hash >>> 0).toString(16)}`;
})();
