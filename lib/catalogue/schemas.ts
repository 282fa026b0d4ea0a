import { z } from "zod";
import { PUBLICATION_STATES } from "@/db/schema/states";
import {
  accessRightsCodeSchema,
  distributionStatusCodeSchema,
  fileTypeCodeSchema,
  frequencyCodeSchema,
  languageCodeSchema,
  licenceUriSchema,
  mediaTypeSchema,
  themeCodeSchema,
} from "@/lib/vocabularies";
import { SLUG_PATTERN } from "./slug";

/**
 * The registration shape of a dataset: one schema shared by the staff form, the JSON API, the CSV
 * importer, the harvester and the demo seed. Field names follow the read shape of /api/datasets.
 * Unknown fields are refused (the API answers 422), so a typo never silently loses data.
 */

const text = (max: number) => z.string().trim().min(1, "Must not be empty").max(max, `At most ${max} characters`);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters`)
    .transform((v) => (v === "" ? undefined : v))
    .optional();

/** A text in nb (required), nn and en (optional). */
const requiredLangText = (max: number) =>
  z.strictObject({ nb: text(max), nn: optionalText(max), en: optionalText(max) });

/** A text in any of nb, nn and en, all optional. */
const optionalLangText = (max: number) =>
  z.strictObject({ nb: optionalText(max), nn: optionalText(max), en: optionalText(max) });

export const httpUrlSchema = z
  .url({ protocol: /^https?$/, error: "Must be an http(s) URL" })
  .max(2000, "At most 2000 characters");

/** ISO 8601 date (2024-05-01) or date-time with zone (2024-05-01T12:00:00Z). */
export const isoDateSchema = z.union(
  [z.iso.date(), z.iso.datetime({ offset: true })],
  { error: "Must be an ISO 8601 date (YYYY-MM-DD) or date-time" },
);

const keywordList = z
  .array(z.string().trim().min(1).max(100, "At most 100 characters per keyword"))
  .max(50, "At most 50 keywords per language")
  .transform(dedupeCaseInsensitive);

export const keywordsSchema = z
  .strictObject({ nb: keywordList.optional(), nn: keywordList.optional(), en: keywordList.optional() })
  .default({});

export const contactPointSchema = z
  .strictObject({
    name: text(200),
    email: z.email("Must be an e-mail address").max(320).optional(),
    url: httpUrlSchema.optional(),
  })
  .refine((c) => c.email !== undefined || c.url !== undefined, {
    message: "Give an e-mail address or a web address for the contact point",
    path: ["email"],
  });

const WKT_POLYGON = /^\s*POLYGON\s*\(\(\s*-?\d+(\.\d+)?\s+-?\d+(\.\d+)?(\s*,\s*-?\d+(\.\d+)?\s+-?\d+(\.\d+)?){3,}\s*\)\)\s*$/i;

export const spatialSchema = z
  .strictObject({
    uri: httpUrlSchema.optional(),
    label: optionalText(200),
    bbox: z.string().regex(WKT_POLYGON, "Must be a WKT POLYGON((lon lat, …)) in CRS84").optional(),
  })
  .refine((s) => s.uri || s.label || s.bbox, { message: "Give a place name, a place URI or a bounding box" });

export const temporalSchema = z
  .strictObject({ start: isoDateSchema.optional(), end: isoDateSchema.optional() })
  .refine((t) => !t.start || !t.end || t.start.slice(0, 10) <= t.end.slice(0, 10), {
    message: "The start must not be after the end",
    path: ["end"],
  });

export const distributionInputSchema = z.strictObject({
  title: optionalLangText(300).optional(),
  description: optionalLangText(5000).optional(),
  accessURL: httpUrlSchema,
  downloadURL: httpUrlSchema.optional(),
  format: fileTypeCodeSchema.optional(),
  mediaType: mediaTypeSchema.optional(),
  license: licenceUriSchema.optional(),
  byteSize: z.number().int().nonnegative().optional(),
  status: distributionStatusCodeSchema.optional(),
  conformsTo: z.array(httpUrlSchema).max(20).optional(),
});

export const datasetInputSchema = z.strictObject({
  title: requiredLangText(300),
  description: requiredLangText(20000),
  keywords: keywordsSchema,
  publisher: z.string().regex(SLUG_PATTERN, "Must be a publisher slug"),
  themes: z
    .array(themeCodeSchema)
    .min(1, "Choose at least one theme")
    .transform((themes) => [...new Set(themes)]),
  accessRights: accessRightsCodeSchema,
  license: licenceUriSchema.optional(),
  accrualPeriodicity: frequencyCodeSchema.optional(),
  contactPoint: contactPointSchema.optional(),
  spatial: z.array(spatialSchema).max(20).default([]),
  temporal: temporalSchema.optional(),
  landingPage: httpUrlSchema.optional(),
  conformsTo: z.array(httpUrlSchema).max(20).default([]),
  languages: z.array(languageCodeSchema).max(10).default([]),
  spatialResolutionMeters: z.number().positive().optional(),
  issued: isoDateSchema.optional(),
  modified: isoDateSchema.optional(),
  distributions: z.array(distributionInputSchema).max(500).default([]),
  state: z.enum(PUBLICATION_STATES).default("draft"),
});

export type DatasetInput = z.infer<typeof datasetInputSchema>;
export type DatasetInputRaw = z.input<typeof datasetInputSchema>;
export type DistributionInput = z.infer<typeof distributionInputSchema>;

/**
 * Inputs known to be the output of `datasetInputSchema` (parsed here), so that a writer handed one
 * need not parse it again: a harvest validates each record while mapping it, and parsing it a
 * second time in `createDataset` was a fifth of a record's cost. Only objects this module parsed or
 * derived are in the set; anything else is parsed. Treat them as read-only.
 */
const validatedInputs = new WeakSet<object>();

/** `datasetInputSchema.safeParse`, remembering the parsed input as valid. */
export function parseDatasetInput(input: unknown): ReturnType<typeof datasetInputSchema.safeParse> {
  const parsed = datasetInputSchema.safeParse(input);
  if (parsed.success) validatedInputs.add(parsed.data);
  return parsed;
}

/** The parsed input when `input` is one this module parsed; undefined when it must be parsed. */
export function alreadyValidated(input: DatasetInputRaw | DatasetInput): DatasetInput | undefined {
  return validatedInputs.has(input) ? (input as DatasetInput) : undefined;
}

/**
 * Mark an input parsed by `parseDatasetInput` in another thread of this process (the harvest's
 * parse worker, lib/harvest/gather-in-worker.ts) and copied here as JSON, which keeps its plain
 * data exactly but for properties whose value was undefined (an optional field left out either
 * way): it is as valid as the original. Only for inputs from that worker.
 */
export function markParsedElsewhere(input: DatasetInput): DatasetInput {
  validatedInputs.add(input);
  return input;
}

/**
 * The JSON text of inputs that came as JSON (a harvest's records cross from its parse worker so):
 * exactly what JSON.stringify gives for them. A created dataset's revision snapshot is that text
 * (`jsonOf`), which was otherwise written a second time for every record (~10 µs).
 */
const inputJson = new WeakMap<object, string>();

/** Remember `json` as the text JSON.stringify gives for `input` (it was parsed from it, or made by it). */
export function rememberJson<T extends object>(input: T, json: string): T {
  inputJson.set(input, json);
  return input;
}

/** JSON.stringify(input), or the text remembered for it. */
export function jsonOf(input: object): string {
  return inputJson.get(input) ?? JSON.stringify(input);
}

/** A validated input with another publisher (a harvest resolves the publisher when it writes). */
export function withPublisher(input: DatasetInput, publisher: string): DatasetInput {
  const next = { ...input, publisher };
  if (validatedInputs.has(input) && SLUG_PATTERN.test(publisher)) validatedInputs.add(next);
  const json = inputJson.get(input);
  if (json !== undefined) {
    // The one "publisher" key of the text (no other object of an input has one, and a string value
    // cannot hold an unescaped quote), its value replaced: the text of `next`, whose keys keep their order.
    const from = `"publisher":${JSON.stringify(input.publisher)}`;
    const at = json.indexOf(from);
    if (at >= 0) inputJson.set(next, `${json.slice(0, at)}"publisher":${JSON.stringify(publisher)}${json.slice(at + from.length)}`);
  }
  return next;
}

function dedupeCaseInsensitive(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = v.toLocaleLowerCase("nb");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
