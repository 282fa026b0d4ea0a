import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { DEMO_CATALOGUE_FILE, isCatalogueEmpty, SeedError, seedDemoCatalogue } from "@/db/seed";
import { getDatasetBySlug } from "@/lib/catalogue/get-dataset";
import { listPublishers } from "@/lib/publishers/queries";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

const demo = JSON.parse(fs.readFileSync(DEMO_CATALOGUE_FILE, "utf8")) as {
  publishers: { name: { nb: string }; orgNumber?: string }[];
  datasets: { sourceId: string; title: { nb: string }; publisher: string; distributions: unknown[]; license?: string }[];
};

let t: TestDatabase | undefined;
afterEach(() => {
  t?.cleanup();
  t = undefined;
});

const count = (table: string) => t!.db.get<{ n: number }>(sql.raw(`select count(*) as n from ${table}`))!.n;

function writeCatalogue(mutate: (catalogue: typeof demo) => void): string {
  const copy = structuredClone(demo);
  mutate(copy);
  const file = path.join(t!.dir, "catalogue.json");
  fs.writeFileSync(file, JSON.stringify(copy));
  return file;
}

describe("the demo catalogue seed", () => {
  it("loads every record with its publisher, distributions, revision and search row", () => {
    t = createTestDatabase();
    expect(isCatalogueEmpty(t.db)).toBe(true);
    const report = seedDemoCatalogue(t.db);
    expect(report).toEqual({ datasets: demo.datasets.length, publishers: demo.publishers.length });
    expect(count("datasets")).toBe(150);
    expect(count("publishers")).toBe(20);
    const expectedDistributions = demo.datasets.reduce((n, d) => n + d.distributions.length, 0);
    expect(count("distributions")).toBe(expectedDistributions);
    expect(count("revisions")).toBe(150);
    expect(count("catalogue_records")).toBe(150);
    expect(count("dataset_search")).toBe(150);
    expect(t.db.get<{ n: number }>(sql`select count(*) as n from datasets where state = 'published'`)!.n).toBe(150);
  });

  it("keeps the facts: titles, publishers with organisation numbers, licences mapped to the EU NAL", () => {
    t = createTestDatabase();
    seedDemoCatalogue(t.db);
    const publishers = listPublishers(t.db);
    const kartverket = publishers.find((p) => p.name.nb === "Kartverket");
    expect(kartverket).toMatchObject({
      orgNumber: "971040238",
      uri: "https://organization-catalog.fellesdatakatalog.digdir.no/organizations/971040238",
      datasets: 46,
    });
    const havforsk = publishers.find((p) => p.name.nb === "Havforskningsinstituttet");
    expect(havforsk?.orgNumber).toBeNull();
    expect(havforsk?.uri).toMatch(/\/publishers\/havforskningsinstituttet$/);

    const arealplaner = getDatasetBySlug(t.db, { slug: "arealplaner" });
    expect(arealplaner?.title).toEqual({ nb: "Arealplaner", en: "Land-use plans" });
    expect(arealplaner?.publisher.name.nb).toBe("Ålesund kommune");
    // http://data.norge.no/nlod/ (no version) is NLOD 1.0
    expect(arealplaner?.license).toBe("http://publications.europa.eu/resource/authority/licence/NLOD_1_0");
    expect(arealplaner?.distributions[0]).toMatchObject({ format: "WMS_SRVC" });
    expect(arealplaner?.record.sourceNote).toContain("datanorge-node-1416");
    expect(arealplaner?.spatial).toEqual([{ uri: null, label: "Ålesund kommune", bbox: null }]);
  });

  it("gives a distribution without URL the landing page as access URL", () => {
    t = createTestDatabase();
    seedDemoCatalogue(t.db);
    const fkb = getDatasetBySlug(t.db, { slug: "fkb-bygning" });
    expect(fkb?.landingPage).toBe("https://kartkatalog.geonorge.no/search?text=FKB-Bygning");
    expect(fkb?.distributions.map((d) => d.accessURL)).toContain(fkb?.landingPage);
  });

  it("stops on a record it cannot map, names it, and writes nothing", () => {
    t = createTestDatabase();
    const file = writeCatalogue((c) => {
      c.datasets[40]!.license = "https://example.org/my-own-licence";
    });
    const attempt = () => seedDemoCatalogue(t!.db, { file });
    expect(attempt).toThrow(SeedError);
    expect(attempt).toThrow(new RegExp(`${demo.datasets[40]!.sourceId}[\\s\\S]*license: "https://example.org/my-own-licence" is not a known licence`));
    expect(count("datasets")).toBe(0);
    expect(count("publishers")).toBe(0);
  });

  it("stops on a record that fails the registration schema", () => {
    t = createTestDatabase();
    const file = writeCatalogue((c) => {
      c.datasets[7]!.title.nb = "   ";
    });
    expect(() => seedDemoCatalogue(t!.db, { file })).toThrow(/title\.nb: Must not be empty/);
    expect(count("datasets")).toBe(0);
  });

  it("stops on a record with an unknown publisher or format", () => {
    t = createTestDatabase();
    const file = writeCatalogue((c) => {
      c.datasets[3]!.publisher = "Ukjent etat";
      (c.datasets[3]!.distributions[0] as { format: string }).format = "Floppy disk";
    });
    try {
      seedDemoCatalogue(t.db, { file });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SeedError);
      expect((error as SeedError).problems).toEqual([
        'publisher: "Ukjent etat" is not in the publishers list',
        'distributions.0.format: "Floppy disk" is not a known file type',
      ]);
    }
  });
});
