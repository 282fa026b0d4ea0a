import type { Quad, Term } from "@rdfjs/types";
import { Writer } from "n3";
import { JsonLdSerializer } from "jsonld-streaming-serializer";
import createXmlScribe from "@graphy/content.xml.scribe";
import type { RdfFormat } from "./content-types";
import { isInterned, PREFIXES, TURTLE_PREFIXES } from "./namespaces";

/**
 * One streaming RDF writer per response, whatever the format: quads go in batch by batch, text
 * comes out as it is produced (`take`), so the full catalogue never sits in memory. Turtle and
 * N-Triples use n3's Writer, RDF/XML graphy's scribe, JSON-LD jsonld-streaming-serializer with the
 * context inlined (no remote contexts).
 */
export interface RdfWriter {
  write(quads: readonly Quad[]): void;
  /** The text written since the last call, in pieces (see `Chunks`). */
  take(): Promise<string[]>;
  /** Finish the document; the rest of the text, in pieces. */
  end(): Promise<string[]>;
}

/** The JSON-LD context of every JSON-LD answer: the prefixes, inline. */
export const JSONLD_CONTEXT: Record<string, string> = { ...PREFIXES };

/**
 * Characters per piece of text handed out. Kept well under V8's large-object size (128 KB; two bytes
 * a character at worst), so a piece, and the flat copy encoding it makes, is young-generation garbage:
 * larger pieces (a 500 KB batch of the dump) go straight to the old generation, whose growth then
 * made the server's peak RSS grow with the catalogue.
 */
const PIECE_CHARS = 32_768;

/**
 * Text pieces as one UTF-8 buffer (outside the JS heap), never joined into one large string first:
 * strings over V8's large-object size are allocated in the old generation.
 */
export function encodePieces(pieces: readonly string[]): Uint8Array {
  let bytes = 0;
  for (const piece of pieces) bytes += Buffer.byteLength(piece, "utf8");
  const out = Buffer.allocUnsafe(bytes);
  let offset = 0;
  for (const piece of pieces) offset += out.write(piece, offset, "utf8");
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

/** Text written since the last take, in pieces (V8 string ropes: appending is cheap). */
class Chunks {
  private text = "";
  private pieces: string[] = [];
  push(text: string): void {
    this.text += text;
    if (this.text.length >= PIECE_CHARS) {
      this.pieces.push(this.text);
      this.text = "";
    }
  }
  take(): string[] {
    const pieces = this.pieces;
    if (this.text) pieces.push(this.text);
    this.pieces = [];
    this.text = "";
    return pieces;
  }
}

/** n3's Writer with the per-term encoder it calls for every IRI (subjects, predicates, objects, datatypes). */
type EncodingWriter = Writer & { _encodeIriOrBlank(term: Term): string };

const ENCODINGS_KEPT = 16_384;

/**
 * Let an n3 Writer remember how it encodes shared terms (vocabulary classes and properties,
 * datatypes, concepts of the controlled vocabularies; see `isInterned`), which make up most of the
 * IRIs it writes: the text is still n3's own (its escaping and prefix matching, computed the
 * first time), only not recomputed for the same term object. Sound because the writer's encoding
 * depends on nothing but the term and the writer's options, which never change after creation
 * (no prefixes are added later, no base IRI).
 */
export function rememberSharedTermEncodings(writer: Writer): Writer {
  const w = writer as EncodingWriter;
  const encode = w._encodeIriOrBlank.bind(w);
  const encodings = new Map<Term, string>();
  w._encodeIriOrBlank = (term: Term) => {
    let text = encodings.get(term);
    if (text === undefined) {
      text = encode(term);
      if (encodings.size < ENCODINGS_KEPT && isInterned(term)) encodings.set(term, text);
    }
    return text;
  };
  return writer;
}

function n3Writer(format: "Turtle" | "N-Triples", { prefixBlock }: WriterOptions): RdfWriter {
  const chunks = new Chunks();
  const writer = rememberSharedTermEncodings(
    new Writer(
      { write: (text: string) => chunks.push(text), end: (done?: () => void) => done?.() } as unknown as NodeJS.WritableStream,
      format === "Turtle" ? { format, prefixes: { ...TURTLE_PREFIXES } } : { format },
    ),
  );
  // n3 writes the @prefix block as soon as it is given the prefixes; a fragment uses them without it.
  if (!prefixBlock) chunks.take();
  return {
    write: (quads) => {
      for (const q of quads) writer.addQuad(q);
    },
    take: async () => chunks.take(),
    end: () =>
      new Promise((resolve, reject) => writer.end((error) => (error ? reject(error) : resolve(chunks.take())))),
  };
}

type TransformLike = NodeJS.ReadWriteStream;

function transformWriter(stream: TransformLike): RdfWriter {
  const chunks = new Chunks();
  let failure: unknown;
  stream.on("data", (data: Buffer | string) => chunks.push(String(data)));
  stream.on("error", (error) => {
    failure = error;
  });
  const ended = new Promise<void>((resolve, reject) => {
    stream.on("end", resolve);
    stream.on("error", reject);
  });
  let pending: Promise<void> = Promise.resolve();
  return {
    write: (quads) => {
      if (quads.length === 0) return;
      quads.slice(0, -1).forEach((q) => stream.write(q as never));
      pending = new Promise((resolve) => stream.write(quads.at(-1) as never, () => resolve()));
    },
    take: async () => {
      await pending;
      await new Promise((resolve) => setImmediate(resolve));
      if (failure) throw failure;
      return chunks.take();
    },
    end: async () => {
      stream.end();
      await ended;
      return chunks.take();
    },
  };
}

export type WriterOptions = {
  /**
   * Turtle: write the @prefix block (default). Without it the text is a fragment that uses the
   * prefixes, to follow a document's head (see datasetFragment in catalog-document.ts).
   */
  prefixBlock?: boolean;
};

export function createRdfWriter(format: RdfFormat, { prefixBlock = true }: WriterOptions = {}): RdfWriter {
  switch (format) {
    case "ttl":
      return n3Writer("Turtle", { prefixBlock });
    case "nt":
      return n3Writer("N-Triples", { prefixBlock });
    case "rdf":
      return transformWriter(createXmlScribe({ prefixes: { ...PREFIXES } }));
    case "jsonld":
      return transformWriter(new JsonLdSerializer({ space: "  ", context: JSONLD_CONTEXT }) as unknown as TransformLike);
  }
}

/** A whole (small) graph as text: one dataset, one catalogue page. */
export async function serializeQuads(quads: readonly Quad[], format: RdfFormat): Promise<string> {
  const writer = createRdfWriter(format);
  writer.write(quads);
  return [...(await writer.take()), ...(await writer.end())].join("");
}
