import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { harvestSources, type HarvestSource } from "@/db/schema";
import { setDatasetState } from "@/lib/catalogue/update-dataset";
import { runHarvest, type HarvestProgress } from "@/lib/harvest/run-harvest";
import { startFeedServer, type TestFeedServer } from "../helpers/harvest-http";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

/**
 * A feed harvested again byte for byte is answered from the last complete harvest without being
 * parsed (lib/harvest/unchanged-feed.ts), with the same report and messages as parsing it gives,
 * and is parsed as usual as soon as anything that could change the outcome has changed.
 */

const FIXTURES = path.resolve(process.cwd(), "..", "shared", "fixtures", "dcat-real");
const NAV = fs.readFileSync(path.join(FIXTURES, "nav-2017-10-31.ttl"), "utf8");
const open = { allowPrivateNetwork: true };

let server: TestFeedServer;
beforeAll(async () => {
  server = await startFeedServer((_req, res) => {
    res.setHeader("Content-Type", "text/turtle");
    res.end(NAV);
  });
});
afterAll(async () => {
  await server.close();
});

function register(t: TestDatabase): HarvestSource {
  return t.db.insert(harvestSources).values({ name: "nav", url: `${server.origin}/nav.ttl`, kind: "dcat", archiveAfterDays: 2 }).returning().get();
}

/** Run a harvest; `parsed` tells whether the feed was mapped (the shortcut maps nothing). */
async function harvest(t: TestDatabase, src: HarvestSource) {
  const phases = new Set<string>();
  const report = await runHarvest(t.db, { source: src, triggeredBy: "test", limits: open, onProgress: (p: HarvestProgress) => phases.add(p.phase) });
  const messages = t.db.all<{ level: string; recordUri: string | null; message: string }>(
    sql`select level, record_uri as recordUri, message from harvest_job_messages where job_id = ${report.jobId} order by id`,
  );
  const { durationMs: _d, jobId: _j, ...counts } = report;
  return { report, counts, messages, parsed: phases.has("map") };
}

const seenAt = (t: TestDatabase) => t.db.all<{ at: string | null }>(sql`select distinct last_seen_at as at from catalogue_records`).map((r) => r.at);

describe("harvesting an unchanged feed again", () => {
  it("is answered without parsing, with the report and messages that parsing gives, and records marked seen", async () => {
    const fast = createTestDatabase();
    const slow = createTestDatabase();
    try {
      const a = register(fast);
      const b = register(slow);
      const first = await harvest(fast, a);
      expect(first.parsed).toBe(true);
      expect(first.counts).toMatchObject({ status: "succeeded", created: 42 });
      expect(first.messages.length).toBeGreaterThan(0); // the NAV feed's quirks

      await harvest(slow, b);
      // Without the stored hash the same feed is parsed: the reference outcome.
      slow.db.run(sql`update harvest_jobs set feed_hash = null`);
      const parsedAgain = await harvest(slow, b);
      expect(parsedAgain.parsed).toBe(true);

      const again = await harvest(fast, a);
      expect(again.parsed).toBe(false);
      expect(again.counts).toEqual(parsedAgain.counts);
      expect(again.counts).toMatchObject({ status: "succeeded", created: 0, updated: 0, unchanged: 42, failed: 0 });
      expect(again.messages).toEqual(parsedAgain.messages);
      expect(seenAt(fast)).toHaveLength(1);
      expect(seenAt(fast)[0]! > fast.db.get<{ at: string }>(sql`select seen_at as at from harvest_jobs where id = ${first.report.jobId}`)!.at).toBe(true);

      // And once more from the shortcut's own job.
      const third = await harvest(fast, a);
      expect(third.parsed).toBe(false);
      expect(third.counts).toEqual(parsedAgain.counts);
      expect(third.messages).toEqual(parsedAgain.messages);
    } finally {
      fast.cleanup();
      slow.cleanup();
    }
  });

  it("is parsed again when a record it wrote was changed in the catalogue since", async () => {
    const t = createTestDatabase();
    try {
      const src = register(t);
      await harvest(t, src);
      const id = t.db.get<{ id: number }>(sql`select id from datasets order by id limit 1`)!.id;
      t.db.transaction((tx) => setDatasetState(tx, { datasetId: id, state: "withdrawn", actor: { label: "test" } }));
      const again = await harvest(t, src);
      expect(again.parsed).toBe(true);
      expect(again.counts).toMatchObject({ status: "succeeded", updated: 1, unchanged: 41 });
      expect(t.db.get<{ s: string }>(sql`select state as s from datasets where id = ${id}`)!.s).toBe("published");
      // Back in step: the next run takes the shortcut again.
      expect((await harvest(t, src)).parsed).toBe(false);
    } finally {
      t.cleanup();
    }
  });

  it("is parsed again after a dry run or a job of another location for the same source", async () => {
    const t = createTestDatabase();
    try {
      const src = register(t);
      await harvest(t, src);
      const dry = await runHarvest(t.db, { source: src, dryRun: true, triggeredBy: "test", limits: open });
      expect(dry).toMatchObject({ status: "succeeded", unchanged: 42 });
      expect((await harvest(t, src)).parsed).toBe(false); // a dry run wrote nothing
      t.db.run(sql`update harvest_jobs set location = 'elsewhere' where id = (select max(id) from harvest_jobs)`);
      expect((await harvest(t, src)).parsed).toBe(true);
    } finally {
      t.cleanup();
    }
  });
});

describe("a feed read in chunks", () => {
  it("keeps a character whose UTF-8 bytes are split between two chunks (RDF/XML and Turtle)", async () => {
    const { parseRdfInto } = await import("@/lib/harvest/parse-rdf");
    const { TripleIndex, isLit } = await import("@/lib/harvest/rdf-index");
    const documents = {
      rdfxml: `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dct="http://purl.org/dc/terms/"><rdf:Description rdf:about="https://x.example/ds"><dct:title xml:lang="nb">Oppdateres månedlig 😀 på Ålesund</dct:title></rdf:Description></rdf:RDF>`,
      turtle: `<https://x.example/ds> <http://purl.org/dc/terms/title> "Oppdateres månedlig 😀 på Ålesund"@nb .`,
    } as const;
    for (const [syntax, text] of Object.entries(documents) as ["rdfxml" | "turtle", string][]) {
      const bytes = Buffer.from(text, "utf8");
      // Every split point, one- to four-byte characters included.
      for (let cut = 1; cut < bytes.length; cut++) {
        const index = new TripleIndex();
        const chunks = (async function* () {
          yield bytes.subarray(0, cut);
          yield bytes.subarray(cut);
        })();
        await parseRdfInto(index, { syntax, chunks, baseIri: "https://x.example/", blankPrefix: "p0_" });
        const title = index.objects("https://x.example/ds", "http://purl.org/dc/terms/title")[0];
        expect(title && isLit(title) ? title.value : undefined, `${syntax}, cut at byte ${cut}`).toBe("Oppdateres månedlig 😀 på Ålesund");
      }
    }
  });
});
