import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { openDatasetCondition } from "@/lib/kpi/openness";

export type PublisherSummary = {
  slug: string;
  uri: string;
  name: { nb: string; nn?: string; en?: string };
  orgNumber: string | null;
  homepage: string | null;
  datasets: number;
  openDatasets: number;
};

type Row = {
  slug: string;
  uri: string;
  name_nb: string;
  name_nn: string | null;
  name_en: string | null;
  org_number: string | null;
  homepage: string | null;
  datasets: number;
  open_datasets: number;
};

const toSummary = (r: Row): PublisherSummary => ({
  slug: r.slug,
  uri: r.uri,
  name: { nb: r.name_nb, ...(r.name_nn ? { nn: r.name_nn } : {}), ...(r.name_en ? { en: r.name_en } : {}) },
  orgNumber: r.org_number,
  homepage: r.homepage,
  datasets: r.datasets,
  openDatasets: r.open_datasets,
});

const SELECT = sql`
  select p.slug, p.uri, p.name_nb, p.name_nn, p.name_en, p.org_number, p.homepage,
    count(d.id) as datasets,
    coalesce(sum(case when d.id is not null and ${openDatasetCondition("d")} then 1 else 0 end), 0) as open_datasets
  from publishers p
  left join datasets d on d.publisher_id = p.id and d.state = 'published'`;

/** Every publisher with its counts of published and open datasets, by name. */
export function listPublishers(db: Database): PublisherSummary[] {
  return db
    .all<Row>(sql`${SELECT} group by p.id order by p.name_nb collate nocase`)
    .map(toSummary);
}

export function getPublisherBySlug(db: Database, { slug }: { slug: string }): PublisherSummary | undefined {
  const row = db.get<Row>(sql`${SELECT} where p.slug = ${slug} group by p.id`);
  return row ? toSummary(row) : undefined;
}
