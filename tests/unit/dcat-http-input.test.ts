import { describe, expect, it } from "vitest";
import { parseFq } from "@/lib/ckan/actions/package-search";
import { catalogQuery, parseCatalogParams } from "@/lib/dcat/catalog-params";
import { formatFromExtension, negotiateFormat, rdfFormatForUri } from "@/lib/dcat/content-types";
import { AppError } from "@/lib/errors";

describe("negotiateFormat", () => {
  it.each([
    [null, "ttl"],
    ["", "ttl"],
    ["*/*", "ttl"],
    ["text/turtle", "ttl"],
    ["application/rdf+xml", "rdf"],
    ["application/ld+json", "jsonld"],
    ["application/n-triples", "nt"],
    ["text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "rdf"],
    ["application/ld+json;q=0.5, text/turtle;q=0.9", "ttl"],
    ["application/json", "jsonld"],
    ["text/*", "ttl"],
    ["application/rdf+xml;q=0, */*;q=0.1", "ttl"],
  ])("Accept %j → %s", (accept, format) => {
    expect(negotiateFormat(accept)).toBe(format);
  });
  it.each(["text/html", "image/png", "application/pdf, text/csv", "application/rdf+xml;q=0"])("Accept %j → none (406)", (accept) => {
    expect(negotiateFormat(accept)).toBeUndefined();
  });
  it("maps extensions, case-insensitively, and knows no others", () => {
    expect(formatFromExtension("TTL")).toBe("ttl");
    expect(formatFromExtension(".jsonld")).toBe("jsonld");
    expect(formatFromExtension("xml")).toBeUndefined();
    expect(formatFromExtension("n3")).toBeUndefined();
  });
});

describe("parseCatalogParams", () => {
  const parse = (query: string) => parseCatalogParams(new URLSearchParams(query));
  it("reads page, publisher, profile and modified_since (normalised to UTC)", () => {
    expect(parse("")).toEqual({ page: undefined, modifiedSince: undefined, publisher: undefined, profile: "dcat-ap-3" });
    expect(parse("page=3&publisher=kartverket&profile=dcat-ap-no-2&modified_since=2025-01-31")).toEqual({
      page: 3,
      publisher: "kartverket",
      profile: "dcat-ap-no-2",
      modifiedSince: "2025-01-31T00:00:00.000Z",
    });
    expect(parse("modified_since=2025-01-31T12:00:00%2B02:00").modifiedSince).toBe("2025-01-31T10:00:00.000Z");
    expect(parse("modified_since=2025-01-31T12:00").modifiedSince).toBe("2025-01-31T12:00:00.000Z");
  });
  it.each(["page=0", "page=-1", "page=x", "page=1&page=2", "modified_since=31.01.2025", "modified_since=2025-02-30T25:00:00Z", "publisher=Not A Slug", "profile=dcat-us-3", "q=x"])(
    "%s is a 400",
    (query) => {
      expect(() => parse(query)).toThrow(AppError);
      try {
        parse(query);
      } catch (error) {
        expect((error as AppError).status).toBe(400);
      }
    },
  );
  it("writes the Hydra link query back in a stable order", () => {
    expect(catalogQuery({ profile: "dcat-ap-3", publisher: "kartverket", modifiedSince: "2025-01-01T00:00:00.000Z" }, 2)).toBe(
      "?publisher=kartverket&modified_since=2025-01-01T00%3A00%3A00.000Z&page=2",
    );
    expect(catalogQuery({ profile: "dcat-ap-3" })).toBe("");
  });
});

describe("CKAN fq", () => {
  it("reads the filters CKAN clients and ckanext-harvest send", () => {
    expect(parseFq('organization:kartverket +groups:"envi" AND res_format:CSV tags:kart license_id:CC_BY_4_0 +dataset_type:dataset')).toEqual({
      publisher: ["kartverket"],
      theme: ["ENVI"],
      format: ["CSV"],
      keyword: ["kart"],
      license: ["http://publications.europa.eu/resource/authority/licence/CC_BY_4_0"],
    });
    expect(parseFq("metadata_modified:[2024-05-01T00:00:00Z TO *]").modifiedSince).toBe("2024-05-01T00:00:00.000Z");
  });
  it.each(["colour:blue", "groups:nope", "metadata_modified:[yesterday TO *]", "just words", "dataset_type:harvest"])("rejects %j", (fq) => {
    expect(() => parseFq(fq)).toThrow(/Search error/);
  });
});

describe("rdfFormatForUri (content negotiation on /datasets/<slug>)", () => {
  it.each([
    ["text/turtle", "ttl"],
    ["application/ld+json, */*;q=0.1", "jsonld"],
    ["application/rdf+xml;q=0.9, text/turtle", "ttl"],
    ["text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", undefined],
    ["*/*", undefined],
    [null, undefined],
    ["text/html, text/turtle;q=0.1", undefined],
  ])("Accept %j → %s", (accept, format) => {
    expect(rdfFormatForUri(accept)).toBe(format);
  });
});
