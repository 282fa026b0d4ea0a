import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import { parseDatasetInput } from "@/lib/catalogue/schemas";
import { reconcileRecords } from "@/lib/harvest/reconcile";
import type { HarvestedRecord } from "@/lib/harvest/records";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

/**
 * A harvest writes a new dataset without a savepoint (reconcile.ts): createDataset refuses a record
 * before it writes anything. These tests stand in for a createDataset that refuses a record before
 * writing (the record fails, the job goes on) and one that would refuse it after writing part of
 * it (the job fails, and nothing of it stays).
 */
const refusal = vi.hoisted(() => ({ mode: "none" as "none" | "before" | "after" }));

vi.mock("@/lib/catalogue/create-dataset", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/catalogue/create-dataset")>();
  return {
    ...original,
    createDataset: (...args: Parameters<typeof original.createDataset>) => {
      const uri = args[1].origin?.kind === "harvest" ? args[1].origin.uri : "";
      if (uri.endsWith("/refused")) {
        if (refusal.mode === "before") throw new AppError("unprocessable_entity", "Refused before writing");
        if (refusal.mode === "after") {
          original.createDataset(...args);
          throw new AppError("unprocessable_entity", "Refused after writing");
        }
      }
      return original.createDataset(...args);
    },
  };
});

let t: TestDatabase;
beforeEach(() => {
  t = createTestDatabase();
});
afterEach(() => t.cleanup());

function record(name: string): HarvestedRecord {
  const parsed = parseDatasetInput({
    title: { nb: `Datasett ${name}` },
    description: { nb: `Om ${name}` },
    publisher: "harvested-publisher",
    themes: ["ENVI"],
    accessRights: "PUBLIC",
    state: "published",
  });
  if (!parsed.success) throw new Error(parsed.error.message);
  return {
    uri: `https://data.example/datasets/${name}`,
    input: parsed.data,
    publisher: { uri: "https://data.example/org", name: { nb: "Etaten" } },
    raw: `<https://data.example/datasets/${name}> a <http://www.w3.org/ns/dcat#Dataset> .`,
    rawFormat: "text/turtle",
    warnings: [],
  };
}

function harvest(names: string[]) {
  return t.db.transaction((tx) =>
    reconcileRecords(t.db, tx, { records: names.map(record), failures: [] }, { sourceId: null, actor: { label: "harvest" }, defaultPublisherSlug: null, archiveAfterDays: null }),
  );
}

const datasetCount = () => t.db.get<{ n: number }>(sql`select count(*) as n from datasets`)!.n;

describe("a new dataset refused by createDataset", () => {
  it("fails alone when it is refused before anything of it is written; the others are written", () => {
    refusal.mode = "before";
    const result = harvest(["a", "refused", "b"]);
    expect(result).toMatchObject({ created: 2, failed: 1 });
    expect(result.messages).toContainEqual({ level: "error", recordUri: "https://data.example/datasets/refused", message: "Refused before writing" });
    expect(t.db.all<{ uri: string }>(sql`select uri from datasets order by uri`).map((r) => r.uri)).toEqual([
      "https://data.example/datasets/a",
      "https://data.example/datasets/b",
    ]);
  });

  it("fails the job when it is refused after part of it was written, and the job leaves nothing", () => {
    refusal.mode = "after";
    expect(() => harvest(["a", "refused", "b"])).toThrow(/refused after part of it was written: Refused after writing/);
    expect(datasetCount()).toBe(0);
    expect(t.db.get<{ n: number }>(sql`select count(*) as n from catalogue_records`)!.n).toBe(0);
    expect(t.db.get<{ n: number }>(sql`select count(*) as n from publishers`)!.n).toBe(0);
  });
});
