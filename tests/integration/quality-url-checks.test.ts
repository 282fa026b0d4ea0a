import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { datasets } from "@/db/schema";
import { seedDemoCatalogue } from "@/db/seed";
import { createDataset } from "@/lib/catalogue/create-dataset";
import { computeCatalogueQuality, getDatasetQuality } from "@/lib/quality/catalogue-quality";
import { startQualityScheduler } from "@/lib/quality/scheduler";
import type { QualityScore } from "@/lib/quality/score";
import { getQualitySummary, refreshDatasetQuality } from "@/lib/quality/store-quality";
import { checkUrl, runUrlChecks } from "@/lib/quality/url-checks";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

/** A local server: /ok answers 200, /missing 404, /slow never answers in time, /head-refused only GET. */
let server: http.Server;
let base: string;
beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === "/ok") return res.writeHead(200).end("ok");
    if (req.url === "/moved") return res.writeHead(301, { Location: "/ok" }).end();
    if (req.url === "/head-refused") return res.writeHead(req.method === "HEAD" ? 405 : 200).end();
    if (req.url === "/slow") return void setTimeout(() => res.writeHead(200).end(), 2000);
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const local = { allowPrivateNetwork: true, timeoutMs: 500 };

describe("URL checks (against a local server, never the internet)", () => {
  it("tells 200 from 404, follows redirects, falls back to GET and times out", async () => {
    expect(await checkUrl(`${base}/ok`, local)).toMatchObject({ ok: true, status: 200 });
    expect(await checkUrl(`${base}/missing`, local)).toMatchObject({ ok: false, status: 404, error: "HTTP 404" });
    expect(await checkUrl(`${base}/moved`, local)).toMatchObject({ ok: true, status: 200 });
    expect(await checkUrl(`${base}/head-refused`, local)).toMatchObject({ ok: true, status: 200 });
    expect(await checkUrl(`${base}/slow`, local)).toMatchObject({ ok: false, status: null, error: "no answer within 500 ms" });
  });

  it("refuses private network addresses unless allowed", async () => {
    expect(await checkUrl(`${base}/ok`, { timeoutMs: 500 })).toMatchObject({ ok: false, error: "private network address refused" });
    expect(await checkUrl("ftp://example.org/x", local)).toMatchObject({ ok: false, error: "not an http(s) URL" });
  });

  describe("in the catalogue", () => {
    let t: TestDatabase;
    let id: number;
    beforeAll(async () => {
      t = createTestDatabase();
      id = t.db.transaction((tx) =>
        createDatasetFixture(tx),
      );
    });
    afterAll(() => t.cleanup());

    function createDatasetFixture(tx: Parameters<Parameters<TestDatabase["db"]["transaction"]>[0]>[0]): number {
      tx.run(sql`insert into publishers (slug, uri, name_nb) values ('testetaten', 'https://example.org/testetaten', 'Testetaten')`);
      return createDataset(tx, {
        actor: { label: "test" },
        input: {
          title: { nb: "Lenkesjekk" },
          description: { nb: "Datasett for å teste lenkesjekken." },
          publisher: "testetaten",
          themes: ["GOVE"],
          accessRights: "PUBLIC",
          distributions: [
            { accessURL: `${base}/ok`, downloadURL: `${base}/ok`, format: "CSV" },
            { accessURL: `${base}/missing`, format: "PDF" },
          ],
          state: "published",
        },
      }).id;
    }

    it("runs the due checks, caches them with the time, and the score uses the cache", async () => {
      const before = getDatasetQuality(t.db, { datasetId: id })!;
      expect(before.checks.find((c) => c.check === "accessUrlAnswers")).toMatchObject({ points: 0, pending: true });
      expect(before.urlsCheckedAt).toBeNull();

      const outcomes = await runUrlChecks(t.db, { ...local, concurrency: 2 });
      expect(outcomes.map((o) => [o.url.replace(base, ""), o.ok]).sort()).toEqual([["/missing", false], ["/ok", true]]);
      expect(await runUrlChecks(t.db, local)).toEqual([]); // cached: nothing due

      const after = getDatasetQuality(t.db, { datasetId: id })!;
      expect(after.checks.find((c) => c.check === "accessUrlAnswers")).toMatchObject({ points: 25, share: 0.5 });
      expect(after.checks.find((c) => c.check === "downloadUrlAnswers")).toMatchObject({ points: 15 });
      expect(after.urlsCheckedAt).not.toBeNull();
      expect(after.score).toBe(before.score + 40);
    });

    it("runs in the background scheduler: stored scores, rescored after their URLs are checked", async () => {
      t.db.run(sql`delete from url_checks where true`);
      const info: string[] = [];
      const scheduler = startQualityScheduler(() => t.db, { ...local, log: { info: (m: string) => info.push(m), error: () => {} } });
      await scheduler.idle();
      scheduler.stop();
      expect(info[0]).toMatch(/^Metadata quality recomputed for 1 datasets/);
      const stored = t.db.get<{ score: number; accessibility: number; urls_checked_at: string | null }>(
        sql`select score, accessibility, urls_checked_at from dataset_quality where dataset_id = ${id}`,
      )!;
      expect(stored.accessibility).toBe(25 + 20 * 0.5 + 15);
      expect(stored.urls_checked_at).not.toBeNull();
      expect(stored.score).toBe(getDatasetQuality(t.db, { datasetId: id })!.score);
      const summary = getQualitySummary(t.db);
      expect(summary.catalogue.datasets).toBe(1);
      expect(summary.catalogue.averageScore).toBe(stored.score);
      expect(summary.byPublisher.map((p) => p.slug)).toEqual(["testetaten"]);
    });
  });
});

