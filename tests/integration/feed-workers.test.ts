import type { Quad } from "@rdfjs/types";
import { isomorphic } from "rdf-isomorphic";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { catalogToString, prepareCatalog } from "@/lib/dcat/catalog-document";
import { parseCatalogParams } from "@/lib/dcat/catalog-params";
import type { RdfFormat } from "@/lib/dcat/content-types";
import { catalogPage, feedWorkerThreads, stopFeedWorkers } from "@/lib/dcat/feed-workers";
import { catalogResponse } from "@/lib/dcat/http";
import { decompressPage } from "@/lib/dcat/page-compression";
import { resetEnv } from "@/lib/env";
import { BASE_URL, createDemoCatalogue, createSyntheticCatalogue, type DcatTestCatalogue } from "../helpers/dcat-catalogues";
import { DCAT, parseRdf, subjectsOfType } from "../helpers/dcat-rdf";

/**
 * The feed's writers (lib/dcat/feed-workers.ts): pages and the unpaged Turtle and N-Triples dumps
 * written in worker threads hold exactly the graph the same documents written in-process hold; a
 * worker that dies fails only what it was writing and is replaced; FEED_WORKERS=0 writes in-process.
 */

let demo: DcatTestCatalogue;
let synthetic: DcatTestCatalogue;
beforeAll(() => {
  demo = createDemoCatalogue();
  synthetic = createSyntheticCatalogue(1200);
});
afterAll(async () => {
  await stopFeedWorkers();
  demo.cleanup();
  synthetic.cleanup();
});
afterEach(() => {
  delete process.env.FEED_WORKERS;
  resetEnv();
});

const get = (path: string) => new Request(`${BASE_URL}${path}`);

async function served(t: DcatTestCatalogue, format: RdfFormat, query = "") {
  const response = catalogResponse(t.db, get(`/catalog.${format}${query}`), { format, linkPath: `/catalog.${format}` });
  expect(response.status).toBe(200);
  return response.text();
}

const inProcess = (t: DcatTestCatalogue, format: RdfFormat, page?: number) =>
  catalogToString(t.db, { baseUrl: BASE_URL, format, params: { profile: "dcat-ap-3", page }, linkPath: `/catalog.${format}` });

/** The graph of a document: its triples as a set (a triple stated twice is one triple). */
function graphOf(quads: Quad[]): Quad[] {
  const seen = new Map<string, Quad>();
  for (const q of quads) seen.set(`${q.subject.termType}${q.subject.value} ${q.predicate.value} ${q.object.termType}${q.object.value}@${"language" in q.object ? q.object.language : ""}^${"datatype" in q.object ? q.object.datatype?.value : ""}`, q);
  return [...seen.values()];
}

describe("the unpaged dump written in fragments by the workers", () => {
  it.each(["ttl", "nt"] as const)("holds the in-process document's graph, every dataset once (%s)", async (format) => {
    for (const t of [demo, synthetic]) {
      const [fromWorkers, reference] = await Promise.all([served(t, format).then((text) => parseRdf(text, format)), inProcess(t, format).then((text) => parseRdf(text, format))]);
      const datasets = subjectsOfType(fromWorkers, `${DCAT}Dataset`);
      expect(datasets).toHaveLength(new Set(datasets).size);
      expect(datasets.sort()).toEqual(subjectsOfType(reference, `${DCAT}Dataset`).sort());
      const graph = graphOf(fromWorkers);
      expect(graph.length).toBe(reference.length);
      expect(isomorphic(graph, reference)).toBe(true);
    }
  });

  it("describes a shared resource (publisher, licence, service) at most once per worker", async () => {
    const quads = await parseRdf(await served(synthetic, "nt"), "nt");
    const foafAgent = "http://xmlns.com/foaf/0.1/Agent";
    const typed = quads.filter((q) => q.predicate.value === "http://www.w3.org/1999/02/22-rdf-syntax-ns#type" && q.object.value === foafAgent);
    const perAgent = new Map<string, number>();
    for (const q of typed) perAgent.set(q.subject.value, (perAgent.get(q.subject.value) ?? 0) + 1);
    expect(perAgent.size).toBeGreaterThan(10);
    // The head's catalogue publisher, plus at most one description from each of the two workers.
    expect(Math.max(...perAgent.values())).toBeLessThanOrEqual(3);
  });

  it("answers a publisher's dump and a modified_since dump with the same datasets as in-process", async () => {
    const publisher = synthetic.db.$client.prepare("select slug from publishers order by id limit 1").pluck().get() as string;
    const text = await served(synthetic, "ttl", `?publisher=${publisher}`);
    const reference = await catalogToString(synthetic.db, { baseUrl: BASE_URL, format: "ttl", params: { profile: "dcat-ap-3", publisher }, linkPath: "/catalog.ttl" });
    const datasets = subjectsOfType(await parseRdf(text, "ttl"), `${DCAT}Dataset`);
    expect(datasets.length).toBeGreaterThan(0);
    expect(datasets.sort()).toEqual(subjectsOfType(await parseRdf(reference, "ttl"), `${DCAT}Dataset`).sort());
  });
});

