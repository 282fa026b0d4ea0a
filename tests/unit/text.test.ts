import { describe, expect, it } from "vitest";
import { slugify, uniqueSlug } from "@/lib/catalogue/slug";
import { foldText } from "@/lib/search/fold";
import { buildMatchExpression } from "@/lib/search/fts-query";

describe("foldText", () => {
  it("spells out the Norwegian letters and strips other diacritics", () => {
    expect(foldText("Høydedata Ålesund Ærfugl")).toBe("hoydedata alesund aerfugl");
    expect(foldText("Café Müller")).toBe("cafe muller");
  });
});

describe("slugify", () => {
  it("makes an ASCII slug from a Norwegian title", () => {
    expect(slugify("Matrikkelen – eiendom og eierforhold")).toBe("matrikkelen-eiendom-og-eierforhold");
    expect(slugify("FKB-Bygning")).toBe("fkb-bygning");
    expect(slugify("Sjøkart (Kystverket) 2024")).toBe("sjokart-kystverket-2024");
  });
  it("cuts long titles at a word boundary and never returns an empty slug", () => {
    const slug = slugify("ord ".repeat(40));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith("-")).toBe(false);
    expect(slugify("!!!")).toBe("dataset");
  });
  it("adds a number until the slug is free", () => {
    const taken = new Set(["arealplaner", "arealplaner-2"]);
    expect(uniqueSlug("arealplaner", (s) => taken.has(s))).toBe("arealplaner-3");
    expect(uniqueSlug("bygg", (s) => taken.has(s))).toBe("bygg");
  });
});

describe("buildMatchExpression", () => {
  it("quotes every term and matches the last one as a prefix", () => {
    expect(buildMatchExpression("høyde data")).toBe('"hoyde" "data"*');
    expect(buildMatchExpression("høyde data ")).toBe('"hoyde" "data"');
  });
  it("keeps quoted phrases", () => {
    expect(buildMatchExpression('"felles kartdatabase" fkb')).toBe('"felles kartdatabase" "fkb"*');
  });
  it("turns FTS5 syntax into plain terms", () => {
    expect(buildMatchExpression('title:x OR y* NEAR("a" b) -c')).toBe('"a" "title" "x" "or" "y" "near" "b" "c"*');
    expect(buildMatchExpression('"')).toBeNull();
    expect(buildMatchExpression("  ")).toBeNull();
  });
});
