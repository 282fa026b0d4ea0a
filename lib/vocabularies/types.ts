/** The languages every label is written in: Norwegian Bokmål, Norwegian Nynorsk and English. */
export const LANGS = ["nb", "nn", "en"] as const;
export type Lang = (typeof LANGS)[number];

export type Labels = Record<Lang, string>;
