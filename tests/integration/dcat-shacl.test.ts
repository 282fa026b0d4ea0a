import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { datasetToRdf, findDatasetForRdf } from "@/lib/dcat/dataset-document";
import type { ProfileName } from "@/lib/dcat/profiles";
import { BASE_URL, createDemoCatalogue, createSyntheticCatalogue, type DcatTestCatalogue, renderCatalog } from "../helpers/dcat-catalogues";
import { parseRdf } from "../helpers/dcat-rdf";
import { type ShapeSet, shaclViolations, summarise } from "../helpers/dcat-validation";

/**
 * The full catalogue validates with 0 violations against the official shapes, unedited: DCAT-AP
 * 3.0.1 (+ EU vocabularies) and GeoDCAT-AP 2.0 for the default output, DCAT-AP-NO 2.0 (and
 * GeoDCAT-AP) for `?profile=dcat-ap-no-2`. Warnings are allowed; violations are listed on failure.
 */
const CASES: [ProfileName, ShapeSet][] = [
  ["dcat-ap-3", "dcat-ap-3"],
  ["dcat-ap-3", "geodcat-ap-2"],
  ["dcat-ap-no-2", "dcat-ap-no-2"],
  ["dcat-ap-no-2", "geodcat-ap-2"],
];

const catalogues: Record<string, DcatTestCatalogue> = {};
beforeAll(() => {
  catalogues.demo = createDemoCatalogue();
  catalogues.synthetic = createSyntheticCatalogue(300);
});
afterAll(() => Object.values(catalogues).forEach((c) => c.cleanup()));

describe.each(["demo", "synthetic"])("SHACL: the full %s catalogue", (name) => {
  it.each(CASES)("in the %s form has 0 violations against the %s shapes", async (profile, shapes) => {
    const quads = await parseRdf(await renderCatalog(catalogues[name]!, "ttl", { profile }), "ttl");
    const started = performance.now();
    const violations = await shaclViolations(quads, shapes);
    const ms = Math.round(performance.now() - started);
    console.info(`SHACL ${name} ${profile} vs ${shapes}: ${quads.length} triples, ${ms} ms`);
    expect(summarise(violations), JSON.stringify(violations.slice(0, 5), null, 2)).toEqual({});
  });
});

describe("SHACL: one dataset", () => {
  it.each(CASES)("/datasets/<slug> in the %s form has 0 violations against %s", async (profile, shapes) => {
    const dataset = findDatasetForRdf(catalogues.demo!.db, { slug: "grunnkart-for-testkommune" })!;
    const ttl = await datasetToRdf(dataset, { baseUrl: BASE_URL, format: "ttl", profile, modified: null });
    const violations = await shaclViolations(await parseRdf(ttl, "ttl"), shapes);
    expect(summarise(violations)).toEqual({});
  });
});

describe("SHACL: the shapes catch real mistakes (the validation is not vacuous)", () => {
  it("reports a dataset without a title and a distribution without an access URL", async () => {
    const quads = await parseRdf(await renderCatalog(catalogues.demo!, "ttl", { page: 1 }), "ttl");
    const broken = quads.filter(
      (q) =>
        !(q.subject.value === "http://localhost:3999/datasets/arealplaner" && q.predicate.value === "http://purl.org/dc/terms/title") &&
        !(q.subject.value.startsWith("http://localhost:3999/datasets/arealplaner#distribution-1") && q.predicate.value.endsWith("#accessURL")),
    );
    const violations = await shaclViolations(broken, "dcat-ap-3");
    const paths = violations.map((v) => v.path);
    expect(paths).toContain("http://purl.org/dc/terms/title");
    expect(paths).toContain("http://www.w3.org/ns/dcat#accessURL");
    const no = await shaclViolations(await parseRdf(await renderCatalog(catalogues.demo!, "ttl", { page: 1 }), "ttl"), "dcat-ap-no-2");
    expect(no.length).toBeGreaterThan(0); // the DCAT-AP 3 form is not the Norwegian one (byteSize, status, …)
  });
});
