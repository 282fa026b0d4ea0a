import { foldText } from "./fold";

export type TextSegment = { text: string; match: boolean };
export type HighlightTerms = { terms: readonly string[]; prefixes: readonly string[] };

/**
 * Split a text into segments, marking the words that match the search terms (compared folded,
 * so "Ålesund" is marked for "alesund"; prefix terms match the start of a word). Plain text in,
 * plain text out: rendering escapes it like any other text.
 */
export function highlightText(text: string, { terms, prefixes }: HighlightTerms): TextSegment[] {
  if (terms.length === 0 && prefixes.length === 0) return [{ text, match: false }];
  const exact = new Set(terms);
  const segments: TextSegment[] = [];
  let last = 0;
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const folded = foldText(m[0]);
    if (!exact.has(folded) && !prefixes.some((p) => folded.startsWith(p))) continue;
    if (m.index > last) segments.push({ text: text.slice(last, m.index), match: false });
    segments.push({ text: m[0], match: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last), match: false });
  return segments;
}

/**
 * A short excerpt of a long text around its first match (or its start), cut at word boundaries,
 * at most about `length` characters, with ellipses where it was cut.
 */
export function excerptAroundMatch(text: string, highlight: HighlightTerms, length = 220): TextSegment[] {
  const segments = highlightText(text, highlight);
  if (text.length <= length) return segments;
  let offset = 0;
  let firstMatch = 0;
  for (const s of segments) {
    if (s.match) {
      firstMatch = offset;
      break;
    }
    offset += s.text.length;
  }
  let start = Math.max(0, firstMatch - Math.floor(length / 3));
  if (start > 0) start = text.indexOf(" ", start) + 1 || start;
  let end = Math.min(text.length, start + length);
  if (end < text.length) end = text.lastIndexOf(" ", end) > start ? text.lastIndexOf(" ", end) : end;
  const cut = `${start > 0 ? "… " : ""}${text.slice(start, end)}${end < text.length ? " …" : ""}`;
  return highlightText(cut, highlight);
}
