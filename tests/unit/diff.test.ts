import { describe, expect, it } from "vitest";
import { changesFromNothing, diffSnapshots } from "@/lib/catalogue/diff";

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

  it("lists a new record's fields from nothing as diffSnapshots does", () => {
    const snapshot = {
      title: { nb: "Bygg", en: "Buildings" },
      themes: ["REGI"],
      keywords: {},
      spatial: [],
      distributions: [{ format: "CSV", title: { nb: "Fil" } }, { format: "GML" }],
      license: null,
      state: "published",
      absent: undefined,
    };
    expect(changesFromNothing(snapshot)).toEqual(diffSnapshots({}, snapshot));
    expect(changesFromNothing(snapshot).map((c) => c.path)).toEqual(["distributions", "keywords", "license", "spatial", "state", "themes", "title"]);
  });
});
