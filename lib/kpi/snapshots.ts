import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { kpiSnapshots, type KpiSnapshot } from "@/db/schema";
import { listKpiByPublisher, listKpiBySource, listKpiByTheme } from "./breakdowns";
import { computeKpi, kpiPercent, type KpiCounts } from "./compute-kpi";
import { assessOpenness, type NotOpenReason } from "./openness";
import { ensureKpiAggregates } from "./refresh-openness";
import { WHOLE_CATALOGUE } from "./scope";

/** A day of the KPI history for one scope line (`catalogue`, `publisher:<slug>`, `theme:<code>`, `source:<id>`). */
export type KpiHistoryPoint = KpiCounts & {
  date: string;
  scope: string;
  percent: number | null;
  origin: "snapshot" | "backfill";
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Today's date in UTC (YYYY-MM-DD): snapshot days are UTC days. */
export function utcDay(at: Date = new Date()): string {
  return at.toISOString().slice(0, 10);
}

type SnapshotRow = typeof kpiSnapshots.$inferInsert;

const row = (date: string, scope: string, c: KpiCounts, origin: "snapshot" | "backfill"): SnapshotRow => ({
  date,
  scope,
  inventory: c.inventory,
  openPublished: c.openPublished,
  unpublished: c.notOpen.unpublished,
  restrictedAccess: c.notOpen.restrictedAccess,
  noOpenLicence: c.notOpen.noOpenLicence,
  noMachineReadableDistribution: c.notOpen.noMachineReadableDistribution,
  origin,
});

/**
 * Record the KPI as it stands now, for every scope line, under `date` (default today, UTC).
 * Idempotent per day and scope: taking it again the same day replaces that day's lines (and a
 * backfilled day) with the current figures, never adding a second line.
 */
export function takeKpiSnapshot(db: Database, { date = utcDay() }: { date?: string } = {}): { date: string; lines: number } {
  if (!DAY.test(date)) throw new Error(`Not a YYYY-MM-DD date: ${date}`);
  ensureKpiAggregates(db);
  return db.transaction((tx) => {
    const whole = computeKpi(db, { ...WHOLE_CATALOGUE, publisherId: null });
    const rows: SnapshotRow[] = [row(date, "catalogue", whole, "snapshot")];
    for (const l of listKpiByPublisher(db)) rows.push(row(date, `publisher:${l.key}`, l, "snapshot"));
    for (const l of listKpiByTheme(db)) rows.push(row(date, `theme:${l.key}`, l, "snapshot"));
    for (const l of listKpiBySource(db)) rows.push(row(date, `source:${l.key}`, l, "snapshot"));
    tx.run(sql`delete from kpi_snapshots where date = ${date}`);
    for (let i = 0; i < rows.length; i += 500) tx.insert(kpiSnapshots).values(rows.slice(i, i + 500)).run();
    return { date, lines: rows.length };
  });
}

const toPoint = (s: KpiSnapshot): KpiHistoryPoint => ({
  date: s.date,
  scope: s.scope,
  inventory: s.inventory,
  openPublished: s.openPublished,
  percent: kpiPercent(s.openPublished, s.inventory),
  notOpen: {
    unpublished: s.unpublished,
    restrictedAccess: s.restrictedAccess,
    noOpenLicence: s.noOpenLicence,
    noMachineReadableDistribution: s.noMachineReadableDistribution,
  },
  origin: s.origin,
});

/** The history, oldest first; one scope line (e.g. `catalogue`) or all of them. */
export function listKpiHistory(db: Database, { scope }: { scope?: string } = {}): KpiHistoryPoint[] {
  return db
    .select()
    .from(kpiSnapshots)
    .where(scope ? sql`${kpiSnapshots.scope} = ${scope}` : undefined)
    .orderBy(kpiSnapshots.date, kpiSnapshots.scope)
    .all()
    .map(toPoint);
}

type RevisionSnapshot = {
  publisher?: string;
  themes?: string[];
  accessRights?: string;
  license?: string;
  state?: string;
  distributions?: { format?: string; license?: string }[];
};

type Assessed = { scopes: string[]; inInventory: boolean; isOpen: boolean; reasons: NotOpenReason[] };

function assessSnapshot(snapshot: RevisionSnapshot): Assessed {
  const state = snapshot.state ?? "draft";
  const openness = assessOpenness({
    state,
    accessRights: snapshot.accessRights ?? "NON_PUBLIC",
    license: snapshot.license ?? null,
    distributions: snapshot.distributions ?? [],
  });
  return {
    scopes: [
      "catalogue",
      ...(snapshot.publisher ? [`publisher:${snapshot.publisher}`] : []),
      ...(snapshot.themes ?? []).map((t) => `theme:${t}`),
    ],
    inInventory: state === "draft" || state === "published",
    isOpen: openness.isOpen,
    reasons: openness.reasons,
  };
}

const emptyCounts = (): KpiCounts => ({
  inventory: 0,
  openPublished: 0,
  notOpen: { unpublished: 0, restrictedAccess: 0, noOpenLicence: 0, noMachineReadableDistribution: 0 },
});

/**
 * Reconstruct the daily KPI (catalogue, publishers, themes) from the revision history, for every
 * day before `until` (default today) since the first revision that has no line yet. Each revision
 * snapshot is the dataset in the registration shape after the change; the rule is applied to the
 * last snapshot of each dataset at the end of each day. Days already recorded are left alone, and
 * datasets written without revisions (synthetic benchmark data) cannot be seen, hence "where
 * possible". Harvest-source lines are not backfilled: the registration shape has no source.
 */
export function backfillKpiHistory(db: Database, { until = utcDay() }: { until?: string } = {}): { days: number; lines: number } {
  const known = new Set(
    db.all<{ date: string }>(sql`select distinct date from kpi_snapshots`).map((r) => r.date),
  );
  const current = new Map<number, Assessed>();
  const totals = new Map<string, KpiCounts>();
  const apply = (a: Assessed, sign: 1 | -1) => {
    if (!a.inInventory) return;
    for (const scope of a.scopes) {
      const c = totals.get(scope) ?? totals.set(scope, emptyCounts()).get(scope)!;
      c.inventory += sign;
      if (a.isOpen) c.openPublished += sign;
      for (const reason of a.reasons) c.notOpen[reason] += sign;
    }
  };
  const rows: SnapshotRow[] = [];
  let day: string | null = null;
  const emit = (date: string) => {
    if (known.has(date) || date >= until) return;
    for (const [scope, c] of totals) if (c.inventory > 0 || scope === "catalogue") rows.push(row(date, scope, c, "backfill"));
  };
  const statement = db.$client.prepare("select dataset_id, at, snapshot from revisions order by at, id");
  for (const r of statement.iterate() as Iterable<{ dataset_id: number; at: string; snapshot: string }>) {
    const date = r.at.slice(0, 10);
    if (day !== null && date !== day) {
      emit(day);
      // Days without revisions carry the previous day's figures.
      for (let d = nextDay(day); d < date; d = nextDay(d)) emit(d);
    }
    day = date;
    const before = current.get(r.dataset_id);
    if (before) apply(before, -1);
    const after = assessSnapshot(JSON.parse(r.snapshot) as RevisionSnapshot);
    current.set(r.dataset_id, after);
    apply(after, 1);
  }
  if (day !== null) {
    emit(day);
    for (let d = nextDay(day); d < until; d = nextDay(d)) emit(d);
  }
  db.transaction((tx) => {
    for (let i = 0; i < rows.length; i += 500) {
      tx.insert(kpiSnapshots).values(rows.slice(i, i + 500)).onConflictDoNothing().run();
    }
  });
  return { days: new Set(rows.map((r) => r.date)).size, lines: rows.length };
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return utcDay(d);
}
