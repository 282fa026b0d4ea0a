import { describe, expect, it } from "vitest";
import { diffSnapshots } from "@/lib/catalogue/diff";

describe("diffSnapshots", () => {
  it("reports changed, added and removed fields by path", () => {
    const before = { title: { nb: "Bygg" }, themes: ["REGI"], distributions: [{ format: "CSV" }] };
    const after = { title: { nb: "Bygg", en: "Buildings" }, themes: ["REGI", "ENVI"], distributions: [{ format: "GML" }, { format: "CSV" }] };
    expect(diffSnapshots(before, after)).toEqual([
      { path: "distributions.0.format", before: "CSV", after: "GML" },
      { path: "distributions.1", before: null, after: { format: "CSV" } },
      { path: "themes", before: ["REGI"], after: ["REGI", "ENVI"] },
      { path: "title.en", before: null, after: "Buildings" },
    ]);
  });
  it("finds nothing between equal snapshots", () => {
    expect(diffSnapshots({ a: [1, 2], b: { c: "x" } }, { a: [1, 2], b: { c: "x" } })).toEqual([]);
  });
});
