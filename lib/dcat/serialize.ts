import type { Quad } from "@rdfjs/types";
import { Writer } from "n3";
import { JsonLdSerializer } from "jsonld-streaming-serializer";
import createXmlScribe from "@graphy/content.xml.scribe";
import type { RdfFormat } from "./content-types";
import { PREFIXES } from "./namespaces";

/**
 * One streaming RDF writer per response, whatever the format: quads go in batch by batch, text
 * comes out as it is produced (`take`), so the full catalogue never sits in memory. Turtle and
 * N-Triples use n3's Writer, RDF/XML graphy's scribe, JSON-LD jsonld-streaming-serializer with the
 * context inlined (no remote contexts).
 */
export interface RdfWriter {
  write(quads: readonly Quad[]): void;
  /** The text written since the last call. */
  take(): Promise<string>;
  /** Finish the document; the rest of the text. */
  end(): Promise<string>;
}

/** The JSON-LD context of every JSON-LD answer: the prefixes, inline. */
export const JSONLD_CONTEXT: Record<string, string> = { ...PREFIXES };

/** Text written since the last take (V8 string ropes: appending is cheap, taking flattens once). */
class Chunks {
  private text = "";
  push(text: string): void {
    this.text += text;
  }
  take(): string {
    const text = this.text;
    this.text = "";
    return text;
  }
}

function n3Writer(format: "Turtle" | "N-Triples"): RdfWriter {
  const chunks = new Chunks();
  const writer = new Writer(
    { write: (text: string) => chunks.push(text), end: (done?: () => void) => done?.() } as unknown as NodeJS.WritableStream,
    format === "Turtle" ? { format, prefixes: { ...PREFIXES } } : { format },
  );
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

export function createRdfWriter(format: RdfFormat): RdfWriter {
  switch (format) {
    case "ttl":
      return n3Writer("Turtle");
    case "nt":
      return n3Writer("N-Triples");
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
  return (await writer.take()) + (await writer.end());
}
