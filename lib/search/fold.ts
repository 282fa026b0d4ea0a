/**
 * Fold text for the search index and for queries, the same way on both sides: lower case, the
 * Norwegian letters that Unicode does not decompose spelled out in ASCII (æ→ae, ø→o, å→a), and every
 * other diacritic removed (é→e, ü→u). "Høydedata" and "hoydedata" then meet; so do "Ålesund" and
 * "Alesund".
 */
const LETTERS: Record<string, string> = { æ: "ae", ø: "o", å: "a", ß: "ss", œ: "oe", ð: "d", þ: "th", ł: "l" };

export function foldText(text: string): string {
  const lower = text.toLowerCase().replace(/[æøåßœðþł]/g, (ch) => LETTERS[ch] ?? ch);
  // Plain ASCII by now (most Norwegian text, once æ, ø and å are spelled out): nothing to decompose.
  return NOT_ASCII.test(lower) ? lower.normalize("NFKD").replace(/\p{M}+/gu, "") : lower;
}

const NOT_ASCII = /[^\u0000-\u007f]/;
