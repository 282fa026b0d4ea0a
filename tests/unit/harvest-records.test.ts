import { describe, expect, it } from "vitest";
import { failuresInSourceOrder, packRecord, unpackRecord, contentHash, type HarvestedRecord } from "@/lib/harvest/records";

const failure = (id: string) => ({ uri: `https://data.example/datasets/${id}`, message: `${id} failed` });

describe("failuresInSourceOrder", () => {
  it("puts the failures of records the writer checked among the worker's, by their places in the source", () => {
    const merged = failuresInSourceOrder(
      { failures: [failure("b"), failure("f")], failedAt: [1, 5] },
      [
        { failure: failure("c"), position: 2 },
        { failure: failure("g"), position: 6 },
        { failure: failure("a"), position: 0 },
      ],
    );
    expect(merged.map((f) => f.message)).toEqual(["a failed", "b failed", "c failed", "f failed", "g failed"]);
  });

  it("keeps the worker's failures as they are when the writer checked none, or when they have no places", () => {
    const worker = { failures: [failure("b"), failure("a")], failedAt: [] };
    expect(failuresInSourceOrder(worker, [])).toBe(worker.failures);
    expect(failuresInSourceOrder(worker, [{ failure: failure("c"), position: 0 }]).map((f) => f.message)).toEqual(["b failed", "a failed", "c failed"]);
  });
});

describe("a record between the parse worker and its writer", () => {
  const record: HarvestedRecord = {
    uri: "https://data.example/datasets/a",
    input: {
      title: { nb: "Datasett a", nn: undefined },
      description: { nb: "Om a" },
      keywords: {},
      publisher: "harvested-publisher",
      themes: ["ENVI"],
      accessRights: "PUBLIC",
      spatial: [],
      conformsTo: [],
      languages: [],
      distributions: [],
      state: "published",
    },
    publisher: { uri: "https://data.example/org" },
    raw: "<https://data.example/datasets/a> a <http://www.w3.org/ns/dcat#Dataset> .",
    rawFormat: "text/turtle",
    warnings: [],
  };

  it("comes back checked with the content hash an in-process gather gives it", () => {
    const unpacked = unpackRecord(packRecord(record));
    expect("record" in unpacked && unpacked.record.contentHash).toBe(contentHash(record.input, record.publisher, record.raw));
    expect("record" in unpacked && unpacked.record.input).toEqual(record.input);
  });

  it("is validated by the writer when the worker left it unchecked: what is invalid and optional is dropped with a warning, the hash is the validated input's", () => {
    const mapped = { ...record, warnings: [], input: { ...record.input, landingPage: "not a url" }, unchecked: { position: 3 } };
    const unpacked = unpackRecord(packRecord(mapped as HarvestedRecord));
    if (!("record" in unpacked)) throw new Error("expected a record");
    expect(unpacked.record.input).not.toHaveProperty("landingPage");
    expect(unpacked.record.warnings.join(" ")).toMatch(/landingPage dropped/);
    expect(unpacked.record.contentHash).toBe(contentHash(unpacked.record.input, record.publisher, record.raw));
    expect(unpacked.record.unchecked).toBeUndefined();
  });

  it("becomes a failure, with its place, when the writer finds a required field invalid", () => {
    const mapped = { ...record, warnings: [], input: { ...record.input, themes: [] }, unchecked: { position: 7 } };
    const unpacked = unpackRecord(packRecord(mapped as HarvestedRecord));
    expect(unpacked).toMatchObject({ failure: { uri: record.uri, message: expect.stringMatching(/theme/i) }, position: 7 });
  });
});
