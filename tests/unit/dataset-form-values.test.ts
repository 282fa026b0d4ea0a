import { describe, expect, it } from "vitest";
import {
  emptyDistribution,
  fieldForError,
  fieldPaths,
  formValuesFrom,
  toRegistration,
} from "@/app/(staff)/_components/dataset-form/form-values";
import { datasetInputSchema } from "@/lib/catalogue/schemas";

/** The staff dataset form's conversion to and from the registration shape, and its error mapping. */

const stored = datasetInputSchema.parse({
  title: { nb: "Sykkelparkering", en: "Bicycle parking" },
  description: { nb: "Plasser i sentrum." },
  keywords: { nb: ["sykkel", "parkering"] },
  publisher: "alesund-kommune",
  themes: ["TRAN"],
  accessRights: "PUBLIC",
  license: "http://publications.europa.eu/resource/authority/licence/NLOD_2_0",
  accrualPeriodicity: "ANNUAL",
  contactPoint: { name: "Kart", email: "kart@alesund.kommune.no" },
  spatial: [{ label: "Ålesund kommune" }, { bbox: "POLYGON((5.9 62.3, 6.6 62.3, 6.6 62.6, 5.9 62.6, 5.9 62.3))" }],
  temporal: { start: "2024-01-01" },
  conformsTo: ["http://www.opengis.net/def/crs/EPSG/0/25833"],
  spatialResolutionMeters: 10,
  state: "published",
  distributions: [
    { accessURL: "https://example.org/a.csv", format: "CSV", byteSize: 1200, status: "COMPLETED", title: { nb: "CSV" } },
    { accessURL: "https://example.org/a.geojson", format: "GEOJSON" },
  ],
});

describe("dataset form values", () => {
  it("round-trips a stored dataset unchanged, keeping the fields the form does not show", () => {
    const again = datasetInputSchema.parse(toRegistration(formValuesFrom(stored, "alesund-kommune")));
    expect(again).toEqual(stored);
  });

  it("leaves empty optional fields out and always sends Bokmål title and description", () => {
    const values = formValuesFrom(null, "alesund-kommune");
    values.distributions.push(emptyDistribution());
    const input = toRegistration(values);
    expect(input.title).toEqual({ nb: "" });
    expect(input.description).toEqual({ nb: "" });
    expect(input).not.toHaveProperty("license");
    expect(input).not.toHaveProperty("contactPoint");
    expect(input).not.toHaveProperty("temporal");
    expect(input.distributions).toEqual([{ accessURL: "" }]);
    expect(input.state).toBe("draft");
  });

  it("splits keywords on commas and sends a number where a number is typed, else the text", () => {
    const values = formValuesFrom(null, "p");
    values.keywords.nb = " kart,  vei ,, trafikk ";
    values.distributions = [{ ...emptyDistribution(), accessURL: "https://x.no", byteSize: "1 500" }, { ...emptyDistribution(), byteSize: "stor" }];
    const input = toRegistration(values) as { keywords: unknown; distributions: { byteSize?: unknown }[] };
    expect(input.keywords).toEqual({ nb: ["kart", "vei", "trafikk"] });
    expect(input.distributions.map((d) => d.byteSize)).toEqual([1500, "stor"]);
  });

  it("puts each server error next to the field it names, or the nearest field above it", () => {
    const values = formValuesFrom(stored, "alesund-kommune");
    const paths = fieldPaths(values);
    expect(fieldForError("distributions.1.accessURL", paths)).toBe("distributions.1.accessURL");
    expect(fieldForError("keywords.nb.3", paths)).toBe("keywords.nb");
    expect(fieldForError("themes.0", paths)).toBe("themes");
    expect(fieldForError("spatial.1", paths)).toBe("spatial.1.label");
    expect(fieldForError("title", paths)).toBe("title.nb");
    expect(fieldForError("contactPoint.email", paths)).toBe("contactPoint.email");
    expect(fieldForError("distributions.7.accessURL", paths)).toBe("distributions");
    expect(fieldForError("unknownField", paths)).toBeUndefined();
  });
});
