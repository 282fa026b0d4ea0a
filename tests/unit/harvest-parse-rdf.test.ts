import fs from "node:fs";
import path from "node:path";
import { StreamParser } from "n3";
import { RdfXmlParser } from "rdfxml-streaming-parser";
import { describe, expect, it } from "vitest";
import { FeedError } from "@/lib/harvest/fetch-feed";
import { parseRdfInto } from "@/lib/harvest/parse-rdf";
import { isLit, TripleIndex } from "@/lib/harvest/rdf-index";

/**
 * The harvest parses with the parsers' own code but its own terms (TripleIndex.termFactory), RDF/XML
 * with its IRI handling made cheaper (parse-rdf.ts, RdfXmlFeedParser), and Turtle, TriG and
 * N-Triples through n3's parser without its stream wrapper: the graph must be exactly the one each
 * parser gives alone, with its own terms, through its stream interface.
 */

const BASE = "https://feeds.example.org/catalogue/feed.rdf";

/** The bytes in chunks of `size` (characters of several bytes split between chunks). */
async function* chunked(text: string, size: number): AsyncGenerator<Buffer> {
  const bytes = Buffer.from(text);
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

async function ours(text: string, syntax: "rdfxml" | "turtle" | "ntriples" = "rdfxml", chunkSize = Infinity): Promise<string[]> {
  const index = new TripleIndex();
  await parseRdfInto(index, { syntax, chunks: chunked(text, chunkSize), baseIri: BASE, blankPrefix: "p0_" });
  return lines(index);
}

async function plain(text: string, syntax: "rdfxml" | "turtle" | "ntriples" = "rdfxml"): Promise<string[]> {
  const index = new TripleIndex();
  await new Promise<void>((resolve, reject) => {
    const parser =
      syntax === "rdfxml" ? new RdfXmlParser({ baseIRI: BASE }) : new StreamParser({ baseIRI: BASE, format: syntax === "turtle" ? "application/trig" : "application/n-triples" });
    parser.on("data", (q) => index.addQuad(q.subject, q.predicate, q.object, "p0_"));
    parser.on("end", resolve);
    parser.on("error", reject);
    parser.end(text);
  });
  return lines(index);
}

/** The plain parser's error message for an RDF/XML document, or "accepted". */
function plainRefusal(text: string): Promise<string> {
  return plain(text).then(
    () => "accepted",
    (error: Error) => error.message,
  );
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

  it("gives the plain parser's graph for many nodes (75,000 IRIs, some repeated, some met again long after)", async () => {
    // More IRIs than the term factory keeps (rdf-index.ts IRI_TERMS_KEPT): it starts again twice.
    const nodes = Array.from(
      { length: 25_000 },
      (_, i) =>
        `<rdf:Description rdf:about="https://x.example/n/${i}"><dct:relation rdf:resource="https://x.example/n/${i % 7}"/>` +
        `<dct:source rdf:resource="https://x.example/s/${i}"/><dct:replaces rdf:resource="https://x.example/o/${i}"/><dct:isPartOf rdf:resource="https://x.example/n/${Math.max(0, i - 20_000)}"/></rdf:Description>`,
    );
    const text = `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dct="http://purl.org/dc/terms/">${nodes.join("")}</rdf:RDF>`;
    const graph = await ours(text);
    expect(graph).toHaveLength(100_000);
    expect(graph).toEqual(await plain(text));
  });

  it("gives the plain parser's predicates: rdf:li, property attributes, parse types, reification, a default namespace, one local name in two namespaces", async () => {
    const text = `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dct="http://purl.org/dc/terms/"
      xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:foaf="http://xmlns.com/foaf/0.1/" xmlns:x="urn:x:">
      <rdf:Description rdf:about="https://x.example/li"><dct:type rdf:resource="http://www.w3.org/1999/02/22-rdf-syntax-ns#li"/></rdf:Description>
      <rdf:Description rdf:about="https://x.example/a">
        <dct:title>En</dct:title><dc:title>To</dc:title><x:title>Tre</x:title>
        <dct:subject><rdf:Bag><rdf:li>first</rdf:li><rdf:li rdf:resource="https://x.example/second"/><rdf:li>third</rdf:li></rdf:Bag></dct:subject>
        <dct:publisher foaf:name="Ålesund kommune" dct:identifier="944 755 411"/>
        <dct:temporal rdf:parseType="Resource"><dct:start>2020</dct:start><dc:title>Periode</dc:title></dct:temporal>
        <dct:description rdf:parseType="Literal"><p xmlns="http://www.w3.org/1999/xhtml">Om <b>dette</b></p></dct:description>
        <dct:hasPart rdf:parseType="Collection"><rdf:Description rdf:about="https://x.example/p1"/><rdf:Description rdf:about="https://x.example/p2"/></dct:hasPart>
        <dct:relation rdf:ID="stated" rdf:resource="https://x.example/b"/>
      </rdf:Description>
      <Thing xmlns="https://vocab.example/" rdf:about="https://x.example/c"><label>Standard</label><dct:title>Med prefiks</dct:title></Thing>
    </rdf:RDF>`;
    const expected = await plain(text);
    expect(expected.join("\n")).toContain("http://www.w3.org/1999/02/22-rdf-syntax-ns#_3");
    expect(expected.join("\n")).toContain("https://vocab.example/label");
    expect(await ours(text)).toEqual(expected);
  });

  it("gives the plain parser's graph whatever the chunks, characters of several bytes split between them, after a byte order mark", async () => {
    const expected = await plain(DOCUMENT);
    for (const size of [1, 2, 3, 7, 64, 1000]) expect(await ours(DOCUMENT, "rdfxml", size), `chunks of ${size} bytes`).toEqual(expected);
    expect(await ours(`\uFEFF${DOCUMENT}`, "rdfxml", 5)).toEqual(expected);
  });

  it("refuses a document cut short, wherever it was cut, and one with something after its end", async () => {
    const ending = DOCUMENT.lastIndexOf("</rdf:RDF>");
    const cuts = [DOCUMENT.indexOf("<rdf:Description"), DOCUMENT.indexOf("</rdf:Description>") + 5, DOCUMENT.indexOf("</rdf:Description>") + "</rdf:Description>".length, ending, ending + 4];
    for (const cut of cuts) {
      for (const size of [Infinity, 16]) {
        await expect(ours(DOCUMENT.slice(0, cut), "rdfxml", size), `cut at ${cut}`).rejects.toThrow(/not valid RDF\/XML: .*(unclosed tag|unexpected end)/);
      }
    }
    await expect(ours(`${DOCUMENT}<rdf:Description/>`)).rejects.toThrow(/not valid RDF\/XML/);
    // (Not even a root element: no RDF/XML at all.)
    await expect(ours("<?xml version=\"1.0\"?>")).rejects.toThrow(/not valid RDF\/XML: .*root element/);
  });

  it("refuses what the plain parser refuses in attributes, with its messages: duplicates (however many attributes), unbound prefixes", async () => {
    const open = `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dct="http://purl.org/dc/terms/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:t="http://purl.org/dc/terms/">`;
    const many = Array.from({ length: 10 }, (_, i) => `dc:p${i}="${i}"`).join(" ");
    const refused = [
      `<rdf:Description rdf:about="https://x.example/a" rdf:about="https://x.example/b"/>`,
      // The same expanded name through two prefixes.
      `<rdf:Description rdf:about="https://x.example/a" dct:title="a" t:title="b"/>`,
      `<rdf:Description rdf:about="https://x.example/a" ${many} dct:title="a" t:title="b"/>`,
      `<rdf:Description rdf:about="https://x.example/a" title="a" title="b"/>`,
      `<rdf:Description rdf:about="https://x.example/a" nope:title="a"/>`,
      `<nope:Thing rdf:about="https://x.example/a"/>`,
    ];
    for (const body of refused) {
      const text = `${open}${body}</rdf:RDF>`;
      const plainError = await plainRefusal(text);
      expect(plainError, body).not.toBe("accepted");
      await expect(ours(text), body).rejects.toThrow(`The feed is not valid RDF/XML: ${plainError}`);
    }
    // One local name in two namespaces, unprefixed attributes, many of them: accepted, the same graph.
    const accepted = `${open}<rdf:Description rdf:about="https://x.example/a" dct:title="a" dc:title="b" title="c" ${many}/></rdf:RDF>`;
    expect(await ours(accepted)).toEqual(await plain(accepted));
    expect((await ours(accepted)).length).toBe(12);
  });

  it("gives the plain parser's graph, errors and error positions for attribute values and names with entities, line ends, tabs, quotes and characters beyond ASCII, in chunks of any size, and for XML 1.1", async () => {
    const open = `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dct="http://purl.org/dc/terms/" xmlns:ex="https://vocab.example/">`;
    // Entities, a tab and line ends (normalised to spaces), the other quote, ">", an empty value,
    // characters outside the BMP and outside ASCII in values and names, names ended by a tab or a line end.
    const text = `<?xml version="1.0" encoding="utf-8"?>
${open}
  <rdf:Description rdf:about="https://x.example/a?b=1&amp;c=2" ex:single='med "sitat"' ex:double="it's" ex:tab="a\tb" ex:lines="en\nto\r\ntre\rfire" ex:angle="a>b" ex:empty="" ex:astral="\u{1F600} smil" ex:nordic="æøå ÆØÅ">
    <dct:title xml:lang="nb">Tittel</dct:title><ex:navnæøå>ikke-ASCII i navnet</ex:navnæøå>
    <ex:p\trdf:resource="https://x.example/tab-after-name"/><ex:q
      rdf:resource="https://x.example/line-after-name"/>
    <ex:entity rdf:resource="https://x.example/&#x41;&#66;"/>
  </rdf:Description>
</rdf:RDF>`;
    const expected = await plain(text);
    expect(expected.join("\n")).toContain("https://x.example/a?b=1&c=2");
    expect(expected.join("\n")).toContain("https://vocab.example/navnæøå");
    for (const size of [Infinity, 1, 2, 5, 13, 64]) expect(await ours(text, "rdfxml", size), `chunks of ${size} bytes`).toEqual(expected);
    // XML 1.1 (other rules for characters and line ends).
    const v11 = text.replace('version="1.0"', 'version="1.1"');
    expect(await ours(v11)).toEqual(await plain(v11));

    // Errors late on a long line: the same message, at the same line and column.
    const refused = [
      `<rdf:Description rdf:about="https://x.example/a" ex:p="https://x.example/${"x".repeat(200)}" ex:q="a<b"/>`,
      `<rdf:Description rdf:about="https://x.example/a" ex:p="${"y".repeat(100)}" ex:q="a\u0001b"/>`,
      `<rdf:Description rdf:about="https://x.example/a" ex:p="${"y".repeat(100)}" ex:q="a\ufffeb"/>`,
      `<rdf:Description rdf:about="https://x.example/${"z".repeat(100)}" ex:p="x" ex:p="y"/>`,
      `<rdf:Description rdf:about="https://x.example/${"z".repeat(100)}"><ex:a.b-c_d:e>x</ex:a.b-c_d:e></rdf:Description>`,
      `<rdf:Description rdf:about="https://x.example/${"z".repeat(100)}"><ex:p>x</ex:q></rdf:Description>`,
    ];
    for (const body of refused) {
      const document = `${open}\n  ${body}</rdf:RDF>`;
      const plainError = await plainRefusal(document);
      expect(plainError, body).toMatch(/^2:\d+: /);
      for (const size of [Infinity, 7]) await expect(ours(document, "rdfxml", size), body).rejects.toThrow(`The feed is not valid RDF/XML: ${plainError}`);
    }
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
    const badPredicate = `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:bad="https://x.example/has space/">
      <rdf:Description rdf:about="https://x.example/a"><bad:title>x</bad:title></rdf:Description></rdf:RDF>`;
    await expect(ours(badPredicate)).rejects.toThrow(FeedError);
    await expect(plain(badPredicate)).rejects.toThrow();
  });
});

