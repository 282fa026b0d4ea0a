/**
 * Lookup keys shared by the vocabularies: how free text and URLs are folded before matching,
 * and a small index builder that refuses two entries claiming the same key.
 */

/** Case- and accent-insensitive key: "Månedlig" → "manedlig", "JSON_LD" / "json-ld" → "json ld". */
export function foldKey(value: string): string {
  return value
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[\s_-]+/g, " ")
    .trim();
}

/** URL key that ignores case, scheme, `www.` and trailing slashes: "HTTPS://www.X.no/a/" → "x.no/a". */
export function urlKey(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, "")
    .replace(/^www\./, "")
    .replace(/\/+$/, "");
}

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
