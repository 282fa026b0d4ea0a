/** The RDF serialisations the feeds speak: file extension → media type (ckanext-dcat's CONTENT_TYPES). */
export const CONTENT_TYPES = {
  ttl: "text/turtle",
  rdf: "application/rdf+xml",
  jsonld: "application/ld+json",
  nt: "application/n-triples",
} as const;

export type RdfFormat = keyof typeof CONTENT_TYPES;
export const RDF_FORMATS = Object.keys(CONTENT_TYPES) as RdfFormat[];

/** What error answers list: `.ttl (text/turtle)`, … */
export const FORMAT_LIST = RDF_FORMATS.map((f) => ({ extension: `.${f}`, mediaType: CONTENT_TYPES[f] }));

export function formatFromExtension(extension: string): RdfFormat | undefined {
  const ext = extension.replace(/^\./, "").toLowerCase();
  return (RDF_FORMATS as string[]).includes(ext) ? (ext as RdfFormat) : undefined;
}

/** The Content-Type header of a response in `format`. */
export function contentTypeOf(format: RdfFormat): string {
  return `${CONTENT_TYPES[format]}; charset=utf-8`;
}

const BY_TYPE = new Map<string, RdfFormat>([
  ...RDF_FORMATS.map((f): [string, RdfFormat] => [CONTENT_TYPES[f], f]),
  ["application/x-turtle", "ttl"],
  ["application/xml", "rdf"],
  ["text/xml", "rdf"],
  ["application/json", "jsonld"],
  ["text/plain", "nt"],
  ["text/*", "ttl"],
  ["application/*", "rdf"],
  ["*/*", "ttl"],
]);

/**
 * The format to answer an `Accept` header with: the acceptable type with the highest q (the first
 * listed on a tie), Turtle when there is no header. Undefined when nothing offered is acceptable (406).
 */
export function negotiateFormat(accept: string | null | undefined): RdfFormat | undefined {
  if (!accept || accept.trim() === "") return "ttl";
  const candidates = accept
    .split(",")
    .map((part, index) => {
      const [type = "", ...params] = part.trim().toLowerCase().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number(q.slice(2)) : 1;
      return { type: type.trim(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((c) => c.quality > 0 && BY_TYPE.has(c.type))
    .sort((a, b) => b.quality - a.quality || specificity(b.type) - specificity(a.type) || a.index - b.index);
  return candidates[0] ? BY_TYPE.get(candidates[0].type) : undefined;
}

function specificity(type: string): number {
  return type === "*/*" ? 0 : type.endsWith("/*") ? 1 : 2;
}

/**
 * For a dataset URI (`/datasets/<slug>`, also its HTML page): the RDF format when the client asks
 * for RDF by name and not for HTML (a linked-data client dereferencing the URI); undefined for
 * browsers, which list text/html.
 */
export function rdfFormatForUri(accept: string | null | undefined): RdfFormat | undefined {
  if (!accept || /text\/html|application\/xhtml\+xml/i.test(accept)) return undefined;
  const named = accept
    .split(",")
    .map((part) => part.split(";")[0]!.trim().toLowerCase())
    .some((type) => RDF_FORMATS.some((f) => CONTENT_TYPES[f] === type) || type === "application/x-turtle");
  return named ? negotiateFormat(accept) : undefined;
}
