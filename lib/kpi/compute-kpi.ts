import { sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { notOpenReasonExpressions, type NotOpenReason } from "./openness";
import type { KpiScope, ResolvedKpiScope } from "./scope";

/**
 * The U4SSC KPI EC:ICT:PS:1A for one scope: the `/kpi.json` contract of ARCHITECTURE.md.
 * `percent` has two decimals and is null when the inventory is empty (0 of 0 is not a percentage).
 * `notOpen` counts the datasets in the inventory that are not open, per reason; a dataset with
 * several reasons counts under each of them, so the reasons can add up to more than
 * `inventory - openPublished`.
 */
export type KpiFigures = {
  scope: KpiScope;
  openPublished: number;
  inventory: number;
  percent: number | null;
  computedAt: string;
  notOpen: Record<NotOpenReason, number>;
};

export type KpiCounts = Omit<KpiFigures, "scope" | "computedAt" | "percent">;

type CountRow = {
  inventory: number | null;
  open_published: number | null;
  unpublished: number | null;
  restricted_access: number | null;
  no_open_licence: number | null;
  no_machine_readable_distribution: number | null;
};

export function kpiPercent(openPublished: number, inventory: number): number | null {
  return inventory === 0 ? null : Math.round((openPublished / inventory) * 10_000) / 100;
}

export function toCounts(row: CountRow | undefined): KpiCounts {
  return {
    openPublished: row?.open_published ?? 0,
    inventory: row?.inventory ?? 0,
    notOpen: {
      unpublished: row?.unpublished ?? 0,
      restrictedAccess: row?.restricted_access ?? 0,
      noOpenLicence: row?.no_open_licence ?? 0,
      noMachineReadableDistribution: row?.no_machine_readable_distribution ?? 0,
    },
  };
}

export function toFigures(scope: KpiScope, counts: KpiCounts, computedAt = new Date().toISOString()): KpiFigures {
  return {
    scope: { publisher: scope.publisher, theme: scope.theme, source: scope.source },
    openPublished: counts.openPublished,
    inventory: counts.inventory,
    percent: kpiPercent(counts.openPublished, counts.inventory),
    computedAt,
    notOpen: counts.notOpen,
  };
}

const SUMS = sql`count(*) as inventory, sum(is_open) as open_published, sum(unpublished) as unpublished,
  sum(restricted_access) as restricted_access, sum(no_open_licence) as no_open_licence,
  sum(no_machine_readable_distribution) as no_machine_readable_distribution`;

/** The scope as a condition over the stored openness rows (alias `o`). */
function storedScopeCondition(scope: ResolvedKpiScope): SQL {
  const parts: SQL[] = [sql`1`];
  if (scope.publisherId !== null) parts.push(sql`o.publisher_id = ${scope.publisherId}`);
  if (scope.source !== null) parts.push(sql`o.harvest_source_id = ${scope.source}`);
  if (scope.theme !== null) {
    parts.push(sql`exists (select 1 from dataset_themes t where t.dataset_id = o.dataset_id and t.theme = ${scope.theme})`);
  }
  return sql.join(parts, sql` and `);
}

/**
 * The KPI of a scope from the maintained counters: one primary-key lookup for the catalogue and
 * for a single publisher, theme or source; an indexed aggregate over the stored per-dataset
 * openness for an intersection of several.
 */
export function computeKpi(db: Database, scope: ResolvedKpiScope): KpiFigures {
  const set = [scope.publisherId !== null, scope.theme !== null, scope.source !== null].filter(Boolean).length;
  if (set <= 1) {
    const [type, value] =
      scope.publisherId !== null
        ? ["publisher", String(scope.publisherId)]
        : scope.theme !== null
          ? ["theme", scope.theme]
          : scope.source !== null
            ? ["source", String(scope.source)]
            : ["catalogue", ""];
    const row = db.get<CountRow>(sql`select inventory, open_published, unpublished, restricted_access,
      no_open_licence, no_machine_readable_distribution from kpi_counts
      where scope_type = ${type} and scope_value = ${value}`);
    return toFigures(scope, toCounts(row));
  }
  const row = db.get<CountRow>(sql`select ${SUMS} from dataset_openness o where ${storedScopeCondition(scope)}`);
  return toFigures(scope, toCounts(row));
}

/**
 * The KPI counted from scratch from the raw catalogue tables by the rule's SQL, ignoring every
 * stored aggregate: the reference the benchmark compares `computeKpi` with, and a check in tests.
 */
export function recountKpi(db: Database, scope: ResolvedKpiScope): KpiFigures {
  const r = notOpenReasonExpressions("d");
  const parts: SQL[] = [sql`d.state in ('draft', 'published')`];
  if (scope.publisherId !== null) parts.push(sql`d.publisher_id = ${scope.publisherId}`);
  if (scope.theme !== null) parts.push(sql`d.id in (select dataset_id from dataset_themes where theme = ${scope.theme})`);
  if (scope.source !== null) {
    parts.push(sql`d.id in (select dataset_id from catalogue_records where harvest_source_id = ${scope.source})`);
  }
  const row = db.get<CountRow>(sql`select count(*) as inventory, sum(${r.isOpen}) as open_published,
    sum(${r.unpublished}) as unpublished, sum(${r.restrictedAccess}) as restricted_access,
    sum(${r.noOpenLicence}) as no_open_licence, sum(${r.noMachineReadableDistribution}) as no_machine_readable_distribution
    from datasets d where ${sql.join(parts, sql` and `)}`);
  return toFigures(scope, toCounts(row));
}
