import { sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import type { PublicationState } from "@/db/schema";
import { NOT_OPEN_REASONS, type NotOpenReason } from "./openness";
import type { ResolvedKpiScope } from "./scope";

/** A dataset in the inventory that does not count as open, with every reason, for staff to act on. */
export type NotOpenDataset = {
  slug: string;
  title: { nb: string; nn?: string; en?: string };
  publisher: { slug: string; name: { nb: string; nn?: string; en?: string } };
  state: PublicationState;
  reasons: NotOpenReason[];
  /** Where staff fix it: the dataset's edit form in the staff area. */
  fixPath: string;
};

export type NotOpenList = { total: number; items: NotOpenDataset[] };

type Row = {
  slug: string;
  title_nb: string;
  title_nn: string | null;
  title_en: string | null;
  state: PublicationState;
  publisher_slug: string;
  name_nb: string;
  name_nn: string | null;
  name_en: string | null;
  unpublished: number;
  restricted_access: number;
  no_open_licence: number;
  no_machine_readable_distribution: number;
};

const text = (nb: string, nn: string | null, en: string | null) => ({
  nb,
  ...(nn ? { nn } : {}),
  ...(en ? { en } : {}),
});

/** The path where staff fix a dataset: its edit form in the staff area. */
export function datasetFixPath(slug: string): string {
  return `/staff/datasets/${slug}/edit`;
}

/**
 * The datasets in a scope's inventory that are not open, by publisher and title, paged. Staff only:
 * it lists drafts too. Reads the stored openness, so the reasons are those the KPI counted.
 */
export function listNotOpenDatasets(
  db: Database,
  {
    scope,
    reason,
    limit = 100,
    offset = 0,
    publisherIds,
  }: {
    scope: ResolvedKpiScope;
    reason?: NotOpenReason;
    limit?: number;
    offset?: number;
    /** Only these publishers' datasets (what a publisher's staff may see); all when absent. */
    publisherIds?: readonly number[];
  },
): NotOpenList {
  const where: SQL[] = [sql`o.is_open = 0`];
  if (publisherIds) {
    where.push(publisherIds.length > 0 ? sql`o.publisher_id in (${sql.join(publisherIds.map((id) => sql`${id}`), sql`, `)})` : sql`0`);
  }
  if (scope.publisherId !== null) where.push(sql`o.publisher_id = ${scope.publisherId}`);
  if (scope.source !== null) where.push(sql`o.harvest_source_id = ${scope.source}`);
  if (scope.theme !== null) where.push(sql`o.dataset_id in (select dataset_id from dataset_themes where theme = ${scope.theme})`);
  if (reason) where.push(sql.raw(`o.${REASON_COLUMN[reason]} = 1`));
  const condition = sql.join(where, sql` and `);
  const total = db.get<{ n: number }>(sql`select count(*) as n from dataset_openness o where ${condition}`)!.n;
  const rows = db.all<Row>(sql`
    select d.slug, d.title_nb, d.title_nn, d.title_en, d.state, p.slug as publisher_slug,
      p.name_nb, p.name_nn, p.name_en, o.unpublished, o.restricted_access, o.no_open_licence,
      o.no_machine_readable_distribution
    from dataset_openness o
    join datasets d on d.id = o.dataset_id
    join publishers p on p.id = o.publisher_id
    where ${condition}
    order by p.name_nb collate nocase, d.title_nb collate nocase, d.id
    limit ${limit} offset ${offset}`);
  return {
    total,
    items: rows.map((r) => ({
      slug: r.slug,
      title: text(r.title_nb, r.title_nn, r.title_en),
      publisher: { slug: r.publisher_slug, name: text(r.name_nb, r.name_nn, r.name_en) },
      state: r.state,
      reasons: NOT_OPEN_REASONS.filter((reason) => r[REASON_COLUMN[reason]] === 1),
      fixPath: datasetFixPath(r.slug),
    })),
  };
}

const REASON_COLUMN = {
  unpublished: "unpublished",
  restrictedAccess: "restricted_access",
  noOpenLicence: "no_open_licence",
  noMachineReadableDistribution: "no_machine_readable_distribution",
} as const satisfies Record<NotOpenReason, keyof Row>;