const TURTLE = `@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@base <https://data.example.org/> .
<catalog> a dcat:Catalog ; dcat:dataset <datasets/a>, _:b1, [ a dcat:Dataset ; dct:title "Anonym"@NB ] .
<datasets/a> a dcat:Dataset ;
  dct:title "Tittel på norsk – «Ålesund» 🌊"@nb, "Title"@EN ;
  dct:description """Over
flere linjer med \"sitat\" og \u00e6"""@nb ;
  dct:issued "2020-01-01"^^xsd:date ; dct:modified "2020-01-02T10:00:00Z"^^<http://www.w3.org/2001/XMLSchema#dateTime> ;
  dcat:byteSize 1024 ; dcat:spatialResolutionInMeters 2.5 ; dct:accessRights true ;
  dct:identifier "plain"^^xsd:string ;
  dcat:keyword ( "en" "to" ) ;
  dcat:distribution [ a dcat:Distribution ; dcat:accessURL <download?x=1> ] .
_:b1 a dcat:Dataset ; dct:title "Blank"@nb ; dct:relation _:b1 .
GRAPH <named> { <datasets/a> dct:subject <in-a-graph> }
`;

describe("Turtle, TriG and N-Triples parsing in the harvest", () => {
  it("gives n3's own graph: blank nodes (labelled, anonymous, lists), language tags, datatypes, escapes, named graphs", async () => {
    const expected = await plain(TURTLE, "turtle");
    expect(expected.length).toBeGreaterThan(25);
    expect(await ours(TURTLE, "turtle")).toEqual(expected);
    const graph = expected.join("\n");
    expect(graph).toContain('["Tittel på norsk – «Ålesund» 🌊","nb",""]');
    expect(graph).toContain('["Anonym","nb",""]');
    expect(graph).toContain('["2020-01-01","","http://www.w3.org/2001/XMLSchema#date"]');
    expect(graph).toContain("https://data.example.org/in-a-graph");
  });

  it("keeps every literal exactly as read, code unit for code unit: ASCII, Latin-1, beyond it, astral, a lone surrogate (JSON-LD)", async () => {
    // Long values (13 or more characters) are copied out of the parser's text (rdf-index.ts
    // ownCopy), and `plain` above copies them the same way: checked here against the strings themselves.
    const values = ["ASCII only, long enough", "Latin-1: Ålesund, Ørsta, Æsj", "Beyond – «Ålesund» ‘kart’ €", "Astral 🌊 and 𝔘 here", `Long: ${"Ålesund ".repeat(10_000)}`, `Long beyond: ${"Ålesund – ".repeat(10_000)}`];
    const turtle = `<https://data.example.org/d> ${values.map((value, i) => `<https://data.example.org/p${i}> "${value}"`).join(" ; ")} .\n`;
    // (n3 refuses a lone surrogate's escape in Turtle; JSON allows one.)
    const lone = ["Lone \ud800 surrogate here", "Lone low at the end \udfff"];
    const jsonld = JSON.stringify({ "@id": "https://data.example.org/d", ...Object.fromEntries(lone.map((value, i) => [`https://data.example.org/p${i}`, value])) });
    const read = async (syntax: "turtle" | "jsonld", text: string, size: number, count: number) => {
      const index = new TripleIndex();
      await parseRdfInto(index, { syntax, chunks: chunked(text, size), baseIri: BASE, blankPrefix: "p0_" });
      return Array.from({ length: count }, (_, i) => index.objects("https://data.example.org/d", `https://data.example.org/p${i}`).map((o) => (isLit(o) ? o.value : o)));
    };
    for (const size of [Infinity, 5]) expect(await read("turtle", turtle, size, values.length), `chunks of ${size} bytes`).toEqual(values.map((value) => [value]));
    expect(jsonld).toContain("\\ud800");
    expect(await read("jsonld", jsonld, Infinity, lone.length)).toEqual(lone.map((value) => [value]));
  });

  it("gives the same graph whatever the chunks, characters of several bytes split between them", async () => {
    const expected = await plain(TURTLE, "turtle");
    for (const size of [1, 3, 7, 64]) expect(await ours(TURTLE, "turtle", size), `chunks of ${size} bytes`).toEqual(expected);
    // (The parser is handed whole lines, the rest of a chunk held back for the next: parse-rdf.ts.)
    const crlf = TURTLE.replaceAll("\n", "\r\n");
    const expectedCrlf = await plain(crlf, "turtle");
    for (const size of [2, 5, 64]) expect(await ours(crlf, "turtle", size), `CRLF, chunks of ${size} bytes`).toEqual(expectedCrlf);
    const oneLine = TURTLE.replace(/\n(?=[ <_G@])/g, " ");
    expect(oneLine.split("\n").length).toBeLessThan(5);
    const expectedOneLine = await plain(oneLine, "turtle");
    for (const size of [5, 40, 1000]) expect(await ours(oneLine, "turtle", size), `long lines, chunks of ${size} bytes`).toEqual(expectedOneLine);
  });

  it("gives n3's own graph for the real Turtle feeds, and for one as N-Triples", async () => {
    const dir = path.resolve("../shared/fixtures/dcat-real");
    const feeds = fs.readdirSync(dir).filter((f) => f.endsWith(".ttl"));
    expect(feeds.length).toBeGreaterThan(0);
    for (const feed of feeds) {
      const text = fs.readFileSync(path.join(dir, feed), "utf8");
      expect(await ours(text, "turtle", 4096), feed).toEqual(await plain(text, "turtle"));
    }
    const nt = `<https://x.example/a> <http://purl.org/dc/terms/title> "A \\u00e5"@nb .\n_:x <http://purl.org/dc/terms/relation> <https://x.example/a> .\n`;
    expect(await ours(nt, "ntriples")).toEqual(await plain(nt, "ntriples"));
  });

  it("leaves out the triples whose subject or object is an RDF 1.2 triple term (nothing DCAT reads), and keeps the rest", async () => {
    const text = `@prefix ex: <https://x.example/> .
ex:a ex:p <<( ex:s ex:p ex:o )>> ; ex:q "kept" .
ex:b ex:r ex:c {| ex:since "2020" |} .
`;
    const graph = await ours(text, "turtle");
    expect(graph).toEqual([
      '_:b0 https://x.example/since ["2020","",""]',
      'https://x.example/a https://x.example/q ["kept","",""]',
      "https://x.example/b https://x.example/r https://x.example/c",
    ]);
  });

  it("reads an empty document as no triples, and refuses a truncated or malformed one", async () => {
    expect(await ours("", "turtle")).toEqual([]);
    expect(await ours("# only a comment\n", "turtle")).toEqual([]);
    await expect(ours(TURTLE.slice(0, TURTLE.indexOf("dct:issued")), "turtle")).rejects.toThrow(/not valid Turtle/);
    await expect(ours("<https://x.example/a> <https://x.example/p> .", "turtle")).rejects.toThrow(FeedError);
    await expect(ours("<https://x.example/a> <https://x.example/p> undefined:x .", "turtle")).rejects.toThrow(/not valid Turtle/);
  });
});
