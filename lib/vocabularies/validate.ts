import { z } from "zod";

import { LANGS, type Labels } from "./types";

/** All three labels present and non-blank. */
export const labelsSchema = z.object(
  Object.fromEntries(LANGS.map((lang) => [lang, z.string().trim().min(1)])) as Record<
    keyof Labels,
    z.ZodString
  >,
);

/** The fields every vocabulary entry has; each vocabulary extends it with its own. */
export const vocabularyEntrySchema = z.object({
  code: z.string().regex(/^[A-Z0-9_]+$/, "codes are upper case letters, digits and _"),
  uri: z.url().nullable(),
  label: labelsSchema,
});

type Entry = { code: string; uri: string | null };

/** A list of entries with unique codes and unique URIs. */
export function vocabularySchema<S extends z.ZodType<Entry>>(entry: S) {
  return z
    .array(entry)
    .min(1)
    .superRefine((entries, ctx) => {
      const codes = new Set<string>();
      const uris = new Set<string>();
      entries.forEach((e, i) => {
        if (codes.has(e.code)) ctx.addIssue({ code: "custom", path: [i, "code"], message: `duplicate code ${e.code}` });
        codes.add(e.code);
        if (e.uri === null) return;
        if (uris.has(e.uri)) ctx.addIssue({ code: "custom", path: [i, "uri"], message: `duplicate uri ${e.uri}` });
        uris.add(e.uri);
      });
    });
}

/** Validates a vocabulary once, at module load; throws with every problem listed. */
export function validateVocabulary<T extends Entry>(
  name: string,
  entries: readonly T[],
  entry: z.ZodType<Entry> = vocabularyEntrySchema,
): readonly T[] {
  const result = vocabularySchema(entry).safeParse(entries);
  if (!result.success) throw new Error(`Invalid vocabulary ${name}:\n${z.prettifyError(result.error)}`);
  return entries;
}

/** The keys of a data record as a typed list, for `z.enum`. */
export function codesOf<K extends string>(record: Record<K, unknown>): readonly K[] {
  return Object.keys(record) as K[];
}
