import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import type { DcatContactPoint, DcatDataService, DcatDataset, DcatDistribution } from "./model";
import { langText, type PublisherRow, toPublisher } from "./queries";

const inList = (values: readonly (string | number)[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);

/**
 * Published datasets with every part their RDF (and CKAN dictionaries, and feeds) need, loaded in
 * batches: one query per table per batch, never one per dataset, so the full dump streams fast.
 */

type DatasetRow = {
  id: number;
  slug: string;
  uri: string;
  identifier: string | null;
  publisher_id: number;
  contact_point_id: number | null;
  title_nb: string;
  title_nn: string | null;
  title_en: string | null;
  description_nb: string;
  description_nn: string | null;
  description_en: string | null;
  access_rights: string;
  license: string | null;
  accrual_periodicity: string | null;
  landing_page: string | null;
  conforms_to: string;
  languages: string;
  temporal_start: string | null;
  temporal_end: string | null;
  spatial_resolution_meters: number | null;
  issued: string | null;
  modified: string | null;
  created_at: string;
  updated_at: string;
  record_issued: string | null;
  record_modified: string | null;
};

type DistributionRow = {
  dataset_id: number;
  position: number;
  uri: string | null;
  title_nb: string | null;
  title_nn: string | null;
  title_en: string | null;
  description_nb: string | null;
  description_nn: string | null;
  description_en: string | null;
  access_url: string;
  download_url: string | null;
  format: string | null;
  media_type: string | null;
  license: string | null;
  byte_size: number | null;
  status: string | null;
  access_service_id: number | null;
  conforms_to: string;
  issued: string | null;
  modified: string | null;
};

type ServiceRow = {
  id: number;
  uri: string;
  publisher_id: number;
  contact_point_id: number | null;
  title_nb: string;
  title_nn: string | null;
  title_en: string | null;
  description_nb: string | null;
  description_nn: string | null;
  description_en: string | null;
  endpoint_url: string;
  endpoint_description: string | null;
  conforms_to: string;
  format: string | null;
  access_rights: string | null;
  license: string | null;
  serves: string | null;
};

const groupBy = <T extends { dataset_id: number }>(rows: T[]) => {
  const map = new Map<number, T[]>();
  for (const r of rows) {
    const list = map.get(r.dataset_id);
    if (list) list.push(r);
    else map.set(r.dataset_id, [r]);
  }
  return map;
};

/**
 * Rows of `select … where <id column> <ids>` through a cached prepared statement. A batch of
 * ascending, dense ids (the keyset batches of the full dump) is read as one id range, whose SQL is
 * the same for every batch; scattered ids (a page, a search hit list) as an `in` list.
 */
const statements = new WeakMap<object, Map<string, import("better-sqlite3").Statement>>();
function selectByIds<T>(db: Database, sqlBefore: string, column: string, ids: readonly number[], sqlAfter = ""): T[] {
  let min = Infinity;
  let max = -Infinity;
  for (const id of ids) {
    if (id < min) min = id;
    if (id > max) max = id;
  }
  const dense = max - min < ids.length * 4;
  const text = dense
    ? `${sqlBefore} where ${column} between ? and ? ${sqlAfter}`
    : `${sqlBefore} where ${column} in (${ids.map(() => "?").join(", ")}) ${sqlAfter}`;
  let cache = statements.get(db.$client);
  if (!cache) statements.set(db.$client, (cache = new Map()));
  let statement = cache.get(text);
  if (!statement) {
    statement = db.$client.prepare(text);
    if (dense) cache.set(text, statement);
  }
  const rows = (dense ? statement.all(min, max) : statement.all(...ids)) as (T & { dataset_id?: number; id?: number })[];
  if (!dense) return rows;
  const wanted = new Set(ids);
  return rows.filter((r) => wanted.has((r.dataset_id ?? r.id)!));
}

/** The datasets with these ids that are published, with all their parts, in the order given. */
export function loadDatasetsForRdf(db: Database, ids: readonly number[]): DcatDataset[] {
  if (ids.length === 0) return [];
  const rows = selectByIds<DatasetRow>(
    db,
    `select d.id, d.slug, d.uri, d.identifier, d.publisher_id, d.contact_point_id,
      d.title_nb, d.title_nn, d.title_en, d.description_nb, d.description_nn, d.description_en,
      d.access_rights, d.license, d.accrual_periodicity, d.landing_page, d.conforms_to, d.languages,
      d.temporal_start, d.temporal_end, d.spatial_resolution_meters, d.issued, d.modified,
      d.created_at, d.updated_at, r.issued as record_issued, r.modified as record_modified
    from datasets d left join catalogue_records r on r.dataset_id = d.id`,
    "d.id",
    ids,
    "and d.state = 'published'",
  );
  if (rows.length === 0) return [];

  const themes = groupBy(
    selectByIds<{ dataset_id: number; theme: string }>(db, "select dataset_id, theme from dataset_themes", "dataset_id", ids, "order by rowid"),
  );
  const keywords = groupBy(
    selectByIds<{ dataset_id: number; lang: "nb" | "nn" | "en"; keyword: string }>(
      db,
      "select dataset_id, lang, keyword from dataset_keywords",
      "dataset_id",
      ids,
      "order by rowid",
    ),
  );
  const spatial = groupBy(
    selectByIds<{ dataset_id: number; uri: string | null; label: string | null; bbox: string | null; crs: string | null }>(
      db,
      "select dataset_id, uri, label, bbox, crs from dataset_spatial",
      "dataset_id",
      ids,
      "order by id",
    ),
  );
  const distributions = groupBy(
    selectByIds<DistributionRow>(
      db,
      `select dataset_id, position, uri, title_nb, title_nn, title_en, description_nb, description_nn, description_en,
        access_url, download_url, format, media_type, license, byte_size, status, access_service_id, conforms_to, issued, modified
      from distributions`,
      "dataset_id",
      ids,
      "order by dataset_id, position",
    ),
  );

  const serviceIds = [...new Set([...distributions.values()].flat().flatMap((x) => (x.access_service_id ? [x.access_service_id] : [])))];
  const serviceRows = serviceIds.length
    ? db.all<ServiceRow>(sql`
        select s.*, (select json_group_array(d.uri) from data_service_datasets sd join datasets d on d.id = sd.dataset_id
                     where sd.data_service_id = s.id and d.state = 'published') as serves
        from data_services s where s.id in (${inList(serviceIds)})`)
    : [];

  const publisherIds = [...new Set([...rows.map((r) => r.publisher_id), ...serviceRows.map((s) => s.publisher_id)])];
  const publishers = new Map(
    db.all<PublisherRow>(
      sql`select id, slug, uri, name_nb, name_nn, name_en, org_number, homepage, email from publishers where id in (${inList(publisherIds)})`,
    ).map((p) => [p.id, toPublisher(p)]),
  );
  const contactIds = [
    ...new Set([...rows.map((r) => r.contact_point_id), ...serviceRows.map((s) => s.contact_point_id)].filter((v): v is number => v !== null)),
  ];
  const contacts = new Map<number, DcatContactPoint>(
    contactIds.length
      ? db.all<DcatContactPoint>(sql`select id, name, email, url from contact_points where id in (${inList(contactIds)})`).map((c) => [c.id, c])
      : [],
  );
  const services = new Map<number, DcatDataService>(
    serviceRows.map((s) => [
      s.id,
      {
        id: s.id,
        uri: s.uri,
        title: { ...langText(s.title_nb, s.title_nn, s.title_en), nb: s.title_nb },
        description: langText(s.description_nb, s.description_nn, s.description_en),
        endpointURL: s.endpoint_url,
        endpointDescription: s.endpoint_description,
        conformsTo: JSON.parse(s.conforms_to) as string[],
        format: s.format,
        accessRights: s.access_rights,
        license: s.license,
        publisher: publishers.get(s.publisher_id)!,
        contactPoint: s.contact_point_id ? (contacts.get(s.contact_point_id) ?? null) : null,
        servesDatasets: JSON.parse(s.serves ?? "[]") as string[],
      },
    ]),
  );

  const byId = new Map(rows.map((d) => [d.id, d]));
  return ids.flatMap((id): DcatDataset[] => {
    const d = byId.get(id);
    if (!d) return [];
    const kw: DcatDataset["keywords"] = {};
    for (const k of keywords.get(id) ?? []) (kw[k.lang] ??= []).push(k.keyword);
    return [
      {
        id: d.id,
        slug: d.slug,
        uri: d.uri,
        identifier: d.identifier ?? d.uri,
        title: { ...langText(d.title_nb, d.title_nn, d.title_en), nb: d.title_nb },
        description: { ...langText(d.description_nb, d.description_nn, d.description_en), nb: d.description_nb },
        keywords: kw,
        publisher: publishers.get(d.publisher_id)!,
        contactPoint: d.contact_point_id ? (contacts.get(d.contact_point_id) ?? null) : null,
        themes: (themes.get(id) ?? []).map((t) => t.theme),
        accessRights: d.access_rights,
        license: d.license,
        accrualPeriodicity: d.accrual_periodicity,
        landingPage: d.landing_page,
        conformsTo: JSON.parse(d.conforms_to) as string[],
        languages: JSON.parse(d.languages) as string[],
        spatial: (spatial.get(id) ?? []).map(({ uri, label, bbox, crs }) => ({ uri, label, bbox, crs })),
        temporal: d.temporal_start || d.temporal_end ? { start: d.temporal_start, end: d.temporal_end } : null,
        spatialResolutionMeters: d.spatial_resolution_meters,
        issued: d.issued,
        modified: d.modified,
        updatedAt: d.updated_at,
        record: { issued: d.record_issued ?? d.created_at, modified: d.record_modified ?? d.updated_at },
        distributions: (distributions.get(id) ?? []).map(
          (x): DcatDistribution => ({
            position: x.position,
            uri: x.uri,
            title: langText(x.title_nb, x.title_nn, x.title_en),
            description: langText(x.description_nb, x.description_nn, x.description_en),
            accessURL: x.access_url,
            downloadURL: x.download_url,
            format: x.format,
            mediaType: x.media_type,
            license: x.license,
            byteSize: x.byte_size,
            status: x.status,
            conformsTo: JSON.parse(x.conforms_to) as string[],
            issued: x.issued,
            modified: x.modified,
            accessService: x.access_service_id ? (services.get(x.access_service_id) ?? null) : null,
          }),
        ),
      },
    ];
  });
}

