import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalogToString } from "@/lib/dcat/catalog-document";
import { parseCatalogParams } from "@/lib/dcat/catalog-params";
import { FeedError } from "@/lib/harvest/fetch-feed";
import { gatherSource, type GatherOptions, type GatherResult } from "@/lib/harvest/gather";
import { gatherInWorker, idleGatherWorkerCount } from "@/lib/harvest/gather-in-worker";
import { gathersInProcess, runHarvest } from "@/lib/harvest/run-harvest";
import { createSyntheticCatalogue, type DcatTestCatalogue } from "../helpers/dcat-catalogues";
import { CONTENT_TYPES, startFeedServer, type TestFeedServer } from "../helpers/harvest-http";
import { createTestDatabase } from "../helpers/test-database";

/**
 * The parse worker (lib/harvest/gather-in-worker.ts) gathers exactly what an in-process gather
 * does, streams it to a writer that reads it synchronously, fails the way an in-process gather
 * fails, and can be abandoned half-way by the writer.
 */
const FIXTURES = path.resolve(process.cwd(), "..", "shared", "fixtures", "dcat-real");
const FEEDS = fs.readdirSync(FIXTURES).filter((f) => /\.(rdf|ttl|jsonld|json)$/.test(f) && !f.startsWith("hydra-"));

let server: TestFeedServer;
let synthetic: DcatTestCatalogue;
let syntheticFeed: string;

beforeAll(async () => {
  synthetic = createSyntheticCatalogue(400);
  syntheticFeed = await catalogToString(synthetic.db, { baseUrl: "https://fjordcat.example", format: "ttl", params: parseCatalogParams(new URLSearchParams()), linkPath: "/catalog.ttl" });
  server = await startFeedServer((_req, res, url) => {
    if (url.pathname === "/synthetic.ttl") {
      res.setHeader("Content-Type", "text/turtle");
      res.end(syntheticFeed);
      return;
    }
    if (url.pathname === "/failures.ttl") {
      res.setHeader("Content-Type", "text/turtle");
      res.end(FAILURES_FEED);
      return;
    }
    if (url.pathname === "/broken.ttl") {
      res.setHeader("Content-Type", "text/turtle");
      res.end(`${syntheticFeed.slice(0, 5000)} <unterminated`);
      return;
    }
    const file = path.join(FIXTURES, path.basename(url.pathname));
    res.setHeader("Content-Type", CONTENT_TYPES[file.split(".").pop()!] ?? "application/octet-stream");
    res.end(fs.readFileSync(file));
  });
});
afterAll(async () => {
  await server.close();
  synthetic.cleanup();
});

/**
 * Datasets that map (a, d), that cannot be mapped (b, f: no title) and whose mapped record the
 * registration schema refuses in part (c, e: a bounding box that is not a polygon, dropped with a
 * warning). A worker leaves records unchecked for its writer while the writer keeps up (all of
 * them, in a feed this small): then b's and f's failures are the worker's, c's and e's warnings the
 * writer's.
 */
const FAILURES_FEED = `@prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> .
@prefix theme: <http://publications.europa.eu/resource/authority/data-theme/> .
${["a", "b", "c", "d", "e", "f"]
  .map((id) => {
    const title = id === "b" || id === "f" ? "" : `dct:title "Datasett ${id}"@nb ;`;
    const spatial = id === "c" || id === "e" ? `dct:spatial [ a dct:Location ; dcat:bbox "POLYGON((1 2, 3 4))" ] ;` : "";
    return `<https://data.example/datasets/${id}> a dcat:Dataset ; ${title} ${spatial} dcat:theme theme:ENVI ; dct:description "Om ${id}"@nb ; dct:publisher <https://data.example/org> .`;
  })
  .join("\n")}
<https://data.example/org> dct:identifier "974760673" .`;

const options: GatherOptions = { allowPrivateNetwork: true, timeoutMs: 30_000, maxBytes: 100 * 1024 * 1024 };

/** Everything a gather gives, with its records read to the end. */
function drain(gathered: GatherResult) {
  const records = [...gathered.records];
  return { records, failures: gathered.failures, notes: gathered.notes, warnings: gathered.warnings, format: gathered.format, pages: gathered.pages, total: gathered.total };
}

