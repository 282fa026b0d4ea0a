import { foldText } from "./fold";

/**
 * Turn what a person typed into an FTS5 MATCH expression. Input is never passed through as FTS5
 * syntax: every term becomes a quoted string, so operators, column filters and stray quotes are
 * plain text. "Quoted words" stay a phrase; the last bare word matches as a prefix while typing.
 * Returns null when nothing searchable is left.
 */
export function buildMatchExpression(query: string): string | null {
  const parts: string[] = [];
  const phrasePattern = /"([^"]*)"/g;
  let rest = query;
  for (const match of query.matchAll(phrasePattern)) {
    const words = tokens(match[1] ?? "");
    if (words.length > 0) parts.push(`"${words.join(" ")}"`);
  }
  rest = query.replace(phrasePattern, " ").replace(/"/g, " ");
  const words = tokens(rest);
  const prefixLast = words.length > 0 && !/\s$/.test(rest);
  words.forEach((word, i) => {
    parts.push(prefixLast && i === words.length - 1 ? `"${word}"*` : `"${word}"`);
  });
  return parts.length > 0 ? parts.join(" ") : null;
}

/** Folded search terms: runs of letters and digits. */
export function tokens(text: string): string[] {
  return foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}
