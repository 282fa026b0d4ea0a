import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import {
  contactPoints,
  datasetKeywords,
  datasets,
  datasetSpatial,
  datasetThemes,
  distributions,
  publishers,
} from "@/db/schema";
import { LANGS } from "@/lib/vocabularies";
import type { DatasetInput } from "./schemas";

/**
 * Reading and writing the parts of a dataset that live in their own tables (themes, keywords,
 * spatial coverage, distributions, contact point), shared by every write command.
 */

/** The contact point row for `contact` under a publisher, reusing an identical one. */
export function resolveContactPoint(
  tx: Executor,
  publisherId: number,
  contact: DatasetInput["contactPoint"],
): number | null {
  if (!contact) return null;
  const same = (column: typeof contactPoints.email | typeof contactPoints.url, value?: string) =>
    value === undefined ? isNull(column) : eq(column, value);
  const existing = tx
    .select({ id: contactPoints.id })
    .from(contactPoints)
    .where(
      and(
        eq(contactPoints.publisherId, publisherId),
        eq(contactPoints.name, contact.name),
        same(contactPoints.email, contact.email),
        same(contactPoints.url, contact.url),
      ),
    )
    .get();
  if (existing) return existing.id;
  return tx
    .insert(contactPoints)
    .values({ publisherId, name: contact.name, email: contact.email, url: contact.url })
    .returning({ id: contactPoints.id })
    .get().id;
}

/** Replace the themes, keywords, spatial coverage and distributions of a dataset. */
export function writeDatasetParts(tx: Executor, datasetId: number, input: DatasetInput): void {
  tx.delete(datasetThemes).where(eq(datasetThemes.datasetId, datasetId)).run();
  tx.delete(datasetKeywords).where(eq(datasetKeywords.datasetId, datasetId)).run();
  tx.delete(datasetSpatial).where(eq(datasetSpatial.datasetId, datasetId)).run();
  tx.delete(distributions).where(eq(distributions.datasetId, datasetId)).run();

  if (input.themes.length > 0) {
    tx.insert(datasetThemes).values(input.themes.map((theme) => ({ datasetId, theme }))).run();
  }
  const keywordRows = LANGS.flatMap((lang) =>
    (input.keywords[lang] ?? []).map((keyword) => ({ datasetId, lang, keyword })),
  );
  if (keywordRows.length > 0) tx.insert(datasetKeywords).values(keywordRows).run();
  if (input.spatial.length > 0) {
    tx.insert(datasetSpatial)
      .values(input.spatial.map((s) => ({ datasetId, uri: s.uri, label: s.label, bbox: s.bbox })))
      .run();
  }
  if (input.distributions.length > 0) {
    tx.insert(distributions)
      .values(
        input.distributions.map((d, position) => ({
          datasetId,
          position,
          titleNb: d.title?.nb,
          titleNn: d.title?.nn,
          titleEn: d.title?.en,
          descriptionNb: d.description?.nb,
          descriptionNn: d.description?.nn,
          descriptionEn: d.description?.en,
          accessUrl: d.accessURL,
          downloadUrl: d.downloadURL,
          format: d.format,
          mediaType: d.mediaType,
          license: d.license,
          byteSize: d.byteSize,
          status: d.status,
          conformsTo: d.conformsTo ?? [],
        })),
      )
      .run();
  }
}

const compact = <T extends Record<string, unknown>>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as T;

const langText = (nb: string | null, nn: string | null, en: string | null) =>
  compact({ nb: nb ?? undefined, nn: nn ?? undefined, en: en ?? undefined });

/** A stored dataset in the registration shape (what the form edits, what revisions snapshot). */
export function readDatasetInput(tx: Executor, datasetId: number): DatasetInput | undefined {
  const row = tx
    .select({ dataset: datasets, publisherSlug: publishers.slug })
    .from(datasets)
    .innerJoin(publishers, eq(publishers.id, datasets.publisherId))
    .where(eq(datasets.id, datasetId))
    .get();
  if (!row) return undefined;
  const d = row.dataset;
  const contact = d.contactPointId
    ? tx.select().from(contactPoints).where(eq(contactPoints.id, d.contactPointId)).get()
    : undefined;
  const keywords: DatasetInput["keywords"] = {};
  for (const k of tx
    .select()
    .from(datasetKeywords)
    .where(eq(datasetKeywords.datasetId, datasetId))
    .orderBy(asc(datasetKeywords.lang), sql`rowid`)
    .all()) {
    (keywords[k.lang] ??= []).push(k.keyword);
  }
  const themes = tx
    .select({ theme: datasetThemes.theme })
    .from(datasetThemes)
    .where(eq(datasetThemes.datasetId, datasetId))
    .orderBy(sql`rowid`)
    .all()
    .map((t) => t.theme) as DatasetInput["themes"];
  const spatial = tx
    .select()
    .from(datasetSpatial)
    .where(eq(datasetSpatial.datasetId, datasetId))
    .orderBy(asc(datasetSpatial.id))
    .all()
    .map((s) => compact({ uri: s.uri ?? undefined, label: s.label ?? undefined, bbox: s.bbox ?? undefined }));
  const dists = tx
    .select()
    .from(distributions)
    .where(eq(distributions.datasetId, datasetId))
    .orderBy(asc(distributions.position))
    .all()
    .map((x) =>
      compact({
        title: nonEmpty(langText(x.titleNb, x.titleNn, x.titleEn)),
        description: nonEmpty(langText(x.descriptionNb, x.descriptionNn, x.descriptionEn)),
        accessURL: x.accessUrl,
        downloadURL: x.downloadUrl ?? undefined,
        format: x.format ?? undefined,
        mediaType: x.mediaType ?? undefined,
        license: x.license ?? undefined,
        byteSize: x.byteSize ?? undefined,
        status: x.status ?? undefined,
        conformsTo: x.conformsTo.length > 0 ? x.conformsTo : undefined,
      }),
    ) as DatasetInput["distributions"];
  return compact({
    title: langText(d.titleNb, d.titleNn, d.titleEn) as DatasetInput["title"],
    description: langText(d.descriptionNb, d.descriptionNn, d.descriptionEn) as DatasetInput["description"],
    keywords,
    publisher: row.publisherSlug,
    themes,
    accessRights: d.accessRights,
    license: d.license ?? undefined,
    accrualPeriodicity: (d.accrualPeriodicity ?? undefined) as DatasetInput["accrualPeriodicity"],
    contactPoint: contact
      ? compact({ name: contact.name, email: contact.email ?? undefined, url: contact.url ?? undefined })
      : undefined,
    spatial,
    temporal:
      d.temporalStart || d.temporalEnd
        ? compact({ start: d.temporalStart ?? undefined, end: d.temporalEnd ?? undefined })
        : undefined,
    landingPage: d.landingPage ?? undefined,
    conformsTo: d.conformsTo,
    languages: d.languages as DatasetInput["languages"],
    spatialResolutionMeters: d.spatialResolutionMeters ?? undefined,
    issued: d.issued ?? undefined,
    modified: d.modified ?? undefined,
    distributions: dists,
    state: d.state,
  }) as DatasetInput;
}

function nonEmpty<T extends object>(value: T): T | undefined {
  return Object.keys(value).length > 0 ? value : undefined;
}