describe("the harvest's parse worker", () => {
  it.each(FEEDS)("gathers %s exactly as an in-process gather does", async (file) => {
    const kind = file.endsWith(".json") ? "dcat-us" : "dcat";
    const url = `${server.origin}/${file}`;
    const inWorker = await gatherInWorker(kind, url, options);
    expect(inWorker, "a worker was started").toBeDefined();
    try {
      const fromWorker = drain(inWorker!);
      const inProcess = drain(await gatherSource(kind, url, options));
      expect(fromWorker.records.length).toBeGreaterThan(0);
      expect(fromWorker).toEqual(inProcess);
    } finally {
      inWorker!.dispose();
    }
  });

  it("gives what its writer checked as an in-process gather does: the records' warnings, the failures in the feed's order", async () => {
    const url = `${server.origin}/failures.ttl`;
    const inWorker = await gatherInWorker("dcat", url, options);
    try {
      const fromWorker = drain(inWorker!);
      const inProcess = drain(await gatherSource("dcat", url, options));
      expect(inProcess.records.map((r) => r.uri.split("/").pop())).toEqual(["a", "c", "d", "e"]);
      expect(inProcess.failures.map((f) => f.uri.split("/").pop())).toEqual(["b", "f"]);
      expect(inProcess.records[1]!.warnings.join(" ")).toMatch(/spatial dropped/);
      expect(fromWorker).toEqual(inProcess);
    } finally {
      inWorker!.dispose();
    }
  });

  it("streams a larger feed record by record, and a writer may stop half-way", async () => {
    const first = await gatherInWorker("dcat", `${server.origin}/synthetic.ttl`, options);
    const iterator = first!.records[Symbol.iterator]();
    const some = Array.from({ length: 5 }, () => iterator.next().value);
    expect(some.every((r) => r !== undefined && /^https?:\/\/.+\/datasets\//.test(r.uri))).toBe(true);
    first!.dispose();
    // The abandoned worker is let go; the next gather gets a worker of its own and reads everything.
    const second = await gatherInWorker("dcat", `${server.origin}/synthetic.ttl`, options);
    try {
      const published = synthetic.db.get<{ n: number }>(sql`select count(*) as n from datasets where state = 'published'`)!.n;
      expect([...second!.records].length).toBe(published);
    } finally {
      second!.dispose();
    }
  });

  it("lets its worker go as soon as the last record is read, before the caller disposes of the gather", async () => {
    const gathered = await gatherInWorker("dcat", `${server.origin}/synthetic.ttl`, options);
    try {
      // The job's worker is busy (an idle one, if any, was taken for it).
      expect(idleGatherWorkerCount()).toBe(0);
      const records = [...gathered!.records];
      expect(records.length).toBeGreaterThan(300);
      // A source this small: the worker is back in the pool for the next job, while the caller
      // (a writer that has not committed yet) still holds the gather.
      expect(idleGatherWorkerCount()).toBe(1);
    } finally {
      gathered!.dispose();
    }
    expect(idleGatherWorkerCount()).toBe(1);
  });

  it("fails on a malformed feed before any record, with the in-process gather's error", async () => {
    const url = `${server.origin}/broken.ttl`;
    const inProcess = await gatherSource("dcat", url, options).catch((error: unknown) => error);
    const inWorker = await gatherInWorker("dcat", url, options).catch((error: unknown) => error);
    expect(inProcess).toBeInstanceOf(FeedError);
    expect(inWorker).toBeInstanceOf(FeedError);
    expect((inWorker as Error).message).toBe((inProcess as Error).message);
  });

  it("gathers a source known to be small in the job's thread, and a source seen for the first time in the worker", async () => {
    const t = createTestDatabase();
    try {
      const url = `${server.origin}/synthetic.ttl`;
      const run = async () => {
        // While a worker gathers the source, no worker is idle (it goes back to the pool once the
        // last record is read, before the job's last progress report).
        const idleDuringJob: number[] = [];
        const report = await runHarvest(t.db, {
          location: url,
          triggeredBy: "test",
          limits: { allowPrivateNetwork: true },
          onProgress: () => idleDuringJob.push(idleGatherWorkerCount()),
        });
        expect(report.status).toBe("succeeded");
        return { report, idleDuringJob };
      };
      expect(gathersInProcess(t.db, { sourceId: null, location: url })).toBe(false);
      const first = await run();
      expect(first.report.created).toBeGreaterThan(300);
      expect(first.idleDuringJob).toContain(0);
      // Small (fewer than 1,000 records): the worker went back to the pool, and the next job of
      // the same location leaves it there.
      expect(idleGatherWorkerCount()).toBe(1);
      expect(gathersInProcess(t.db, { sourceId: null, location: url })).toBe(true);
      expect(gathersInProcess(t.db, { sourceId: null, location: `${url}?other` })).toBe(false);
      const second = await run();
      expect(second.report.unchanged).toBe(first.report.created);
      expect(second.idleDuringJob.length).toBeGreaterThan(0);
      expect(second.idleDuringJob.every((idle) => idle === 1)).toBe(true);
    } finally {
      t.cleanup();
    }
  });

  it("writes the same catalogue from a worker's gather as from an in-process one", async () => {
    const url = `${server.origin}/synthetic.ttl`;
    const snapshot = (inProcess: boolean) => {
      const t = createTestDatabase();
      return runHarvest(t.db, { location: url, triggeredBy: "test", inProcess, limits: { allowPrivateNetwork: true } }).then((report) => {
        // (The revision snapshot a worker's records get is their JSON as it came, its publisher
        // replaced: the same text as an in-process gather's, made by JSON.stringify.)
        const rows = t.db.all(sql`select d.uri, d.title_nb, d.license, r.content_hash, r.raw,
            (select json_group_array(access_url) from distributions x where x.dataset_id = d.id) as urls,
            (select snapshot from revisions v where v.dataset_id = d.id and v.action = 'create') as snapshot,
            (select score || ' ' || missing from dataset_quality q where q.dataset_id = d.id) as quality
          from datasets d join catalogue_records r on r.dataset_id = d.id order by d.uri`);
        t.cleanup();
        return { report: { ...report, durationMs: 0, jobId: 0 }, rows };
      });
    };
    const viaWorker = await snapshot(false);
    const viaThread = await snapshot(true);
    expect(viaWorker.report.status).toBe("succeeded");
    expect(viaWorker.rows.length).toBeGreaterThan(300);
    expect(viaWorker).toEqual(viaThread);
  });
});
