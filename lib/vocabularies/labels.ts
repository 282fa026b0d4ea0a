import type { Labels, Lang } from "./types";

const FALLBACK: readonly Lang[] = ["nb", "nn", "en"];

/** The label in the requested language, else the first non-empty of nb, nn, en; "" when none. */
export function pickLabel(labels: Partial<Labels>, lang: Lang): string {
  for (const candidate of [lang, ...FALLBACK]) {
    const text = labels[candidate];
    if (text?.trim()) return text;
  }
  return "";
}
