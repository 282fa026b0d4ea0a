import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PREFIXES } from "@/lib/dcat/namespaces";
import { gatherSource, type GatherOptions, type GatherResult } from "@/lib/harvest/gather";
import { gatherInWorker, RestartWrite } from "@/lib/harvest/gather-in-worker";
import { runHarvestJob } from "@/lib/harvest/job-thread";
import { EarlyMappingFailed } from "@/lib/harvest/map-early";
import type { HarvestedRecord } from "@/lib/harvest/records";
import { createSyntheticCatalogue, renderCatalog, type DcatTestCatalogue } from "../helpers/dcat-catalogues";
import { startFeedServer, type TestFeedServer } from "../helpers/harvest-http";
import { createTestDatabase } from "../helpers/test-database";

/**
 * Records mapped while the feed is still parsed (lib/harvest/map-early.ts): they are the records a
 * gather of the whole feed gives, in the same order; a feed whose later part changes what was
 * mapped early is gathered again, and a harvest job then writes what the whole feed says.
 */
const { dcat: DCAT, dct: DCT, foaf: FOAF, skos: SKOS } = PREFIXES;
const options: GatherOptions = { allowPrivateNetwork: true, allowFiles: true, timeoutMs: 30_000, maxBytes: 100 * 1024 * 1024 };

let synthetic: DcatTestCatalogue;
let turtle: string;
let rdfXml: string;
let server: TestFeedServer;
let dir: string;
const feeds = new Map<string, { type: string; body: string }>();

/** A feed served over HTTP and written to a file. */
function serve(name: string, type: string, body: string): { url: string; file: string } {
  feeds.set(name, { type, body });
  const file = path.join(dir, name);
  fs.writeFileSync(file, body);
  return { url: `${server.origin}/${name}`, file };
}

beforeAll(async () => {
  synthetic = createSyntheticCatalogue(400);
  turtle = await renderCatalog(synthetic, "ttl");
  rdfXml = await renderCatalog(synthetic, "rdf");
  dir = fs.mkdtempSync(path.join(synthetic.dir, "feeds-"));
  server = await startFeedServer((_req, res, url) => {
    const feed = feeds.get(url.pathname.slice(1));
    if (!feed) {
      res.statusCode = 404;
      res.end();
      return;
    }
    res.setHeader("Content-Type", feed.type);
    res.end(feed.body);
  });
});
afterAll(async () => {
  await server.close();
  synthetic.cleanup();
});

/** A gather with early mapping (`early` gets the records handed over early); the rest are `gathered.records`. */
function gatherEarly(location: string, early: HarvestedRecord[] = []): Promise<GatherResult> {
  return gatherSource("dcat", location, { ...options, early: { hasRoom: () => true, emit: (record) => early.push(record) } });
}

/** The datasets of the Turtle feed, in the order it describes them. */
const datasetsInFeed = () => [...turtle.matchAll(/^<([^>]+)> a dcat:Dataset/gm)].map((m) => m[1]!);

