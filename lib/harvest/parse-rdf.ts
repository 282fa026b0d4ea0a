import type { Parser as N3Parser } from "n3";
import type { IActiveTag, RdfXmlParser } from "rdfxml-streaming-parser";
import { PREFIXES } from "@/lib/dcat/prefixes";
import { FeedError, readText } from "./fetch-feed";
import { RDF_TYPE, type IndexQuad, type TripleIndex } from "./rdf-index";

/**
 * Parsing a DCAT feed into the triple index, whatever the serialisation: Turtle, TriG, N-Triples
 * and N-Quads with n3, RDF/XML with rdfxml-streaming-parser (both streamed as the bytes arrive),
 * JSON-LD (named graphs included) with jsonld, remote contexts refused. The format comes from the
 * Content-Type, or from the first bytes when the server sends a generic type.
 */

export type RdfSyntax = "turtle" | "trig" | "ntriples" | "nquads" | "rdfxml" | "jsonld";
export type FeedFormat = RdfSyntax | "dcat-us" | "ckan";

const BY_CONTENT_TYPE: Record<string, RdfSyntax> = {
  "text/turtle": "turtle",
  "application/x-turtle": "turtle",
  "text/n3": "turtle",
  "application/trig": "trig",
  "application/n-triples": "ntriples",
  "application/n-quads": "nquads",
  "application/rdf+xml": "rdfxml",
  "application/ld+json": "jsonld",
};

const BY_EXTENSION: Record<string, RdfSyntax> = {
  ttl: "turtle",
  n3: "turtle",
  trig: "trig",
  nt: "ntriples",
  nq: "nquads",
  rdf: "rdfxml",
  owl: "rdfxml",
  xml: "rdfxml",
  jsonld: "jsonld",
};

