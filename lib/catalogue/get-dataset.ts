import { and, asc, eq, inArray, ne } from "drizzle-orm";
import type { Database } from "@/db/client";
import {
  catalogueRecords,
  contactPoints,
  dataServices,
  datasetKeywords,
  datasets,
  datasetSpatial,
  datasetThemes,
  distributions,
  harvestSources,
  publishers,
  type PublicationState,
} from "@/db/schema";
import { assessOpenness, type Openness } from "@/lib/kpi/openness";
import type { Lang } from "@/lib/vocabularies";

export type LangText = { nb?: string; nn?: string; en?: string };

export type DistributionDetails = {
  id: number;
  title: LangText;
  description: LangText;
  accessURL: string;
  downloadURL: string | null;
  format: string | null;
  mediaType: string | null;
  license: string | null;
  byteSize: number | null;
  status: string | null;
  conformsTo: string[];
  accessService: { uri: string; title: LangText; endpointURL: string } | null;
};

export type DatasetDetails = {
  id: number;
  slug: string;
  uri: string;
  identifier: string;
  title: LangText & { nb: string };
  description: LangText & { nb: string };
  keywords: Partial<Record<Lang, string[]>>;
  publisher: { slug: string; uri: string; name: LangText & { nb: string }; orgNumber: string | null; homepage: string | null };
  contactPoint: { name: string; email: string | null; url: string | null } | null;
  themes: string[];
  accessRights: string;
  license: string | null;
  accrualPeriodicity: string | null;
  landingPage: string | null;
  conformsTo: string[];
  languages: string[];
  spatial: { uri: string | null; label: string | null; bbox: string | null }[];
  temporal: { start: string | null; end: string | null } | null;
  spatialResolutionMeters: number | null;
  issued: string | null;
  modified: string | null;
  state: PublicationState;
  createdAt: string;
  updatedAt: string;
  record: { origin: string; issued: string; modified: string; harvestSource: string | null; sourceNote: string | null };
  distributions: DistributionDetails[];
  openness: Openness;
};

const text = (nb: string | null, nn: string | null, en: string | null): LangText => ({
  ...(nb ? { nb } : {}),
  ...(nn ? { nn } : {}),
  ...(en ? { en } : {}),
});

/**
 * One dataset with everything its page shows. Withdrawn datasets are not found; drafts only when
 * `includeDrafts` is set (the staff views check the reader's rights before asking for them).
 */
export function getDatasetBySlug(
  db: Database,
  { slug, includeDrafts = false }: { slug: string; includeDrafts?: boolean },
): DatasetDetails | undefined {
  const row = db
    .select({
      d: datasets,
      p: publishers,
      c: contactPoints,
      // Not the raw harvested record, which the page does not show.
      r: { origin: catalogueRecords.origin, issued: catalogueRecords.issued, modified: catalogueRecords.modified, sourceNote: catalogueRecords.sourceNote },
      sourceName: harvestSources.name,
    })
    .from(datasets)
    .innerJoin(publishers, eq(publishers.id, datasets.publisherId))
    .leftJoin(contactPoints, eq(contactPoints.id, datasets.contactPointId))
    .leftJoin(catalogueRecords, eq(catalogueRecords.datasetId, datasets.id))
    .leftJoin(harvestSources, eq(harvestSources.id, catalogueRecords.harvestSourceId))
    .where(
      and(
        eq(datasets.slug, slug),
        includeDrafts ? ne(datasets.state, "withdrawn") : eq(datasets.state, "published"),
      ),
    )
    .get();
  if (!row) return undefined;
  const { d, p, c, r } = row;

  const keywords: Partial<Record<Lang, string[]>> = {};
  for (const k of db.select().from(datasetKeywords).where(eq(datasetKeywords.datasetId, d.id)).all()) {
    (keywords[k.lang] ??= []).push(k.keyword);
  }
  const themes = db
    .select({ theme: datasetThemes.theme })
    .from(datasetThemes)
    .where(eq(datasetThemes.datasetId, d.id))
    .all()
    .map((t) => t.theme);
  const spatial = db
    .select({ uri: datasetSpatial.uri, label: datasetSpatial.label, bbox: datasetSpatial.bbox })
    .from(datasetSpatial)
    .where(eq(datasetSpatial.datasetId, d.id))
    .orderBy(asc(datasetSpatial.id))
    .all();
  const distRows = db
    .select()
    .from(distributions)
    .where(eq(distributions.datasetId, d.id))
    .orderBy(asc(distributions.position))
    .all();
  const serviceIds = distRows.flatMap((x) => (x.accessServiceId ? [x.accessServiceId] : []));
  const services = new Map(
    (serviceIds.length
      ? db.select().from(dataServices).where(inArray(dataServices.id, serviceIds)).all()
      : []
    ).map((s) => [s.id, s]),
  );

  const dists: DistributionDetails[] = distRows.map((x) => {
    const service = x.accessServiceId ? services.get(x.accessServiceId) : undefined;
    return {
      id: x.id,
      title: text(x.titleNb, x.titleNn, x.titleEn),
      description: text(x.descriptionNb, x.descriptionNn, x.descriptionEn),
      accessURL: x.accessUrl,
      downloadURL: x.downloadUrl,
      format: x.format,
      mediaType: x.mediaType,
      license: x.license,
      byteSize: x.byteSize,
      status: x.status,
      conformsTo: x.conformsTo,
      accessService: service
        ? { uri: service.uri, title: text(service.titleNb, service.titleNn, service.titleEn), endpointURL: service.endpointUrl }
        : null,
    };
  });

  return {
    id: d.id,
    slug: d.slug,
    uri: d.uri,
    identifier: d.identifier ?? d.uri,
    title: { ...text(d.titleNb, d.titleNn, d.titleEn), nb: d.titleNb },
    description: { ...text(d.descriptionNb, d.descriptionNn, d.descriptionEn), nb: d.descriptionNb },
    keywords,
    publisher: {
      slug: p.slug,
      uri: p.uri,
      name: { ...text(p.nameNb, p.nameNn, p.nameEn), nb: p.nameNb },
      orgNumber: p.orgNumber,
      homepage: p.homepage,
    },
    contactPoint: c ? { name: c.name, email: c.email, url: c.url } : null,
    themes,
    accessRights: d.accessRights,
    license: d.license,
    accrualPeriodicity: d.accrualPeriodicity,
    landingPage: d.landingPage,
    conformsTo: d.conformsTo,
    languages: d.languages,
    spatial,
    temporal: d.temporalStart || d.temporalEnd ? { start: d.temporalStart, end: d.temporalEnd } : null,
    spatialResolutionMeters: d.spatialResolutionMeters,
    issued: d.issued,
    modified: d.modified,
    state: d.state,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    record: {
      origin: r?.origin ?? "local",
      issued: r?.issued ?? d.createdAt,
      modified: r?.modified ?? d.updatedAt,
      harvestSource: row.sourceName,
      sourceNote: r?.sourceNote ?? null,
    },
    distributions: dists,
    openness: assessOpenness({
      state: d.state,
      accessRights: d.accessRights,
      license: d.license,
      distributions: dists,
    }),
  };
}
