import fs from "node:fs";
import path from "node:path";
import { RdfXmlParser } from "rdfxml-streaming-parser";
import { describe, expect, it } from "vitest";
import { FeedError } from "@/lib/harvest/fetch-feed";
import { parseRdfInto } from "@/lib/harvest/parse-rdf";
import { isLit, TripleIndex } from "@/lib/harvest/rdf-index";

/**
 * The harvest parses RDF/XML with rdfxml-streaming-parser, its IRI handling made cheaper
 * (parse-rdf.ts, RdfXmlFeedParser): the graph must be exactly the one the parser gives alone.
 */

const BASE = "https://feeds.example.org/catalogue/feed.rdf";

async function ours(text: string): Promise<string[]> {
  const index = new TripleIndex();
  await parseRdfInto(index, { syntax: "rdfxml", chunks: (async function* () { yield Buffer.from(text); })(), baseIri: BASE, blankPrefix: "p0_" });
  return lines(index);
}

async function plain(text: string): Promise<string[]> {
  const index = new TripleIndex();
  await new Promise<void>((resolve, reject) => {
    const parser = new RdfXmlParser({ baseIRI: BASE });
    parser.on("data", (q) => index.addQuad(q.subject, q.predicate, q.object, "p0_"));
    parser.on("end", resolve);
    parser.on("error", reject);
    parser.end(text);
  });
  return lines(index);
}

/** The graph as sorted lines, blank nodes named in order of appearance (the factories' counters differ). */
function lines(index: TripleIndex): string[] {
  const blanks = new Map<string, string>();
  const name = (term: string) => {
    if (!term.startsWith("_:")) return term;
    if (!blanks.has(term)) blanks.set(term, `_:b${blanks.size}`);
    return blanks.get(term)!;
  };
  const out: string[] = [];
  for (const subject of (index as unknown as { subjects: Map<string, unknown[]> }).subjects.keys()) {
    const triples = index.triplesOf(subject);
    for (let i = 0; i < triples.length; i += 2) {
      const o = triples[i + 1]!;
      out.push(`${name(subject)} ${triples[i] as string} ${isLit(o) ? JSON.stringify([o.value, o.lang, o.datatype]) : name(o)}`);
    }
  }
  return out.sort();
}

const DOCUMENT = `<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dcat="http://www.w3.org/ns/dcat#"
  xmlns:dct="http://purl.org/dc/terms/" xmlns:foaf="http://xmlns.com/foaf/0.1/" xmlns:xsd="http://www.w3.org/2001/XMLSchema#">
  <dcat:Catalog rdf:about="">
    <dcat:dataset rdf:resource="datasets/a"/>
    <dcat:dataset rdf:resource="./datasets/b"/>
    <dcat:dataset rdf:resource="../other/c"/>
    <dcat:dataset rdf:resource="https://data.example.org/x/./y/../datasets/d"/>
    <dcat:dataset rdf:resource="https://data.example.org//double//slashes/e?q=./..#frag/."/>
    <dcat:dataset rdf:resource="#f"/>
    <dcat:dataset rdf:resource="?query"/>
    <dcat:dataset rdf:resource="?q=a:b"/>
    <dcat:dataset rdf:resource="#frag:with:colons"/>
    <dcat:dataset rdf:resource="urn:x:no-slash"/>
  </dcat:Catalog>
  <dcat:Dataset rdf:about="datasets/a">
    <dct:title xml:lang="nb">Tittel</dct:title>
    <dct:issued rdf:datatype="http://www.w3.org/2001/XMLSchema#date">2020-01-01</dct:issued>
    <dct:modified rdf:datatype="xsd-relative#date">2020-01-02</dct:modified>
    <dct:publisher rdf:resource="https://data.brreg.no/enhetsregisteret/api/enheter/971040238"/>
    <dcat:distribution>
      <dcat:Distribution rdf:ID="dist-1">
        <dcat:accessURL rdf:resource="https://data.example.org/download"/>
      </dcat:Distribution>
    </dcat:distribution>
  </dcat:Dataset>
  <dcat:Dataset rdf:about="mailto:post@example.org"/>
  <dcat:Dataset rdf:about="urn:uuid:6f1a0d1e-8c1c-4a55-9f0c-0b4e2a7b1c2d"/>
  <rdf:Description xml:base="https://elsewhere.example.net/base/dir/" rdf:about="relative/g">
    <dct:publisher rdf:resource="https://data.brreg.no/enhetsregisteret/api/enheter/971040238"/>
    <foaf:page rdf:resource="../up/h"/>
    <foaf:page rdf:resource="https://elsewhere.example.net/abs/./i"/>
  </rdf:Description>
</rdf:RDF>`;

describe("RDF/XML parsing in the harvest", () => {
  it("gives the plain parser's graph: relative IRIs, xml:base, dot segments, rdf:ID, datatypes", async () => {
    const expected = await plain(DOCUMENT);
    expect(expected.length).toBeGreaterThan(20);
    expect(await ours(DOCUMENT)).toEqual(expected);
    // The resolution was done: no relative IRI and no dot segment left in the graph.
    expect(expected.join("\n")).toContain("https://feeds.example.org/other/c");
    expect(expected.join("\n")).toContain("https://data.example.org/x/datasets/d");
    expect(expected.join("\n")).toContain("https://elsewhere.example.net/base/up/h");
    expect(expected.join("\n")).toContain("https://feeds.example.org/catalogue/feed.rdf?q=a:b");
    expect(expected.join("\n")).toContain("https://feeds.example.org/catalogue/feed.rdf#frag:with:colons");
  });

  it("gives the plain parser's graph for the real RDF/XML feeds", async () => {
    const dir = path.resolve("../shared/fixtures/dcat-real");
    const feeds = fs.readdirSync(dir).filter((f) => f.endsWith(".rdf"));
    expect(feeds.length).toBeGreaterThan(0);
    for (const feed of feeds) {
      const text = fs.readFileSync(path.join(dir, feed), "utf8");
      expect(await ours(text), feed).toEqual(await plain(text));
    }
  });

  it("gives the plain parser's graph for many nodes (25,000 subjects, a few IRIs repeated)", async () => {
    const nodes = Array.from({ length: 25_000 }, (_, i) => `<rdf:Description rdf:about="https://x.example/n/${i}"><dct:relation rdf:resource="https://x.example/n/${i % 7}"/></rdf:Description>`);
    const text = `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dct="http://purl.org/dc/terms/">${nodes.join("")}</rdf:RDF>`;
    const graph = await ours(text);
    expect(graph).toHaveLength(25_000);
    expect(graph).toEqual(await plain(text));
  });

  it("still refuses an invalid IRI", async () => {
    const bad = `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dct="http://purl.org/dc/terms/">
      <rdf:Description rdf:about="https://x.example/a"><dct:relation rdf:resource="https://x.example/has space"/></rdf:Description></rdf:RDF>`;
    await expect(ours(bad)).rejects.toThrow(FeedError);
    await expect(plain(bad)).rejects.toThrow();
    const seenFirst = `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dct="http://purl.org/dc/terms/">
      <rdf:Description rdf:about="https://x.example/a"><dct:relation rdf:resource="https://x.example/b"/></rdf:Description>
      <rdf:Description rdf:about="https://x.example/a"><dct:relation rdf:resource="https://x.example/b c"/></rdf:Description></rdf:RDF>`;
    await expect(ours(seenFirst)).rejects.toThrow(/not valid RDF\/XML/);
  });
});
