import { foldText } from "./fold";

/**
 * What a person typed, as search terms. Input is never passed through as FTS5 syntax: every term
 * becomes a quoted string, so operators, column filters and stray quotes are plain text.
 * "Quoted words" stay a phrase; the last bare word matches as a prefix while typing.
 */
export type ParsedQuery = { phrases: string[][]; words: string[]; prefixLast: boolean };

export function parseQuery(query: string): ParsedQuery {
  const phrasePattern = /"([^"]*)"/g;
  const phrases = [...query.matchAll(phrasePattern)]
    .map((m) => tokens(m[1] ?? ""))
    .filter((words) => words.length > 0);
  const rest = query.replace(phrasePattern, " ").replace(/"/g, " ");
  const words = tokens(rest);
  return { phrases, words, prefixLast: words.length > 0 && !/\s$/.test(rest) };
}

export type MatchOptions = {
  /** "all": every term must match (the default); "any": at least one (the partial-match fallback). */
  mode?: "all" | "any";
  /** Other spellings to accept for a word, e.g. typo corrections. */
  alternatives?: (word: string, isPrefix: boolean) => string[];
};

/** The FTS5 MATCH expression for a parsed query, or null when nothing searchable is left. */
export function toMatchExpression(parsed: ParsedQuery, { mode = "all", alternatives }: MatchOptions = {}): string | null {
  const parts = parsed.phrases.map((words) => `"${words.join(" ")}"`);
  parsed.words.forEach((word, i) => {
    const isPrefix = parsed.prefixLast && i === parsed.words.length - 1;
    const term = isPrefix ? `"${word}"*` : `"${word}"`;
    const others = alternatives?.(word, isPrefix) ?? [];
    parts.push(others.length > 0 ? `(${[term, ...others.map((o) => `"${o}"`)].join(" OR ")})` : term);
  });
  if (parts.length === 0) return null;
  // FTS5 ANDs bare phrases implicitly, but not a parenthesised group: spell AND out.
  return parts.join(mode === "any" ? " OR " : " AND ");
}

/** The MATCH expression for a typed query (all terms, no alternatives). */
export function buildMatchExpression(query: string): string | null {
  return toMatchExpression(parseQuery(query));
}

/** Folded search terms: runs of letters and digits. */
export function tokens(text: string): string[] {
  return foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Every term of a parsed query, phrases included, for highlighting. */
export function queryTerms(parsed: ParsedQuery): string[] {
  return [...parsed.phrases.flat(), ...parsed.words];
}