/** The syntax from the start of the document (after a BOM and white space). */
export function sniffSyntax(head: string): RdfSyntax | "json" | undefined {
  const text = head.replace(/^\uFEFF/, "").trimStart();
  if (text.startsWith("<?xml") || /^<(rdf:RDF|RDF)\b/.test(text) || /^<!--/.test(text) || /^<!DOCTYPE/i.test(text)) return "rdfxml";
  if (text.startsWith("{") || text.startsWith("[")) return "json";
  if (/^(@prefix|@base|PREFIX|BASE)\b/i.test(text)) return "turtle";
  if (/^(<[^>]*>|_:\S+)\s+<[^>]*>\s+/.test(text)) return "turtle";
  if (/^#/.test(text)) return "turtle";
  return undefined;
}

/** Decide the syntax: a specific RDF Content-Type wins, then the first bytes, then the extension. */
export function detectSyntax(contentType: string, head: string, url: string): RdfSyntax | "json" | undefined {
  const fromType = BY_CONTENT_TYPE[contentType];
  if (fromType) return fromType;
  const sniffed = sniffSyntax(head);
  if (sniffed) return sniffed;
  if (contentType === "application/json") return "json";
  const extension = /\.([a-z0-9]+)(?:[?#].*)?$/i.exec(url)?.[1]?.toLowerCase();
  return extension ? BY_EXTENSION[extension] : undefined;
}

/** Peek at the first bytes of a stream without losing them. */
export async function peek(chunks: AsyncIterable<Buffer>, bytes = 4096): Promise<{ head: string; chunks: AsyncIterable<Buffer> }> {
  const iterator = chunks[Symbol.asyncIterator]();
  const taken: Buffer[] = [];
  let size = 0;
  let done = false;
  while (size < bytes) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    taken.push(next.value);
    size += next.value.length;
  }
  const head = Buffer.concat(taken).subarray(0, bytes).toString("utf8");
  async function* rest(): AsyncGenerator<Buffer> {
    yield* taken;
    if (done) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { head, chunks: rest() };
}

/**
 * rdfxml-streaming-parser with its IRI resolution made cheaper, same quads. The parser resolves
 * every IRI against the base with relative-to-absolute-iri, which walks an absolute IRI's path
 * character by character to remove dot segments: a fifth of its time on a 20,000-dataset feed. An
 * absolute IRI with no "/." in it (and not starting with "?" or "#", which are relative) has no
 * dot segment to remove: resolving it gives it back unchanged, so it skips the resolution. It is
 * still validated by the parser; everything else goes through the parser's own code.
 * An IRI the term factory already has a term for was validated when it was first read: its term is
 * given without validating it again (the validation's regular expression was a sixth of the
 * parse). (Remembering validated IRIs in a set of their own was slower, and kept more memory.)
 */
type NamedNode = ReturnType<RdfXmlParser["uriToNamedNode"]>;
type SaxesTag = Parameters<RdfXmlParser["onTagProperty"]>[0];
type QuadSink = (q: IndexQuad) => void;

/**
 * The parsers' packages are loaded when a feed of their syntax comes, not with the parse worker:
 * each was ~60 ms of its start (a job waits for that), and a job needs one of them.
 */
const rdfXmlFeedParser = once(async () => {
  const { RdfXmlParser } = await import("rdfxml-streaming-parser");
  return class RdfXmlFeedParser extends RdfXmlParser {
    constructor(
      options: ConstructorParameters<typeof RdfXmlParser>[0],
      private readonly knownIri: (value: string) => NamedNode | undefined,
      private readonly knownName: (namespace: string, local: string) => NamedNode | undefined,
      private readonly onQuad: QuadSink,
    ) {
      super(options);
      const tokenizer = (this as unknown as { saxParser: SaxesInternals }).saxParser;
      if (typeof tokenizer.processAttribsNS === "function" && tokenizer.processAttribs === tokenizer.processAttribsNS) {
        tokenizer.processAttribsNS = tokenizer.processAttribs = processAttributesNS;
      }
      // (Only over the step it was written for: the table's entries for both states it knows are saxes's own.)
      const table: unknown = tokenizer.stateTable;
      if (
        Array.isArray(table) &&
        table[S_ATTRIB_VALUE_QUOTED] === tokenizer.sAttribValueQuoted &&
        table[S_ATTRIB_VALUE_CLOSED] === tokenizer.sAttribValueClosed &&
        typeof tokenizer.getCode10 === "function"
      ) {
        table[S_ATTRIB_VALUE_QUOTED] = quotedAttributeValue(tokenizer.sAttribValueQuoted, tokenizer.getCode10);
      }
    }

    /** The property element being read, until its predicate's IRI is asked for (see `uriToNamedNode`). */
    private property: { uri: string; local: string } | undefined;

    /**
     * A property element's predicate is its namespace's IRI and local name joined: the parser's first
     * IRI for it (rdfxml-streaming-parser 3.3, pinned; rdf:li aside). Found by the two parts (like a
     * Turtle prefixed name) it is not joined into a new string to hash and compare, which was most
     * of the lookups' cost (a triple each).
     */
    override onTagProperty(tag: SaxesTag, activeTag: IActiveTag, parentTag: IActiveTag): void {
      parentTag.namespaces = undefined; // (see onTagResource)
      this.property = tag.uri === PREFIXES.rdf && tag.local === "li" ? undefined : tag;
      try {
        super.onTagProperty(tag as never, activeTag, parentTag);
      } finally {
        this.property = undefined;
      }
    }

    /**
     * The parser gives each element's active tag a copy of its parent's namespace declarations (the
     * root's dozen prefixes), which it reads only to write them into XML literals when asked to
     * (`includeXmlNamespacesInLiterals`, which this parser is never given): a new array for every
     * element of the document. It copies the parent's list when the parent has one, right after
     * `onTagResource` or `onTagProperty`, so these drop the parent's list first.
     */
    override onTagResource(tag: SaxesTag, activeTag: IActiveTag, parentTag: IActiveTag, rootTag: boolean): void {
      if (parentTag) parentTag.namespaces = undefined;
      super.onTagResource(tag as never, activeTag, parentTag, rootTag);
    }

    /**
     * The parser hands each triple to its stream (`push`), whose per-object machinery (buffering,
     * a "data" event) was a tenth of the parse: each goes to `onQuad` at once instead, in the same
     * order. (The parser is not used as a stream, whose end would come here as null:
     * parseRdfXmlInto hands it the text itself and closes its tokenizer.)
     */
    override push(chunk: unknown): boolean {
      this.onQuad(chunk as IndexQuad);
      return true;
    }

    override uriToNamedNode(uri: string): NamedNode {
      const property = this.property;
      if (property !== undefined) {
        this.property = undefined;
        // (The length of the joined string is known without reading it.)
        if (uri.length === property.uri.length + property.local.length) {
          const known = this.knownName(property.uri, property.local);
          if (known !== undefined) return known;
        }
      }
      return this.knownIri(uri) ?? super.uriToNamedNode(uri);
    }

    override valueToUri(value: string, activeTag: IActiveTag): NamedNode {
      const colon = value.indexOf(":");
      // "?…" and "#…" are relative to the base even when a colon follows.
      if (colon > 0 && value[0] !== "?" && value[0] !== "#" && !value.includes("/.")) {
        const slash = value.indexOf("/");
        if (slash < 0 || colon < slash) return this.uriToNamedNode(value);
      }
      return super.valueToUri(value, activeTag);
    }
  };
});

type SaxesAttribute = { name: string; prefix: string; local: string; value: string; uri?: string };
type SaxesInternals = {
  stateTable: (() => void)[];
  sAttribValueQuoted: () => void;
  sAttribValueClosed: () => void;
  getCode: () => number;
  getCode10: () => number;
  chunk: string;
  i: number;
  prevI: number;
  column: number;
  q: number | null;
  name: string;
  text: string;
  state: number;
  pushAttrib(name: string, value: string): void;
  tag: { name: string; prefix?: string; local?: string; uri?: string; attributes: Record<string, SaxesAttribute> };
  attribList: SaxesAttribute[];
  qname(name: string): { prefix: string; local: string };
  resolve(prefix: string): string | undefined;
  fail(message: string): unknown;
  processAttribs: () => void;
  processAttribsNS: () => void;
};

/** What an element's attributes inherit: nothing (so that any attribute name is an own property of its own). */
const NO_ATTRIBUTES: object = Object.freeze(Object.create(null));
const XMLNS_NAMESPACE = "http://www.w3.org/2000/xmlns/";
/** Up to this many attributes an element's are compared with each other for duplicates; more go through a set. */
const PAIRWISE_ATTRIBUTES = 8;

/**
 * The XML tokenizer's (saxes 6.0, pinned through rdfxml-streaming-parser) `processAttribsNS`, which
 * resolves an element's namespace and its attributes' once the element's start tag is read, with
 * the same results and errors but two costs less:
 * - The tokenizer keeps an element's attributes in an object without a prototype
 *   (`Object.create(null)`), which V8 makes a hash table: the parser walks each element's
 *   attributes two or three times (`for…in`), and walking a hash table is ~6× slower than walking
 *   an ordinary object (a microbenchmark of such elements: 540-620 against 80-95 ms a million).
 *   Here they are an ordinary object whose prototype has no properties and no prototype of its
 *   own: any attribute name (even "__proto__") is an own property, as before, and nothing is
 *   inherited.
 * - Duplicate attributes were found by building each attribute's expanded name as a string and
 *   looking it up in a new set for every element: half the function's time on the benchmark's
 *   feed. An element's few attributes are compared with each other instead (same namespace and
 *   local name, or the same name without a prefix: exactly when the expanded names are equal,
 *   since neither a local name nor an unprefixed name can hold "{" or "}"); a set only past
 *   PAIRWISE_ATTRIBUTES.
 */
function processAttributesNS(this: SaxesInternals): void {
  const { attribList, tag } = this;
  const { prefix: tagPrefix, local: tagLocal } = this.qname(tag.name);
  tag.prefix = tagPrefix;
  tag.local = tagLocal;
  const tagUri = (tag.uri = this.resolve(tagPrefix) ?? "");
  if (tagPrefix !== "") {
    if (tagPrefix === "xmlns") this.fail('tags may not have "xmlns" as prefix.');
    if (tagUri === "") {
      this.fail(`unbound namespace prefix: ${JSON.stringify(tagPrefix)}.`);
      tag.uri = tagPrefix;
    }
  }
  const attributes = Object.create(NO_ATTRIBUTES) as Record<string, SaxesAttribute>;
  tag.attributes = attributes;
  if (attribList.length === 0) return;
  const seen = attribList.length > PAIRWISE_ATTRIBUTES ? new Set<string>() : undefined;
  for (let i = 0; i < attribList.length; i++) {
    const attr = attribList[i]!;
    const { name, prefix, local } = attr;
    let uri: string | undefined;
    if (prefix === "") {
      uri = name === "xmlns" ? XMLNS_NAMESPACE : "";
    } else {
      uri = this.resolve(prefix);
      if (uri === undefined) {
        this.fail(`unbound namespace prefix: ${JSON.stringify(prefix)}.`);
        uri = prefix;
      }
    }
    if (seen) {
      const key = expandedName(attr, uri);
      if (seen.has(key)) this.fail(`duplicate attribute: ${key}.`);
      seen.add(key);
    } else {
      for (let j = 0; j < i; j++) {
        const other = attribList[j]!;
        if (prefix === "" ? other.prefix === "" && other.name === name : other.prefix !== "" && other.uri === uri && other.local === local) {
          this.fail(`duplicate attribute: ${expandedName(attr, uri)}.`);
          break;
        }
      }
    }
    attr.uri = uri;
    attributes[name] = attr;
  }
  this.attribList = [];
}

/** saxes's state numbers: in a quoted attribute value, and after its closing quote. */
const S_ATTRIB_VALUE_QUOTED = 40;
const S_ATTRIB_VALUE_CLOSED = 41;
/**
 * The run of characters an attribute value in double (or single) quotes has before anything the
 * tokenizer's loop does more with than step over: its quote, "&", "<", a tab, a line end or
 * another control character, a surrogate (half of a character beyond the BMP), U+FFFE or U+FFFF.
 */
const quotedRun = (quote: string) => new RegExp(`[^${quote}&<\\u0000-\\u001f\\ud800-\\udfff\\ufffe\\uffff]*`, "y");
const DOUBLE_QUOTED_RUN = quotedRun('"');
const SINGLE_QUOTED_RUN = quotedRun("'");

/**
 * The tokenizer's step for a quoted attribute value (saxes 6.0 `sAttribValueQuoted`), which reads
 * the value a character at a time (`getCode`: position, line and column kept for each): a value
 * that ends with its quote in this chunk, with nothing in it but characters the loop only steps
 * over, is found at once, and the tokenizer left as its loop leaves it (past the quote, the
 * column moved by as many characters, the attribute pushed). Anything else (an entity, a line end,
 * a value going on in the next chunk, XML 1.1's other characters) goes through saxes's own step
 * from the same place. Attribute values are most of an RDF/XML feed's text (rdf:about,
 * rdf:resource), and the same graphs, errors and error positions are tested
 * (harvest-parse-rdf.test.ts).
 */
function quotedAttributeValue(stock: () => void, getCode10: () => number) {
  return function (this: SaxesInternals): void {
    const { chunk, i, q } = this;
    if (this.getCode !== getCode10) return stock.call(this);
    const run = q === 0x22 ? DOUBLE_QUOTED_RUN : SINGLE_QUOTED_RUN;
    run.lastIndex = i;
    run.test(chunk);
    const end = run.lastIndex;
    if (chunk.charCodeAt(end) !== q) return stock.call(this);
    this.prevI = end;
    this.i = end + 1;
    this.column += end + 1 - i;
    this.pushAttrib(this.name, this.text + chunk.slice(i, end));
    this.name = this.text = "";
    this.q = null;
    this.state = S_ATTRIB_VALUE_CLOSED;
  };
}

/** An attribute's name as saxes reports duplicates: the name itself without a prefix, else `{namespace}local`. */
const expandedName = ({ prefix, name, local }: SaxesAttribute, uri: string): string => (prefix === "" ? name : `{${uri}}${local}`);

/**
 * n3's parser with prefixed names made cheaper, same quads. For every prefixed name (dct:title)
 * n3 joins its prefix's IRI and its local name into a new string, which the term factory then had
 * to flatten and hash whole to find the IRI's one term: most IRIs of a Turtle feed are written so.
 * Here the term is found by the prefix's IRI (one string per prefix, its hash computed once) and
 * the local name. This overrides n3's `_readEntity` for prefixed names only, which n3 2.13
 * (pinned) has; without it, the parser is n3's own.
 */
type N3Token = { type: string; prefix: string; value: string };
type N3Internals = { _readEntity?: (token: N3Token, quantifier?: boolean) => unknown; _prefixes: Record<string, string | undefined> };

const turtleFeedParser = once(async () => {
  const { Parser } = await import("n3");
  const n3ReadEntity = (Parser.prototype as unknown as N3Internals)._readEntity;
  return class TurtleFeedParser extends Parser {
    constructor(
      options: ConstructorParameters<typeof Parser>[0],
      private readonly prefixedName: (namespace: string, local: string) => unknown,
    ) {
      super(options);
      if (n3ReadEntity) (this as unknown as N3Internals)._readEntity = this.readEntity;
    }

    private readonly readEntity = (token: N3Token, quantifier?: boolean): unknown => {
      if (token.type === "prefixed" || token.type === "type") {
        const namespace = (this as unknown as N3Internals)._prefixes[token.prefix];
        if (namespace !== undefined) return this.prefixedName(namespace, token.value);
      }
      return n3ReadEntity!.call(this, token, quantifier);
    };
  };
});

/** The value of `make`, made the first time it is asked for. */
function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => (made ??= make());
}

type RdfXmlInternals = {
  _transform: (chunk: string, encoding: BufferEncoding, callback: (error?: Error | null) => void) => void;
  saxParser: { close: () => unknown };
};

/**
 * RDF/XML, chunk by chunk through the parser's own transform (it hands its triples on itself:
 * RdfXmlFeedParser), as text, then the end of the document. Decoded here with a streaming
 * TextDecoder (characters split between chunks included): the parser's XML tokenizer decoded each
 * chunk with Buffer#toString, twice as slow on the benchmark's feed (0.42 against 0.23 s for its
 * 150 MB). The parser, a Node stream, never tells its XML tokenizer that the document has ended:
 * a document cut short (an element left open) parsed as far as it went. Here the tokenizer is
 * closed, and refuses it.
 */
async function parseRdfXmlInto(parser: RdfXmlParser, chunks: AsyncIterable<Buffer>): Promise<void> {
  const internals = parser as unknown as RdfXmlInternals;
  let failure: unknown;
  // The tokenizer's errors come as the parser's "error" events, the parser's own thrown from its transform.
  parser.on("error", (error: unknown) => (failure ??= error));
  const fail = (error?: Error | null) => {
    if (error) failure ??= error;
  };
  const decoder = new TextDecoder("utf-8");
  const give = (text: string) => {
    if (text.length > 0) internals._transform(text, "utf8", fail);
    if (failure) throw failure;
  };
  for await (const chunk of chunks) give(decoder.decode(chunk, { stream: true }));
  give(decoder.decode());
  try {
    internals.saxParser.close();
  } catch (error) {
    failure ??= error;
  }
  if (failure) throw failure;
}

const LF = 0x0a;

/**
 * Turtle, TriG, N-Triples or N-Quads, chunk by chunk through n3's parser itself (it decodes the
 * bytes, characters split between chunks included), each triple handed to `onQuad` as it is read:
 * n3's stream wrapper would only add a stream event per triple.
 *
 * The parser is handed whole lines: each chunk up to its last line end, the rest with the next
 * chunk (a chunk without a line end as it comes). n3's lexer reads a character past the end of its
 * input wherever a chunk ends mid-token (in a prefixed name, an IRI, white space: `charCodeAt` out
 * of bounds), and each new place where that happens throws its optimised code away (a
 * deoptimisation), which V8 then compiles again, ~55 ms each on the other core. Over two parses of
 * the benchmark's 20,000-dataset feed in one process: 16-18 compiles of the lexer with the file's
 * own chunks, 6-8 with whole lines, and the parse 7% less CPU (3.7-3.8 s against 4.0-4.2 s, three
 * alternating pairs). The bytes given are the same, in the same order (n3 decodes them with a
 * streaming decoder, wherever they are cut).
 */
async function parseN3Into(parser: N3Parser, chunks: AsyncIterable<Buffer>, onQuad: QuadSink): Promise<void> {
  let onData: ((chunk: Buffer) => void) | undefined;
  let onEnd: (() => void) | undefined;
  let failure: unknown;
  const source = {
    on(event: string, listener: () => void) {
      if (event === "data") onData = listener as typeof onData;
      else if (event === "end") onEnd = listener;
    },
  };
  parser.parse(source as never, {
    onQuad: (error: Error | null, quad: IndexQuad | null) => {
      // (null, null) marks the end of the document.
      if (error) failure ??= error;
      else if (quad) onQuad(quad);
    },
  } as never);
  const give = (bytes: Buffer) => {
    onData!(bytes);
    if (failure) throw failure;
  };
  // The bytes after a chunk's last line end, held back to go with the next chunk.
  let rest: Buffer | undefined;
  for await (const chunk of chunks) {
    const lineEnd = chunk.lastIndexOf(LF);
    if (lineEnd < 0) {
      // No line end (a very long line): as it comes.
      if (rest !== undefined) give(rest);
      rest = undefined;
      give(chunk);
      continue;
    }
    const lines = chunk.subarray(0, lineEnd + 1);
    give(rest === undefined ? lines : Buffer.concat([rest, lines]));
    rest = lineEnd + 1 < chunk.length ? chunk.subarray(lineEnd + 1) : undefined;
  }
  if (rest !== undefined) give(rest);
  // A document cut short fails here (n3 reads what is left as the end of the document).
  onEnd!();
  if (failure) throw failure;
}

/** The chunks, with `then` called each time the next one is asked for (the last one has been taken in). */
async function* afterEachChunk(chunks: AsyncIterable<Buffer>, then: () => void): AsyncGenerator<Buffer> {
  for await (const chunk of chunks) {
    yield chunk;
    then();
  }
}

const HYDRA = PREFIXES.hydra;
const PAGE_TYPES = new Set([`${HYDRA}PagedCollection`, `${HYDRA}PartialCollectionView`]);
const NEXT = [`${HYDRA}next`, `${HYDRA}nextPage`];

export type ParsedPage = { syntax: RdfSyntax; triples: number; nextPage?: string };

/**
 * Parse one document (a page) into `index`. Blank nodes get `blankPrefix` so that pages never share
 * them. Returns the Hydra next page stated by this page, if any (hydra:next, else hydra:nextPage).
 */
export async function parseRdfInto(
  index: TripleIndex,
  {
    syntax,
    chunks: source,
    baseIri,
    blankPrefix,
    onChunk,
  }: {
    syntax: RdfSyntax;
    chunks: AsyncIterable<Buffer>;
    baseIri: string;
    blankPrefix: string;
    /** Called as the parse goes, each time the parser asks for the next chunk of bytes (map-early.ts). */
    onChunk?: () => void;
  },
): Promise<ParsedPage> {
  // An error of `onChunk` ends the parse and is thrown as it is (it is not the feed's).
  let chunkError: { error: unknown } | undefined;
  const chunks = onChunk
    ? afterEachChunk(source, () => {
        try {
          onChunk();
        } catch (error) {
          chunkError = { error };
          throw error;
        }
      })
    : source;
  const before = index.triples;
  const pagingSubjects = new Set<string>();
  const nextCandidates: Array<{ subject: string; predicate: string; value: string }> = [];
  const factory = index.termFactory(blankPrefix);
  // The Hydra paging stated by the page, noted as its triples go by.
  const note = (q: { subject: { value: string }; predicate: { value: string }; object: { value: string } }) => {
    const p = q.predicate.value;
    if (p.startsWith(HYDRA)) {
      if (NEXT.includes(p)) nextCandidates.push({ subject: q.subject.value, predicate: p, value: q.object.value });
    } else if (p === RDF_TYPE && PAGE_TYPES.has(q.object.value)) {
      // Only a type can name a page (and hashing every literal to look it up cost a tenth of the parse).
      pagingSubjects.add(q.subject.value);
    }
  };
  const onQuad = (q: IndexQuad) => {
    index.addTerms(q);
    note(q);
  };
  try {
    if (syntax === "jsonld") {
      await parseJsonLd(await readText(chunks), baseIri, (q) => {
        index.addQuad(q.subject, q.predicate, q.object, blankPrefix);
        note(q);
      });
    } else if (syntax === "rdfxml") {
      const RdfXmlFeedParser = await rdfXmlFeedParser();
      const parser = new RdfXmlFeedParser({ baseIRI: baseIri, dataFactory: factory as never }, factory.knownIri as never, factory.knownName as never, onQuad);
      await parseRdfXmlInto(parser, chunks);
    } else {
      const format = { turtle: "text/turtle", trig: "application/trig", ntriples: "application/n-triples", nquads: "application/n-quads" }[syntax];
      // TriG is a superset of Turtle and N-Triples: a feed labelled Turtle that holds a named graph still parses.
      const TurtleFeedParser = await turtleFeedParser();
      const parser = new TurtleFeedParser({ format: syntax === "turtle" ? "application/trig" : format, baseIRI: baseIri, factory: factory as never }, factory.prefixedName);
      await parseN3Into(parser, chunks, onQuad);
    }
  } catch (error) {
    if (chunkError) throw chunkError.error;
    if (error instanceof FeedError) throw error;
    throw new FeedError(`The feed is not valid ${SYNTAX_NAMES[syntax]}: ${(error as Error).message}`, { cause: error });
  }
  const pick = (predicate: string) => nextCandidates.find((c) => c.predicate === predicate && pagingSubjects.has(c.subject))?.value;
  const next = pick(`${HYDRA}next`) ?? pick(`${HYDRA}nextPage`);
  return { syntax, triples: index.triples - before, nextPage: next ? new URL(next, baseIri).href : undefined };
}

export const SYNTAX_NAMES: Record<RdfSyntax, string> = {
  turtle: "Turtle",
  trig: "TriG",
  ntriples: "N-Triples",
  nquads: "N-Quads",
  rdfxml: "RDF/XML",
  jsonld: "JSON-LD",
};

/** JSON-LD to quads; any remote document (an @context URL) is refused: nothing is fetched. */
type JsonLdTerm = { termType: string; value: string; language?: string; datatype?: { value: string } };
type JsonLdQuad = { subject: JsonLdTerm; predicate: JsonLdTerm; object: JsonLdTerm };

async function parseJsonLd(text: string, baseIri: string, onQuad: (q: JsonLdQuad) => void): Promise<void> {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new FeedError(`The feed is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  const documentLoader = async (url: string) => {
    throw new FeedError(`The JSON-LD refers to the remote context ${url}; remote contexts are not fetched (inline the context)`);
  };
  // Loaded when a JSON-LD feed comes, not with the parse worker: it was 150 ms of every worker's start.
  const { default: jsonld } = await import("jsonld");
  let quads: unknown[];
  try {
    quads = (await jsonld.toRDF(document as never, { base: baseIri, documentLoader: documentLoader as never })) as unknown[];
  } catch (error) {
    const cause = (error as { details?: { cause?: unknown } }).details?.cause;
    if (cause instanceof FeedError) throw cause;
    throw error;
  }
  for (const q of quads) onQuad(q as JsonLdQuad);
}
