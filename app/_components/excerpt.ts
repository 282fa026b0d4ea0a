/** The start of a text, cut at a word boundary near `max` characters, with an ellipsis when cut. */
export function excerpt(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max + 1);
  const space = cut.lastIndexOf(" ");
  const head = (space > max * 0.6 ? cut.slice(0, space) : cut.slice(0, max)).replace(/[\s.,;:–-]+$/, "");
  return `${head}…`;
}
