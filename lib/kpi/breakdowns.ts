import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { THEMES, type Labels } from "@/lib/vocabularies";
import { kpiPercent, toCounts, type KpiCounts } from "./compute-kpi";

/** One line of a KPI breakdown table: a publisher, theme or harvest source with its figures. */
export type KpiLine = KpiCounts & {
  key: string;
  label: Partial<Labels> & { nb: string };
  percent: number | null;
};

type LineRow = {
  scope_value: string;
  inventory: number;
  open_published: number;
  unpublished: number;
  restricted_access: number;
  no_open_licence: number;
  no_machine_readable_distribution: number;
};

const COUNTS = sql`c.scope_value, c.inventory, c.open_published, c.unpublished, c.restricted_access,
  c.no_open_licence, c.no_machine_readable_distribution`;

const line = (row: LineRow, key: string, label: KpiLine["label"]): KpiLine => {
  const counts = toCounts(row);
  return { key, label, ...counts, percent: kpiPercent(counts.openPublished, counts.inventory) };
};

/** The KPI per publisher with datasets in the inventory, by publisher name. `key` is the slug. */
export function listKpiByPublisher(db: Database): KpiLine[] {
  return db
    .all<LineRow & { slug: string; name_nb: string; name_nn: string | null; name_en: string | null }>(sql`
      select ${COUNTS}, p.slug, p.name_nb, p.name_nn, p.name_en from kpi_counts c
      join publishers p on p.id = cast(c.scope_value as integer)
      where c.scope_type = 'publisher' and c.inventory > 0
      order by p.name_nb collate nocase`)
    .map((r) =>
      line(r, r.slug, {
        nb: r.name_nb,
        ...(r.name_nn ? { nn: r.name_nn } : {}),
        ...(r.name_en ? { en: r.name_en } : {}),
      }),
    );
}

/** The KPI per EU theme with datasets in the inventory, in the order of the EU list. `key` is the code. */
export function listKpiByTheme(db: Database): KpiLine[] {
  const rows = new Map(
    db
      .all<LineRow>(sql`select ${COUNTS} from kpi_counts c where c.scope_type = 'theme' and c.inventory > 0`)
      .map((r) => [r.scope_value, r]),
  );
  return THEMES.flatMap((theme) => {
    const row = rows.get(theme.code);
    return row ? [line(row, theme.code, theme.label)] : [];
  });
}

/** The KPI per harvest source with datasets in the inventory. `key` is the source id. */
export function listKpiBySource(db: Database): KpiLine[] {
  return db
    .all<LineRow & { name: string }>(sql`
      select ${COUNTS}, s.name from kpi_counts c
      join harvest_sources s on s.id = cast(c.scope_value as integer)
      where c.scope_type = 'source' and c.inventory > 0
      order by s.name collate nocase`)
    .map((r) => line(r, r.scope_value, { nb: r.name }));
}
