import { seedDemoCatalogue } from "@/db/seed";
import { catalogToString } from "@/lib/dcat/catalog-document";
import type { CatalogParams } from "@/lib/dcat/catalog-params";
import type { RdfFormat } from "@/lib/dcat/content-types";
import { loadSyntheticCatalogue } from "@/lib/synthetic/load";
import { seedVariedCatalogue } from "../fixtures/dcat/varied-catalogue";
import { createTestDatabase, type TestDatabase } from "./test-database";

export const BASE_URL = "http://localhost:3999";

export type DcatTestCatalogue = TestDatabase & { published: string[]; hidden: string[] };

/** The demo catalogue (150 datasets) plus the varied fixture (every field, a draft, a withdrawn). */
export function createDemoCatalogue(): DcatTestCatalogue {
  const t = createTestDatabase();
  seedDemoCatalogue(t.db);
  return { ...t, ...seedVariedCatalogue(t.db) };
}

/** A synthetic catalogue (lib/synthetic, with drafts and withdrawn records) plus the varied fixture. */
export function createSyntheticCatalogue(count = 300): DcatTestCatalogue {
  const t = createTestDatabase();
  loadSyntheticCatalogue(t.db, { count, seed: 7 });
  return { ...t, ...seedVariedCatalogue(t.db) };
}

export function renderCatalog(
  t: TestDatabase,
  format: RdfFormat,
  params: Partial<CatalogParams> = {},
  options: { batchSize?: number; linkPath?: string } = {},
): Promise<string> {
  return catalogToString(t.db, {
    baseUrl: BASE_URL,
    format,
    params: { profile: "dcat-ap-3", ...params },
    linkPath: options.linkPath ?? `/catalog.${format}`,
    batchSize: options.batchSize,
  });
}
