import { describe, expect, it } from "vitest";
import { kpiPercent, toFigures, toCounts } from "@/lib/kpi/compute-kpi";
import { parseKpiCsvParams } from "@/lib/kpi/csv-params";
import { parseKpiScope, scopeFromKey, scopeKey, WHOLE_CATALOGUE } from "@/lib/kpi/scope";
import { AppError } from "@/lib/errors";

const parse = (query: string, allow?: string[]) => parseKpiScope(new URLSearchParams(query), { allow });
const fieldsOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(400);
    return (error as AppError).fields;
  }
  throw new Error("expected a 400");
};

describe("KPI scope parameters", () => {
  it("reads publisher, theme (any case) and source", () => {
    expect(parse("")).toEqual(WHOLE_CATALOGUE);
    expect(parse("publisher=alesund-kommune&theme=envi&source=3")).toEqual({ publisher: "alesund-kommune", theme: "ENVI", source: 3 });
    expect(parse("publisher=&theme=")).toEqual(WHOLE_CATALOGUE);
  });

  it("answers 400 naming each bad parameter", () => {
    expect(fieldsOf(() => parse("theme=XYZ"))).toHaveProperty("theme");
    expect(fieldsOf(() => parse("source=abc"))).toHaveProperty("source");
    expect(fieldsOf(() => parse("source=-1"))).toHaveProperty("source");
    expect(fieldsOf(() => parse("source=1.5"))).toHaveProperty("source");
    expect(fieldsOf(() => parse("publisher=Not A Slug"))).toHaveProperty("publisher");
    expect(fieldsOf(() => parse("publisher=a&publisher=b"))).toHaveProperty("publisher");
    expect(Object.keys(fieldsOf(() => parse("page=2&theme=nope"))!)).toEqual(["page", "theme"]);
    expect(parse("history=1", ["history"])).toEqual(WHOLE_CATALOGUE);
  });

  it("round-trips snapshot keys", () => {
    for (const scope of [WHOLE_CATALOGUE, { ...WHOLE_CATALOGUE, publisher: "kartverket" }, { publisher: "a", theme: "ENVI", source: 2 }]) {
      expect(scopeFromKey(scopeKey(scope))).toEqual(scope);
    }
    expect(scopeKey({ ...WHOLE_CATALOGUE, theme: "TRAN" })).toBe("theme:TRAN");
  });
});

describe("KPI figures", () => {
  it("gives the percentage with two decimals, and null for an empty inventory", () => {
    expect(kpiPercent(112, 150)).toBe(74.67);
    expect(kpiPercent(1, 3)).toBe(33.33);
    expect(kpiPercent(2, 3)).toBe(66.67);
    expect(kpiPercent(119, 119)).toBe(100);
    expect(kpiPercent(0, 0)).toBeNull();
  });

  it("has exactly the /kpi.json contract shape", () => {
    const figures = toFigures(WHOLE_CATALOGUE, toCounts(undefined), "2026-01-01T00:00:00.000Z");
    expect(figures).toEqual({
      scope: { publisher: null, theme: null, source: null },
      openPublished: 0,
      inventory: 0,
      percent: null,
      computedAt: "2026-01-01T00:00:00.000Z",
      notOpen: { unpublished: 0, restrictedAccess: 0, noOpenLicence: 0, noMachineReadableDistribution: 0 },
    });
  });

  it("reads /kpi.csv parameters", () => {
    expect(parseKpiCsvParams(new URLSearchParams(""))).toEqual({ history: false });
    expect(parseKpiCsvParams(new URLSearchParams("history=1"))).toEqual({ history: true });
    expect(fieldsOf(() => parseKpiCsvParams(new URLSearchParams("history=yes")))).toHaveProperty("history");
    expect(fieldsOf(() => parseKpiCsvParams(new URLSearchParams("publisher=x")))).toHaveProperty("publisher");
  });
});