describe("catalogue quality", () => {
  it("scores every dataset in the inventory and aggregates per publisher", () => {
    const t = createTestDatabase();
    try {
      seedDemoCatalogue(t.db);
      const scores = new Map<number, QualityScore>();
      const quality = computeCatalogueQuality(t.db, { onScore: (id, score) => scores.set(id, score) });
      expect(quality.catalogue.datasets).toBe(150);
      expect(scores.size).toBe(150);
      expect(Object.values(quality.catalogue.bands).reduce((a, b) => a + b, 0)).toBe(150);
      expect(quality.byPublisher.reduce((n, p) => n + p.datasets, 0)).toBe(150);
      const first = t.db.select({ id: datasets.id }).from(datasets).where(eq(datasets.state, "published")).limit(1).get()!;
      expect(scores.get(first.id)).toEqual(getDatasetQuality(t.db, { datasetId: first.id }));
      expect(quality.catalogue.averageScore).toBeGreaterThan(100);
    } finally {
      t.cleanup();
    }
  });

  it("rescores a run of datasets (as after a harvest) with the cached checks of their URLs, as one dataset is scored", () => {
    const t = createTestDatabase();
    try {
      seedDemoCatalogue(t.db);
      const ids = t.db.all<{ id: number }>(sql`select id from datasets where state in ('draft', 'published') order by id`).map((r) => r.id);
      // Read by id ranges (32 or more ids in a row) and, for the rest, by id list.
      expect(ids.length).toBeGreaterThan(100);
      const target = t.db.get<{ id: number; url: string; download: string | null }>(
        sql`select dataset_id as id, access_url as url, download_url as download from distributions where dataset_id = ${ids[40]!} order by position limit 1`,
      )!;
      const stored = () =>
        t.db.get<{ score: number; accessibility: number; urls_checked_at: string | null }>(
          sql`select score, accessibility, urls_checked_at from dataset_quality where dataset_id = ${target.id}`,
        )!;
      refreshDatasetQuality(t.db, { datasetIds: ids });
      const before = stored();
      expect(before.urls_checked_at).toBeNull();

      const checkedAt = "2026-12-01T10:00:00.000Z";
      for (const url of [target.url, target.download].filter((u): u is string => !!u)) {
        t.db.run(sql`insert or replace into url_checks (url, status, ok, checked_at) values (${url}, 200, 1, ${checkedAt})`);
      }
      refreshDatasetQuality(t.db, { datasetIds: ids });
      const after = stored();
      expect(after.urls_checked_at).toBe(checkedAt);
      expect(after.accessibility).toBeGreaterThan(before.accessibility);
      expect(after.score).toBe(getDatasetQuality(t.db, { datasetId: target.id })!.score);
    } finally {
      t.cleanup();
    }
  });
});
