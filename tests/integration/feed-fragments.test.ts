import fs from "node:fs";
import path from "node:path";
import type { Quad } from "@rdfjs/types";
import { isomorphic } from "rdf-isomorphic";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/lib/auth/principal";
import { changeDatasetState, patchDataset } from "@/lib/catalogue/commands";
import { catalogToString } from "@/lib/dcat/catalog-document";
import type { RdfFormat } from "@/lib/dcat/content-types";
import { fillStoredFragments, stopFeedWorkers } from "@/lib/dcat/feed-workers";
import { fragmentFolder } from "@/lib/dcat/fragment-store";
import { catalogResponse } from "@/lib/dcat/http";
import type { ProfileName } from "@/lib/dcat/profiles";
import type { FragmentVariant } from "@/lib/dcat/stored-fragments";
import { resetEnv } from "@/lib/env";
import { updatePublisher } from "@/lib/publishers/commands";
import { BASE_URL, createSyntheticCatalogue, type DcatTestCatalogue } from "../helpers/dcat-catalogues";
import { DCAT, parseRdf, subjectsOfType } from "../helpers/dcat-rdf";

/**
 * The feed's stored fragments (lib/dcat/fragment-store.ts, stored-fragments.ts): Hydra pages
 * answered from them hold exactly the graph of the page written from the database, before and
 * after every kind of change a dataset's statements depend on; only what changed is written again;
 * another database at the same path never reads them; a store that cannot be used costs nothing
 * but speed.
 */

let t: DcatTestCatalogue;
beforeAll(() => {
  t = createSyntheticCatalogue(450);
});
afterAll(async () => {
  await stopFeedWorkers();
  t.cleanup();
});
afterEach(() => {
  delete process.env.FEED_FRAGMENTS;
  resetEnv();
});

const operator = { userId: "", email: "cli", name: null, siteAdmin: true, roles: new Map(), publisherSlugs: new Map(), via: "cli" } satisfies Principal;
const variant = (profile: ProfileName = "dcat-ap-3", format: RdfFormat = "ttl"): FragmentVariant => ({ format, baseUrl: BASE_URL, catalogUri: `${BASE_URL}/catalog`, profile });

async function served(db: DcatTestCatalogue, format: RdfFormat, query: string): Promise<Response> {
  const response = catalogResponse(db.db, new Request(`${BASE_URL}/catalog.${format}${query}`), { format, linkPath: `/catalog.${format}` });
  expect(response.status).toBe(200);
  return response;
}

/** The graph of a document: its triples as a set (a triple stated twice is one triple). */
function graphOf(quads: Quad[]): Quad[] {
  const seen = new Map<string, Quad>();
  for (const q of quads) seen.set(`${q.subject.termType}${q.subject.value} ${q.predicate.value} ${q.object.termType}${q.object.value}@${"language" in q.object ? q.object.language : ""}^${"datatype" in q.object ? q.object.datatype?.value : ""}`, q);
  return [...seen.values()];
}

/** Page `page` as served (from the stored fragments) holds the graph of the page written in-process, each dataset once. */
async function expectPageAsWritten(format: RdfFormat, page: number, profile: ProfileName = "dcat-ap-3"): Promise<Quad[]> {
  const response = await served(t, format, `?page=${page}&profile=${profile}`);
  const fromStore = await parseRdf(await response.text(), format);
  const reference = await parseRdf(
    await catalogToString(t.db, { baseUrl: BASE_URL, format, params: { profile, page }, linkPath: `/catalog.${format}` }),
    format,
  );
  const datasets = subjectsOfType(fromStore, `${DCAT}Dataset`);
  expect(datasets.length).toBeGreaterThan(0);
  expect(new Set(datasets).size).toBe(datasets.length);
  expect(datasets.sort()).toEqual(subjectsOfType(reference, `${DCAT}Dataset`).sort());
  const graph = graphOf(fromStore);
  expect(graph.length).toBe(graphOf(reference).length);
  expect(isomorphic(graph, graphOf(reference))).toBe(true);
  return fromStore;
}

const pages = async () => {
  const response = await served(t, "ttl", "?page=1");
  const text = await response.text();
  return Number(/hydra:totalItems (\d+)/.exec(text)?.[1] ?? NaN);
};

describe("pages answered from the stored fragments", () => {
  it("hold the graph of the page written from the database, in both profiles and both fragment formats", async () => {
    expect(await pages()).toBeGreaterThan(300);
    for (const format of ["ttl", "nt"] as const) {
      for (const profile of ["dcat-ap-3", "dcat-ap-no-2"] as const) {
        for (const page of [1, 2, 4]) await expectPageAsWritten(format, page, profile);
      }
    }
  });

  it("are filled by fillStoredFragments, which writes only what is missing or stale", async () => {
    const first = await fillStoredFragments(t.db, variant());
    expect(first).toBeDefined();
    expect(first!.datasets).toBeGreaterThan(300);
    const again = await fillStoredFragments(t.db, variant());
    expect(again).toMatchObject({ datasets: first!.datasets, written: 0 });
  });
});