describe("pages written by a worker", () => {
  it.each(["ttl", "rdf", "jsonld", "nt"] as const)("are byte for byte the in-process page (%s)", async (format) => {
    for (const page of [1, 3, 12]) {
      expect(await served(synthetic, format, `?page=${page}`)).toBe(await inProcess(synthetic, format, page));
    }
  });

  it("are written while this thread goes on: two pages asked for at once come back from different workers", async () => {
    const [a, b] = await Promise.all([served(synthetic, "ttl", "?page=4"), served(synthetic, "ttl", "?page=5")]);
    expect(a).toBe(await inProcess(synthetic, "ttl", 4));
    expect(b).toBe(await inProcess(synthetic, "ttl", 5));
  });
});

describe("pages compressed for the page cache", () => {
  const pageOf = (t: DcatTestCatalogue, page: number, compressUpTo: number) => {
    const options = { baseUrl: BASE_URL, format: "ttl" as const, params: parseCatalogParams(new URLSearchParams(`page=${page}`)), linkPath: "/catalog.ttl" };
    return catalogPage(t.db, prepareCatalog(t.db, options), options, { compressUpTo });
  };
  const text = (bytes: Uint8Array) => Buffer.from(bytes).toString("utf8");

  it("by the worker that wrote the page, after the page: the copy decompresses to the page's bytes", async () => {
    const produced = await Promise.all([2, 3, 4].map((page) => pageOf(synthetic, page, 1 << 20)));
    for (const [i, { bytes, compressed }] of produced.entries()) {
      expect(text(bytes)).toBe(await inProcess(synthetic, "ttl", i + 2));
      const copy = await compressed;
      expect(copy).toBeDefined();
      expect(copy!.byteLength).toBeLessThan(bytes.byteLength / 4);
      expect(text(decompressPage(copy!, bytes.byteLength))).toBe(text(bytes));
    }
  });

  it("not when the page is larger than asked for", async () => {
    const { bytes, compressed } = await pageOf(synthetic, 2, 1000);
    expect(bytes.byteLength).toBeGreaterThan(1000);
    expect(await compressed).toBeUndefined();
  });

  it("in this thread when there are no workers", async () => {
    await stopFeedWorkers();
    process.env.FEED_WORKERS = "0";
    resetEnv();
    const { bytes, compressed } = await pageOf(synthetic, 2, 1 << 20);
    expect(feedWorkerThreads()).toHaveLength(0);
    expect(text(decompressPage((await compressed)!, bytes.byteLength))).toBe(text(bytes));
  });
});

describe("failures and configuration", () => {
  it("a worker that dies fails the dump it was writing (the client sees the transfer cut short); the next request gets a new worker", async () => {
    const response = catalogResponse(synthetic.db, get("/catalog.nt"), { format: "nt", linkPath: "/catalog.nt" });
    const reader = response.body!.getReader();
    await reader.read(); // the head; fragments are asked for next
    while (!feedWorkerThreads().some((t) => t.busy > 0)) await new Promise((resolve) => setImmediate(resolve));
    // A crash, not a stop: the worker ends with fragments still owed.
    await Promise.all(feedWorkerThreads().map((t) => t.worker.terminate()));
    await expect(
      (async () => {
        for (;;) if ((await reader.read()).done) return;
      })(),
    ).rejects.toThrow(/feed worker stopped/);
    const again = await parseRdf(await served(synthetic, "nt"), "nt");
    expect(subjectsOfType(again, `${DCAT}Dataset`).length).toBe(subjectsOfType(await parseRdf(await inProcess(synthetic, "nt"), "nt"), `${DCAT}Dataset`).length);
  });

  it("FEED_WORKERS=0 writes every document in this thread, with the same bytes", async () => {
    await stopFeedWorkers();
    process.env.FEED_WORKERS = "0";
    resetEnv();
    expect(await served(demo, "ttl")).toBe(await inProcess(demo, "ttl"));
    expect(await served(demo, "ttl", "?page=2")).toBe(await inProcess(demo, "ttl", 2));
  });
});
