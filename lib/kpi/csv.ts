import type { Database } from "@/db/client";
import { listKpiByPublisher, listKpiBySource, listKpiByTheme, type KpiLine } from "./breakdowns";
import { computeKpi } from "./compute-kpi";
import { WHOLE_CATALOGUE } from "./scope";
import { listKpiHistory } from "./snapshots";

/** One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. */
function field(value: string | number | null): string {
  if (value === null) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const toCsv = (header: readonly string[], rows: (string | number | null)[][]): string =>
  [header, ...rows].map((r) => r.map(field).join(",")).join("\r\n") + "\r\n";

const COUNT_COLUMNS = [
  "inventory",
  "open_published",
  "percent",
  "not_open_unpublished",
  "not_open_restricted_access",
  "not_open_no_open_licence",
  "not_open_no_machine_readable_distribution",
] as const;

const countCells = (l: Pick<KpiLine, "inventory" | "openPublished" | "percent" | "notOpen">) => [
  l.inventory,
  l.openPublished,
  l.percent === null ? null : l.percent.toFixed(2),
  l.notOpen.unpublished,
  l.notOpen.restrictedAccess,
  l.notOpen.noOpenLicence,
  l.notOpen.noMachineReadableDistribution,
];

/**
 * The KPI now, one row per scope line: the whole catalogue, each publisher, each theme, each
 * harvest source. `scope` is the snapshot key (`catalogue`, `publisher:<slug>`, `theme:<code>`,
 * `source:<id>`); `name` is the Norwegian (Bokmål) name of the publisher, theme or source.
 */
export function kpiCurrentCsv(db: Database): string {
  const whole = computeKpi(db, { ...WHOLE_CATALOGUE, publisherId: null });
  const rows: (string | number | null)[][] = [["catalogue", "", ...countCells(whole), whole.computedAt]];
  const add = (type: string, lines: KpiLine[]) => {
    for (const l of lines) rows.push([`${type}:${l.key}`, l.label.nb, ...countCells(l), whole.computedAt]);
  };
  add("publisher", listKpiByPublisher(db));
  add("theme", listKpiByTheme(db));
  add("source", listKpiBySource(db));
  return toCsv(["scope", "name", ...COUNT_COLUMNS, "computed_at"], rows);
}

/** Every daily snapshot, oldest first: the KPI history published as a dataset. */
export function kpiHistoryCsv(db: Database, { scope }: { scope?: string } = {}): string {
  const rows = listKpiHistory(db, { scope }).map((s) => [
    s.date,
    s.scope,
    ...countCells(s),
    s.origin,
  ]);
  return toCsv(["date", "scope", ...COUNT_COLUMNS, "origin"], rows);
}