describe("what makes a stored fragment stale", () => {
  const firstPageSlugs = () =>
    t.db.$client.prepare("select slug from datasets where state = 'published' order by id limit 100").pluck().all() as string[];

  it("an edit to a dataset: that dataset is written again, and the page shows the edit", async () => {
    await fillStoredFragments(t.db, variant());
    const slug = firstPageSlugs()[3]!;
    patchDataset(t.db, operator, slug, { title: { nb: "Ny tittel frå fragmentprøva", en: "A new title from the fragment test" } });
    expect(await fillStoredFragments(t.db, variant())).toMatchObject({ written: 1 });
    const quads = await expectPageAsWritten("ttl", 1);
    expect(quads.some((q) => q.object.value === "A new title from the fragment test")).toBe(true);
  });

  it("a distribution added: the page shows it", async () => {
    const slug = firstPageSlugs()[7]!;
    patchDataset(t.db, operator, slug, { distributions: [{ accessURL: "https://example.org/fragment-test.csv", format: "CSV" }] });
    expect(await fillStoredFragments(t.db, variant())).toMatchObject({ written: 1 });
    const quads = await expectPageAsWritten("ttl", 1);
    expect(quads.some((q) => q.object.value === "https://example.org/fragment-test.csv")).toBe(true);
  });

  it("a publisher renamed: every dataset of that publisher is written again", async () => {
    await fillStoredFragments(t.db, variant());
    const { slug, id } = t.db.$client
      .prepare("select p.slug, p.id from publishers p join datasets d on d.publisher_id = p.id where d.state = 'published' group by p.id order by count(*) desc limit 1")
      .get() as { slug: string; id: number };
    const theirs = t.db.$client.prepare("select count(*) from datasets where publisher_id = ? and state = 'published'").pluck().get(id) as number;
    updatePublisher(t.db, operator, slug, { name: { nb: "Omdøypt etat for fragmentprøva" } });
    expect(await fillStoredFragments(t.db, variant())).toMatchObject({ written: theirs });
    await expectPageAsWritten("ttl", 1);
  });

  it("a data service changed: the datasets whose distributions it serves are written again", async () => {
    await fillStoredFragments(t.db, variant());
    const service = t.db.$client
      .prepare("select access_service_id from distributions d join datasets x on x.id = d.dataset_id where access_service_id is not null and x.state = 'published' limit 1")
      .pluck()
      .get() as number | undefined;
    expect(service).toBeDefined();
    const served = t.db.$client
      .prepare("select count(distinct d.dataset_id) from distributions d join datasets x on x.id = d.dataset_id where d.access_service_id = ? and x.state = 'published'")
      .pluck()
      .get(service) as number;
    // No command edits a data service in place yet; a change moves its updated_at as every write does.
    t.db.$client
      .prepare("update data_services set title_en = 'A renamed service', updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') where id = ?")
      .run(service);
    expect(await fillStoredFragments(t.db, variant())).toMatchObject({ written: served });
    const page = Math.floor(
      (t.db.$client
        .prepare("select count(*) from datasets where state = 'published' and id < (select min(dataset_id) from distributions where access_service_id = ?)")
        .pluck()
        .get(service) as number) / 100,
    ) + 1;
    const quads = await expectPageAsWritten("ttl", page);
    expect(quads.some((q) => q.object.value === "A renamed service")).toBe(true);
  });

  it("a dataset withdrawn: gone from the page, and back when published again", async () => {
    await fillStoredFragments(t.db, variant());
    const slug = firstPageSlugs()[10]!;
    const uri = t.db.$client.prepare("select uri from datasets where slug = ?").pluck().get(slug) as string;
    changeDatasetState(t.db, operator, slug, "withdrawn");
    let quads = await expectPageAsWritten("ttl", 1);
    expect(subjectsOfType(quads, `${DCAT}Dataset`)).not.toContain(uri);
    changeDatasetState(t.db, operator, slug, "published");
    quads = await expectPageAsWritten("ttl", 1);
    expect(subjectsOfType(quads, `${DCAT}Dataset`)).toContain(uri);
  });
});

describe("the store's file", () => {
  it("is named by the database's identity: a new database at the same path never reads the old one's fragments", async () => {
    await fillStoredFragments(t.db, variant());
    const folder = fragmentFolder(t.file);
    const before = fs.readdirSync(folder).filter((f) => f.endsWith(".sqlite"));
    expect(before).toHaveLength(1);
    const identity = t.db.$client.prepare("select id from database_identity").pluck().get() as string;
    expect(before[0]!.startsWith(identity)).toBe(true);

    // Another database (another identity) at the same path: the feed workers open its store anew.
    await stopFeedWorkers();
    t.db.$client.prepare("update database_identity set id = 'anotherdatabase'").run();
    const report = await fillStoredFragments(t.db, variant());
    expect(report!.written).toBe(report!.datasets);
    const after = fs.readdirSync(folder).filter((f) => f.endsWith(".sqlite"));
    expect(after).toHaveLength(1);
    expect(after[0]!.startsWith("anotherdatabase")).toBe(true);
  });

  it("damaged: started again empty, and pages are answered as before", async () => {
    await stopFeedWorkers();
    const folder = fragmentFolder(t.file);
    for (const entry of fs.readdirSync(folder)) fs.writeFileSync(path.join(folder, entry), "not an SQLite file, ".repeat(500));
    await expectPageAsWritten("ttl", 2);
    await expectPageAsWritten("nt", 3);
    const report = await fillStoredFragments(t.db, variant());
    expect(report!.written).toBe(report!.datasets - 100);
  });

  it("holds nothing with FEED_FRAGMENTS=false, and pages are the in-process page byte for byte", async () => {
    await stopFeedWorkers();
    fs.rmSync(fragmentFolder(t.file), { recursive: true, force: true });
    process.env.FEED_FRAGMENTS = "false";
    resetEnv();
    expect(await fillStoredFragments(t.db, variant())).toBeUndefined();
    const response = await served(t, "ttl", "?page=4");
    expect(await response.text()).toBe(await catalogToString(t.db, { baseUrl: BASE_URL, format: "ttl", params: { profile: "dcat-ap-3", page: 4 }, linkPath: "/catalog.ttl" }));
    expect(fs.existsSync(fragmentFolder(t.file))).toBe(false);
  });
});
