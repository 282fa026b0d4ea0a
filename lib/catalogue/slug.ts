import { foldText } from "@/lib/search/fold";

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_SLUG_LENGTH = 80;

/** A URL slug from a title: folded to ASCII, words joined by hyphens, at most 80 characters. */
export function slugify(text: string): string {
  const slug = foldText(text)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length <= MAX_SLUG_LENGTH) return slug || "dataset";
  return slug.slice(0, MAX_SLUG_LENGTH).replace(/-[^-]*$/, "") || slug.slice(0, MAX_SLUG_LENGTH);
}

/**
 * The first of `base`, `base-2`, `base-3`, … that is not in `taken` (which may hold other slugs:
 * only `base` and `base-<n>` count). The same slug as `uniqueSlug` gives, from the taken slugs read
 * at once: asked one candidate at a time, the thousandth dataset of one title asked a thousand
 * times (a harvested feed with many datasets of the same title took a time quadratic in their number).
 */
export function firstFreeSlug(base: string, taken: Iterable<string>): string {
  let baseTaken = false;
  const numbers = new Set<number>();
  const prefix = `${base}-`;
  for (const slug of taken) {
    if (slug === base) baseTaken = true;
    else if (slug.startsWith(prefix) && /^[1-9]\d*$/.test(slug.slice(prefix.length))) numbers.add(Number(slug.slice(prefix.length)));
  }
  if (!baseTaken) return base;
  for (let n = 2; ; n++) if (!numbers.has(n)) return `${prefix}${n}`;
}

/** The first of `base`, `base-2`, `base-3`, … that `isTaken` says is free. */
export function uniqueSlug(base: string, isTaken: (slug: string) => boolean): string {
  if (!isTaken(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!isTaken(candidate)) return candidate;
  }
}
