/**
 * Lookup keys shared by the vocabularies: how free text and URLs are folded before matching,
 * and a small index builder that refuses two entries claiming the same key.
 */

/**
 * A function of one string, remembering its last few thousand answers. For the readers of
 * vocabulary values, which a harvest calls for every dataset and distribution with the same few
 * values (formats, licences, frequencies): their Unicode folding and regular expressions were a
 * tenth of a record's mapping. Only for pure functions whose answers are not changed by callers.
 */
export function memoized<R>(fn: (value: string) => R, max = 4096): (value: string) => R {
  let answers = new Map<string, R>();
  return (value) => {
    const known = answers.get(value);
    if (known !== undefined || answers.has(value)) return known as R;
    const answer = fn(value);
    if (answers.size >= max) answers = new Map();
    answers.set(value, answer);
    return answer;
  };
}

/** Case- and accent-insensitive key: "Månedlig" → "manedlig", "JSON_LD" / "json-ld" → "json ld". */
export const foldKey = memoized((value: string): string =>
  value
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[\s_-]+/g, " ")
    .trim(),
);

/** URL key that ignores case, scheme, `www.` and trailing slashes: "HTTPS://www.X.no/a/" → "x.no/a". */
export const urlKey = memoized((value: string): string =>
  value
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, "")
    .replace(/^www\./, "")
    .replace(/\/+$/, ""),
);

/**
 * Builds a key → entry map. Two different entries with the same key is a data error, so it throws:
 * a bad edit to a vocabulary then fails at import time (and in the unit tests), not silently at runtime.
 */
export function createIndex<T extends { code: string }>(
  name: string,
  entries: readonly T[],
  keysOf: (entry: T) => readonly string[],
  fold: (key: string) => string,
): ReadonlyMap<string, T> {
  const index = new Map<string, T>();
  for (const entry of entries) {
    for (const raw of keysOf(entry)) {
      const key = fold(raw);
      if (key === "") continue;
      const existing = index.get(key);
      if (existing && existing.code !== entry.code) {
        throw new Error(`${name}: "${raw}" matches both ${existing.code} and ${entry.code}`);
      }
      index.set(key, entry);
    }
  }
  return index;
}