describe("records mapped while the feed is parsed", () => {
  it.each([
    ["Turtle", "text/turtle", () => turtle],
    ["RDF/XML", "application/rdf+xml", () => rdfXml],
  ])("are, with the rest, exactly the records of the whole feed (%s)", async (name, type, body) => {
    const { url } = serve(`whole.${name === "Turtle" ? "ttl" : "rdf"}`, type, body());
    const early: HarvestedRecord[] = [];
    const gathered = await gatherEarly(url, early);
    const records = [...early, ...gathered.records];
    const whole = await gatherSource("dcat", url, options);
    const expected = [...whole.records];
    // Most of them early: the feed writes each dataset with its nodes.
    expect(early.length).toBeGreaterThan(expected.length / 2);
    expect(records).toEqual(expected);
    expect(gathered.failures).toEqual(whole.failures);
    expect(gathered.warnings).toEqual(whole.warnings);
  });

  it("are given up when a later triple is about a node one of them was read from: the gather fails, to be run again", async () => {
    const first = datasetsInFeed()[0]!;
    const { url } = serve("late-title.ttl", "text/turtle", `${turtle}\n<${first}> <${DCT}title> "Endret tittel"@nb .\n`);
    const early: HarvestedRecord[] = [];
    await expect(gatherEarly(url, early)).rejects.toBeInstanceOf(EarlyMappingFailed);
    expect(early.map((r) => r.uri)).toContain(first);
  });

  it("are given up when a dataset forgotten once mapped is read again by a later one", async () => {
    const [first, ...rest] = datasetsInFeed();
    // The last dataset (mapped once the feed is parsed) names the first one (forgotten) as a distribution.
    const { url } = serve("reads-forgotten.ttl", "text/turtle", `${turtle}\n<${rest.at(-1)}> <${DCAT}distribution> <${first}> .\n`);
    const gathered = await gatherEarly(url);
    expect(() => [...gathered.records]).toThrow(EarlyMappingFailed);
  });

  it("hold back a dataset that reads a node described further on, and those after it", async () => {
    // 400 datasets; the first one's theme is a concept of the feed's own, labelled at the very end
    // (or, to compare, at the start).
    const concept = "https://example.org/themes/veg";
    const datasets = Array.from({ length: 400 }, (_, i) => {
      const uri = `https://example.org/datasets/${i}`;
      return [
        `<${uri}> a <${DCAT}Dataset> ; <${DCT}title> "Datasett ${i}"@nb ; <${DCT}description> "Beskrivelse av datasett nummer ${i}"@nb ;`,
        `  <${DCT}publisher> <https://example.org/org> ; <${DCAT}keyword> "veg"@nb, "nummer ${i}"@nb ;`,
        i === 0 ? `  <${DCAT}theme> <${concept}> ;` : `  <${DCAT}theme> <http://publications.europa.eu/resource/authority/data-theme/TRAN> ;`,
        `  <${DCAT}distribution> <${uri}#d> .`,
        `<${uri}#d> a <${DCAT}Distribution> ; <${DCAT}accessURL> <https://example.org/files/${i}.csv> ; <${DCT}title> "Fil ${i}"@nb .`,
      ].join("\n");
    });
    const agent = `<https://example.org/org> a <${FOAF}Agent> ; <${FOAF}name> "Eksempel kommune"@nb .`;
    const label = `<${concept}> <${SKOS}prefLabel> "Transport"@en .`;
    for (const [name, body, held] of [
      ["label-last.ttl", [agent, ...datasets, label].join("\n"), true],
      ["label-first.ttl", [agent, label, ...datasets].join("\n"), false],
    ] as const) {
      const { url } = serve(name, "text/turtle", body);
      const early: HarvestedRecord[] = [];
      const rest = [...(await gatherEarly(url, early)).records];
      const whole = [...(await gatherSource("dcat", url, options)).records];
      if (held) expect(early).toEqual([]);
      else expect(early.length).toBeGreaterThan(100);
      expect([...early, ...rest]).toEqual(whole);
      expect(whole[0]!.input.themes).toEqual(["TRAN"]);
    }
  });
});

describe("the first page of a feed", () => {
  it("is parsed as it arrives when nothing asks whether it is unchanged, and hashed on the way as it would be read whole first", async () => {
    // The server sends two thirds of the feed, then the rest once a record has been mapped (or after a second).
    const bytes = Buffer.from(turtle);
    const cut = Math.floor(bytes.length * 0.66);
    let release: (by: string) => void = () => {};
    let releasedBy: string | undefined;
    const slow = await startFeedServer(async (_req, res) => {
      res.setHeader("Content-Type", "text/turtle");
      res.write(bytes.subarray(0, cut));
      releasedBy = await new Promise<string>((resolve) => {
        release = resolve;
        setTimeout(() => resolve("timer"), 1_000);
      });
      res.end(bytes.subarray(cut));
    });
    try {
      const slowUrl = `${slow.origin}/in-two.ttl`;
      const early: HarvestedRecord[] = [];
      const streamed = await gatherSource("dcat", slowUrl, {
        ...options,
        early: {
          hasRoom: () => true,
          emit: (record) => {
            early.push(record);
            release("a record");
          },
        },
      });
      expect(releasedBy).toBe("a record");
      expect(streamed.feedHash).toMatch(/^v1:/);

      // Asked whether it is unchanged: the whole page is read (and hashed) before it is parsed.
      const asked: string[] = [];
      const spooled = await gatherSource("dcat", slowUrl, {
        ...options,
        early: { hasRoom: () => true, emit: () => release("a record") },
        isUnchangedFeed: (hash) => {
          asked.push(hash);
          return false;
        },
      });
      expect(releasedBy).toBe("timer");
      expect(asked).toEqual([streamed.feedHash]);
      expect(spooled.feedHash).toBe(streamed.feedHash);
      expect([...early, ...streamed.records]).toEqual([...(await gatherSource("dcat", slowUrl, options)).records]);
    } finally {
      await slow.close();
    }
  });
});

