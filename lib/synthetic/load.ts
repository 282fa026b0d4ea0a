import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { publishers } from "@/db/schema";
import { datasetInputSchema } from "@/lib/catalogue/schemas";
import { env } from "@/lib/env";
import { refreshDatasetOpennessRange } from "@/lib/kpi/refresh-openness";
import { createPublisher } from "@/lib/publishers/create-publisher";
import { buildSearchDocument } from "@/lib/search/index-dataset";
import { LANGS } from "@/lib/vocabularies";
import { generateDataset, generatePublishers } from "./generate";

export type SyntheticReport = { datasets: number; publishers: number; distributions: number; ms: number };

const BATCH = 5_000;

/**
 * Add `count` synthetic datasets to the database, in transactions of 5,000. Each record is
 * validated with the registration schema and written with its themes, keywords, coverage,
 * distributions, catalogue record and search row, through prepared statements (the per-record
 * command is ~50× slower, and benchmark catalogues have a million records). Synthetic records get
 * no revision history: they are benchmark data, marked as such in their catalogue record.
 */
export function loadSyntheticCatalogue(
  db: Database,
  { count, seed = 1, onProgress }: { count: number; seed?: number; onProgress?: (done: number) => void },
): SyntheticReport {
  const started = performance.now();
  const publisherSlugs: string[] = [];
  const publisherIds: number[] = [];
  const publisherNames: string[][] = [];
  db.transaction((tx) => {
    for (const p of generatePublishers(seed)) {
      const existing = tx.select().from(publishers).where(eq(publishers.orgNumber, p.orgNumber!)).get();
      const row = existing ?? createPublisher(tx, { input: { name: p.name, orgNumber: p.orgNumber, homepage: p.homepage } });
      publisherSlugs.push(row.slug);
      publisherIds.push(row.id);
      publisherNames.push([row.nameNb, row.nameNn ?? "", row.nameEn ?? ""]);
    }
  });

  const sqlite = db.$client;
  const insert = {
    dataset: sqlite.prepare(`insert into datasets (id, slug, uri, publisher_id, title_nb, title_nn, title_en,
      description_nb, description_nn, description_en, access_rights, license, accrual_periodicity, landing_page,
      conforms_to, languages, temporal_start, temporal_end, issued, modified, state, state_changed_at,
      state_changed_by, created_at, updated_at, contact_point_id)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'synthetic', ?, ?, ?)`),
    contact: sqlite.prepare("insert into contact_points (publisher_id, name, email) values (?, ?, ?) returning id"),
    theme: sqlite.prepare("insert into dataset_themes (dataset_id, theme) values (?, ?)"),
    keyword: sqlite.prepare("insert or ignore into dataset_keywords (dataset_id, lang, keyword) values (?, ?, ?)"),
    spatial: sqlite.prepare("insert into dataset_spatial (dataset_id, label) values (?, ?)"),
    distribution: sqlite.prepare(`insert into distributions (dataset_id, position, title_nb, access_url, download_url,
      format, media_type, byte_size) values (?, ?, ?, ?, ?, ?, ?, ?)`),
    record: sqlite.prepare(`insert into catalogue_records (dataset_id, origin, source_note, issued, modified)
      values (?, 'local', ?, ?, ?)`),
    search: sqlite.prepare("insert into dataset_search (rowid, title, keywords, publisher, description) values (?, ?, ?, ?, ?)"),
  };
  const contactIds = new Map<number, number>();
  let nextId = (db.get<{ id: number | null }>(sql`select max(id) as id from datasets`)?.id ?? 0) + 1;
  let distributions = 0;
  const note = `Synthetic benchmark record (seed ${seed})`;

  for (let start = 0; start < count; start += BATCH) {
    const end = Math.min(count, start + BATCH);
    const firstId = nextId;
    sqlite.transaction(() => {
      for (let index = start; index < end; index++) {
        const { input: generated, publisherIndex } = generateDataset(seed, index, publisherSlugs);
        const d = datasetInputSchema.parse(generated);
        const id = nextId++;
        const slug = `${d.landingPage!.slice(d.landingPage!.lastIndexOf("/") + 1)}-${id}`;
        const publisherId = publisherIds[publisherIndex]!;
        let contactId = contactIds.get(publisherId);
        if (contactId === undefined) {
          contactId = (insert.contact.get(publisherId, d.contactPoint!.name, d.contactPoint!.email) as { id: number }).id;
          contactIds.set(publisherId, contactId);
        }
        const at = `${d.modified}T08:00:00.000Z`;
        insert.dataset.run(id, slug, `${env.BASE_URL}/datasets/${slug}`, publisherId, d.title.nb, d.title.nn ?? null,
          d.title.en ?? null, d.description.nb, d.description.nn ?? null, d.description.en ?? null, d.accessRights,
          d.license ?? null, d.accrualPeriodicity ?? null, d.landingPage ?? null, JSON.stringify(d.conformsTo),
          JSON.stringify(d.languages), d.temporal?.start ?? null, d.temporal?.end ?? null, d.issued ?? null,
          d.modified ?? null, d.state, at, at, at, contactId);
        for (const theme of d.themes) insert.theme.run(id, theme);
        for (const lang of LANGS) for (const k of d.keywords[lang] ?? []) insert.keyword.run(id, lang, k);
        for (const s of d.spatial) insert.spatial.run(id, s.label ?? null);
        d.distributions.forEach((x, position) => {
          insert.distribution.run(id, position, x.title?.nb ?? null, x.accessURL, x.downloadURL ?? null,
            x.format ?? null, x.mediaType ?? null, x.byteSize ?? null);
        });
        distributions += d.distributions.length;
        insert.record.run(id, note, at, at);
        const doc = buildSearchDocument({
          titles: [d.title.nb, d.title.nn, d.title.en],
          keywords: LANGS.flatMap((lang) => d.keywords[lang] ?? []),
          publisherNames: publisherNames[publisherIndex]!,
          descriptions: [d.description.nb, d.description.nn, d.description.en],
        });
        insert.search.run(id, doc.title, doc.keywords, doc.publisher, doc.description);
      }
      refreshDatasetOpennessRange(db, { fromId: firstId, toId: nextId - 1 });
    })();
    onProgress?.(end);
  }
  return { datasets: count, publishers: publisherIds.length, distributions, ms: Math.round(performance.now() - started) };
}
