import { describe, expect, it } from "vitest";
import { firstFreeSlug, slugify, uniqueSlug } from "@/lib/catalogue/slug";
import { foldText } from "@/lib/search/fold";
import { buildMatchExpression, parseQuery, toMatchExpression } from "@/lib/search/fts-query";
import { withinOneEdit } from "@/lib/search/lexicon";
import { excerptAroundMatch, highlightText } from "@/lib/search/highlight";

describe("foldText", () => {
  it("spells out the Norwegian letters and strips other diacritics", () => {
    expect(foldText("Høydedata Ålesund Ærfugl")).toBe("hoydedata alesund aerfugl");
    expect(foldText("Café Müller")).toBe("cafe muller");
    // Decomposed letters and compatibility forms, with and without other non-ASCII text around them.
    expect(foldText("A\u030Alesund ﬁlter Ⅸ")).toBe("alesund filter ix");
    expect(foldText("Ålesund A\u030A")).toBe("alesund a");
    expect(foldText("Plain ASCII, 100%")).toBe("plain ascii, 100%");
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
  it("finds the same free slug from the taken slugs read at once, whatever else they hold", () => {
    const taken = ["arealplaner", "arealplaner-2", "arealplaner-4", "arealplaner-plan", "arealplaner-plan-2", "arealplaner-03", "arealplaner-x3"];
    expect(firstFreeSlug("arealplaner", taken)).toBe("arealplaner-3");
    expect(firstFreeSlug("arealplaner", taken)).toBe(uniqueSlug("arealplaner", (s) => taken.includes(s)));
    expect(firstFreeSlug("arealplaner-plan", taken)).toBe("arealplaner-plan-3");
    expect(firstFreeSlug("bygg", taken)).toBe("bygg");
    expect(firstFreeSlug("arealplaner", ["arealplaner-2"])).toBe("arealplaner");
    const many = ["vei", ...Array.from({ length: 5_000 }, (_, i) => `vei-${i + 2}`)];
    expect(firstFreeSlug("vei", many)).toBe("vei-5002");
  });
});

describe("buildMatchExpression", () => {
  it("quotes every term and matches the last one as a prefix", () => {
    expect(buildMatchExpression("høyde data")).toBe('"hoyde" AND "data"*');
    expect(buildMatchExpression("høyde data ")).toBe('"hoyde" AND "data"');
  });
  it("keeps quoted phrases", () => {
    expect(buildMatchExpression('"felles kartdatabase" fkb')).toBe('"felles kartdatabase" AND "fkb"*');
  });
  it("turns FTS5 syntax into plain terms", () => {
    expect(buildMatchExpression('title:x OR y* NEAR("a" b) -c')).toBe('"a" AND "title" AND "x" AND "or" AND "y" AND "near" AND "b" AND "c"*');
    expect(buildMatchExpression('"')).toBeNull();
    expect(buildMatchExpression("  ")).toBeNull();
  });
});

describe("toMatchExpression", () => {
  it("widens a word with its alternatives and can ask for any term", () => {
    const parsed = parseQuery("kvikleire skred");
    expect(toMatchExpression(parsed, { alternatives: (w) => (w === "kvikleire" ? ["kvikkleire"] : []) })).toBe(
      '("kvikleire" OR "kvikkleire") AND "skred"*',
    );
    expect(toMatchExpression(parsed, { mode: "any" })).toBe('"kvikleire" OR "skred"*');
  });
});

describe("withinOneEdit", () => {
  it("accepts one substitution, insertion, deletion or swap of neighbours", () => {
    expect(withinOneEdit("kvikleire", "kvikkleire")).toBe(true);
    expect(withinOneEdit("brannstasjonar", "brannstasjoner")).toBe(true);
    expect(withinOneEdit("ortofotto", "ortofoto")).toBe(true);
    expect(withinOneEdit("postkrester", "postkretser")).toBe(true);
  });
  it("refuses two edits and equal words", () => {
    expect(withinOneEdit("kvikleir", "kvikkleire")).toBe(false);
    expect(withinOneEdit("abcdef", "badcef")).toBe(false);
    expect(withinOneEdit("same", "same")).toBe(false);
  });
});

describe("highlightText", () => {
  it("marks folded and prefix matches and keeps the text intact", () => {
    const segments = highlightText("Kart over Ålesund og Høydedata", { terms: ["alesund"], prefixes: ["hoyde"] });
    expect(segments.map((s) => s.text).join("")).toBe("Kart over Ålesund og Høydedata");
    expect(segments.filter((s) => s.match).map((s) => s.text)).toEqual(["Ålesund", "Høydedata"]);
  });
  it("cuts an excerpt around the first match", () => {
    const text = `${"Lang innledning uten treff. ".repeat(20)}Her står kvikkleire midt i teksten. ${"Mer tekst. ".repeat(20)}`;
    const excerpt = excerptAroundMatch(text, { terms: ["kvikkleire"], prefixes: [] }, 120);
    const joined = excerpt.map((s) => s.text).join("");
    expect(joined.startsWith("… ")).toBe(true);
    expect(joined.endsWith(" …")).toBe(true);
    expect(joined.length).toBeLessThanOrEqual(126);
    expect(excerpt.some((s) => s.match && s.text === "kvikkleire")).toBe(true);
  });
});