/**
 * A worker gather with early records, read as the job's writer reads it: starting over when told to.
 * (From a file: this thread reads the records synchronously, and could not serve a feed meanwhile.)
 */
async function readAsWriter(file: string): Promise<{ records: HarvestedRecord[]; restarts: number }> {
  const inWorker = await gatherInWorker("dcat", file, options, { early: true });
  const records: HarvestedRecord[] = [];
  let restarts = 0;
  try {
    for (;;) {
      try {
        for (const record of inWorker!.records) records.push(record);
        return { records, restarts };
      } catch (error) {
        if (!(error instanceof RestartWrite)) throw error;
        restarts++;
        records.length = 0;
      }
    }
  } finally {
    inWorker!.dispose();
  }
}

describe("a harvest job writing while the parse worker maps", () => {
  it("writes what a gather of the whole feed says, in the same order, as the same job does without early records", async () => {
    const { file } = serve("job.ttl", "text/turtle", turtle);
    const { records } = await readAsWriter(file);
    expect(records).toEqual([...(await gatherSource("dcat", file, options)).records]);
  });

  it("starts over when the records written early no longer hold, and writes each dataset once, as the whole feed says", async () => {
    const first = datasetsInFeed()[0]!;
    const late = `${turtle}\n<${first}> <${DCAT}keyword> "lagt til sist"@nb .\n`;
    const { file } = serve("job-late.ttl", "text/turtle", late);
    // The writer is told to start over; what it reads after that is the whole feed's records.
    const { records, restarts } = await readAsWriter(file);
    expect(restarts).toBe(1);
    expect(records).toEqual([...(await gatherSource("dcat", file, options)).records]);

    // The same feed harvested by a job in its own thread (which writes early records).
    const t = createTestDatabase();
    try {
      const report = await runHarvestJob(t.db, { location: file, triggeredBy: "test", limits: { allowFiles: true } });
      expect(report).toMatchObject({ status: "succeeded", created: records.length, failed: 0 });
      expect(t.db.get<{ n: number }>(sql`select count(*) as n from datasets`)!.n).toBe(records.length);
      const keywords = t.db.all<{ keyword: string }>(sql`
        select k.keyword from dataset_keywords k join datasets d on d.id = k.dataset_id where d.uri = ${first}`);
      expect(keywords.map((k) => k.keyword)).toContain("lagt til sist");
      // One revision per dataset: the records written before the restart were rolled back.
      expect(t.db.get<{ n: number }>(sql`select count(*) as n from revisions`)!.n).toBe(records.length);
    } finally {
      t.cleanup();
    }
  });

  it("fails the job and keeps nothing when the feed turns out malformed after records were written", async () => {
    const cut = turtle.slice(0, Math.floor(turtle.length * 0.8));
    const { file } = serve("truncated.ttl", "text/turtle", `${cut.slice(0, cut.lastIndexOf("\n<"))}\n<https://example.org/unterminated`);
    // Records come first, then the parse error.
    const inWorker = await gatherInWorker("dcat", file, options, { early: true });
    let read = 0;
    try {
      expect(() => {
        for (const _record of inWorker!.records) read++;
      }).toThrow(/not valid Turtle/);
    } finally {
      inWorker!.dispose();
    }
    expect(read).toBeGreaterThan(100);

    const t = createTestDatabase();
    try {
      const report = await runHarvestJob(t.db, { location: file, triggeredBy: "test", limits: { allowFiles: true } });
      expect(report).toMatchObject({ status: "failed", created: 0 });
      expect(report.error).toMatch(/not valid Turtle/);
      expect(t.db.get<{ n: number }>(sql`select count(*) as n from datasets`)!.n).toBe(0);
      expect(t.db.get<{ n: number }>(sql`select count(*) as n from revisions`)!.n).toBe(0);
    } finally {
      t.cleanup();
    }
  });
});
