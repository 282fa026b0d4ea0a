import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { seedDemoCatalogue } from "@/db/seed";
import { kpiCurrentCsv, kpiHistoryCsv } from "@/lib/kpi/csv";
import { computeKpi } from "@/lib/kpi/compute-kpi";
import { ensureKpiHistoryDataset } from "@/lib/kpi/history-dataset";
import { startKpiScheduler } from "@/lib/kpi/scheduler";
import { WHOLE_CATALOGUE } from "@/lib/kpi/scope";
import { backfillKpiHistory, listKpiHistory, takeKpiSnapshot, utcDay } from "@/lib/kpi/snapshots";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

let t: TestDatabase | undefined;
afterEach(() => {
  t?.cleanup();
  t = undefined;
});

const whole = () => computeKpi(t!.db, { ...WHOLE_CATALOGUE, publisherId: null });
const lines = (date: string) => t!.db.get<{ n: number }>(sql`select count(*) as n from kpi_snapshots where date = ${date}`)!.n;

describe("daily KPI snapshots", () => {
  it("are idempotent per day and scope, and survive a restart", () => {
    t = createTestDatabase();
    seedDemoCatalogue(t.db);
    const first = takeKpiSnapshot(t.db, { date: "2026-03-01" });
    const again = takeKpiSnapshot(t.db, { date: "2026-03-01" });
    expect(again.lines).toBe(first.lines);
    expect(lines("2026-03-01")).toBe(first.lines);
    const publishers = t.db.get<{ n: number }>(sql`select count(distinct publisher_id) as n from datasets`)!.n;
    expect(first.lines).toBeGreaterThanOrEqual(1 + publishers);

    const reopened = openDatabase(t.file);
    try {
      const history = listKpiHistory(reopened, { scope: "catalogue" });
      expect(history).toHaveLength(1);
      expect(history[0]).toMatchObject({ date: "2026-03-01", inventory: 150, openPublished: whole().openPublished, origin: "snapshot" });
    } finally {
      reopened.$client.close();
    }
  });

  it("are backfilled from the revision history without overwriting real snapshots", () => {
    t = createTestDatabase();
    seedDemoCatalogue(t.db);
    // Spread the seed's create revisions over three days: 50 datasets a day.
    t.db.run(sql`update revisions set at = case
      when dataset_id <= 50 then '2026-01-10T09:00:00.000Z'
      when dataset_id <= 100 then '2026-01-11T09:00:00.000Z'
      else '2026-01-13T09:00:00.000Z' end`);
    takeKpiSnapshot(t.db, { date: "2026-01-11" });
    const real = listKpiHistory(t.db, { scope: "catalogue" })[0]!;
    const result = backfillKpiHistory(t.db, { until: "2026-01-15" });
    expect(result.days).toBe(4); // the 10th, 12th (carried over), 13th and 14th; the 11th is real
    const history = listKpiHistory(t.db, { scope: "catalogue" });
    expect(history.map((h) => [h.date, h.inventory, h.origin])).toEqual([
      ["2026-01-10", 50, "backfill"],
      ["2026-01-11", real.inventory, "snapshot"],
      ["2026-01-12", 100, "backfill"],
      ["2026-01-13", 150, "backfill"],
      ["2026-01-14", 150, "backfill"],
    ]);
    expect(history.at(-1)!.openPublished).toBe(whole().openPublished);
    expect(backfillKpiHistory(t.db, { until: "2026-01-15" }).lines).toBe(0);
    const csv = kpiHistoryCsv(t.db);
    expect(csv.split("\r\n")[0]).toBe(
      "date,scope,inventory,open_published,percent,not_open_unpublished,not_open_restricted_access,not_open_no_open_licence,not_open_no_machine_readable_distribution,origin",
    );
    expect(csv).toContain("2026-01-10,catalogue,50,");
  });

  it("are taken by the scheduler once a day, however often it starts", () => {
    t = createTestDatabase();
    seedDemoCatalogue(t.db);
    const log = { info: () => {}, error: (...args: unknown[]) => { throw new Error(String(args)); } };
    startKpiScheduler(() => t!.db, { log }).stop();
    const today = utcDay();
    const count = lines(today);
    expect(count).toBeGreaterThan(1);
    startKpiScheduler(() => t!.db, { log }).stop();
    expect(lines(today)).toBe(count);
  });
});

describe("the KPI history as a dataset", () => {
  it("is registered once, is open itself, and the current CSV has a line per scope", () => {
    t = createTestDatabase();
    seedDemoCatalogue(t.db);
    const before = whole();
    const first = ensureKpiHistoryDataset(t.db, { publisherSlug: "alesund-kommune" });
    expect(first.created).toBe(true);
    expect(ensureKpiHistoryDataset(t.db, { publisherSlug: "alesund-kommune" })).toEqual({ slug: first.slug, created: false });
    expect(whole().openPublished).toBe(before.openPublished + 1);
    const csv = kpiCurrentCsv(t.db).split("\r\n");
    expect(csv[0]).toMatch(/^scope,name,inventory,open_published,percent,/);
    expect(csv[1]).toMatch(/^catalogue,,151,/);
    expect(csv.some((l) => l.startsWith("publisher:alesund-kommune,"))).toBe(true);
    expect(csv.some((l) => l.startsWith("theme:GOVE,"))).toBe(true);
  });
});
