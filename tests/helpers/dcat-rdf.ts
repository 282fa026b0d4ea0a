import { Parser, Store } from "n3";
import jsonld from "jsonld";
import { RdfXmlParser } from "rdfxml-streaming-parser";
import type { Quad } from "@rdfjs/types";
import type { RdfFormat } from "@/lib/dcat/content-types";

/** Parse any of the four feed formats into a duplicate-free list of quads (default graph). */
export async function parseRdf(text: string, format: RdfFormat): Promise<Quad[]> {
  let quads: Quad[];
  switch (format) {
    case "ttl":
      quads = new Parser({ format: "text/turtle" }).parse(text);
      break;
    case "nt":
      quads = new Parser({ format: "N-Triples" }).parse(text);
      break;
    case "rdf":
      quads = await new Promise<Quad[]>((resolve, reject) => {
        const out: Quad[] = [];
        const parser = new RdfXmlParser();
        parser.on("data", (q: Quad) => out.push(q));
        parser.on("error", reject);
        parser.on("end", () => resolve(out));
        parser.write(text);
        parser.end();
      });
      break;
    case "jsonld": {
      // jsonld.js with no document loader: an answer that needed a remote context would fail here.
      const nquads = (await jsonld.toRDF(JSON.parse(text) as object, {
        format: "application/n-quads",
        documentLoader: (url: string) => Promise.reject(new Error(`remote context ${url} not allowed`)),
      } as jsonld.Options.ToRdf)) as unknown as string;
      quads = new Parser({ format: "N-Quads" }).parse(nquads);
      break;
    }
  }
  return new Store(quads).getQuads(null, null, null, null);
}

export const RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
export const DCAT = "http://www.w3.org/ns/dcat#";

/** Subjects typed with `type`. */
export function subjectsOfType(quads: readonly Quad[], type: string): string[] {
  return quads.filter((q) => q.predicate.value === RDF_TYPE && q.object.value === type).map((q) => q.subject.value);
}

export function objectsOf(quads: readonly Quad[], subject: string, predicate: string): string[] {
  return quads.filter((q) => q.subject.value === subject && q.predicate.value === predicate).map((q) => q.object.value);
}
