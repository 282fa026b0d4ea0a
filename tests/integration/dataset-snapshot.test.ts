import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPublisher } from "@/lib/publishers/create-publisher";
import { createDataset } from "@/lib/catalogue/create-dataset";
import { readDatasetInput } from "@/lib/catalogue/dataset-parts";
import { parseDatasetInput, type DatasetInputRaw } from "@/lib/catalogue/schemas";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

/**
 * A created dataset's first revision is its snapshot built from the validated input, not read back
 * from its tables (create-dataset.ts): it must still be what the tables read back, also for the
 * input parts the tables cannot keep (empty keyword lists, distribution titles without text, empty
 * conformsTo lists), which the snapshot leaves out as reading back does.
 */
let t: TestDatabase;
beforeAll(() => {
  t = createTestDatabase();
  createPublisher(t.db, { input: { slug: "kommunen", name: { nb: "Kommunen" } }, uri: "https://kommunen.example/org" });
});
afterAll(() => t.cleanup());

const base: DatasetInputRaw = {
  title: { nb: "Badeplasser" },
  description: { nb: "Badeplasser i kommunen." },
  publisher: "kommunen",
  themes: ["ENVI"],
  accessRights: "PUBLIC",
  state: "published",
};

function created(input: DatasetInputRaw): { snapshot: unknown; readBack: unknown } {
  const parsed = parseDatasetInput(input);
  if (!parsed.success) throw new Error(parsed.error.message);
  const { id } = t.db.transaction((tx) => createDataset(tx, { input: parsed.data, actor: { label: "test" } }));
  const row = t.db.get<{ snapshot: string }>(sql`select snapshot from revisions where dataset_id = ${id} and action = 'create'`)!;
  return { snapshot: JSON.parse(row.snapshot), readBack: JSON.parse(JSON.stringify(readDatasetInput(t.db, id))) };
}

describe("a created dataset's first revision", () => {
  it("is the dataset as it reads back, when the input has nothing the tables leave out", () => {
    const { snapshot, readBack } = created({
      ...base,
      title: { nb: "Badeplasser 1" },
      keywords: { nb: ["bading", "strand"], en: ["swimming"] },
      distributions: [
        { title: { nb: "Kart" }, accessURL: "https://kommunen.example/kart", format: "GEOJSON", conformsTo: ["https://example.org/spec"] },
        { accessURL: "https://kommunen.example/api" },
      ],
    });
    expect(snapshot).toEqual(readBack);
  });

  it("leaves out empty keyword lists, titles and descriptions without text and empty conformsTo lists, as reading back does", () => {
    const { snapshot, readBack } = created({
      ...base,
      title: { nb: "Badeplasser 2" },
      keywords: { nb: ["bading"], nn: [], en: [] },
      distributions: [
        { title: { nb: "" }, description: { en: "  " }, accessURL: "https://kommunen.example/kart", conformsTo: [] },
        { title: { nb: "API" }, accessURL: "https://kommunen.example/api", conformsTo: ["https://example.org/spec"] },
      ],
    });
    expect(snapshot).toEqual(readBack);
    expect(snapshot).toMatchObject({
      keywords: { nb: ["bading"] },
      distributions: [{ accessURL: "https://kommunen.example/kart" }, { title: { nb: "API" }, conformsTo: ["https://example.org/spec"] }],
    });
    const [first] = (snapshot as { distributions: Record<string, unknown>[] }).distributions;
    expect(Object.keys(first!).sort()).toEqual(["accessURL"]);
    expect(Object.keys((snapshot as { keywords: object }).keywords)).toEqual(["nb"]);
  });
});
