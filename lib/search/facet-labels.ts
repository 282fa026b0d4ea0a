import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import {
  getAccessRights,
  getFileType,
  getLicenceByUri,
  getTheme,
  type AccessRightsCode,
  type Labels,
  type ThemeCode,
} from "@/lib/vocabularies";

export const FACET_FIELDS = ["theme", "publisher", "format", "license", "access", "open", "keyword", "quality"] as const;
export type FacetField = (typeof FACET_FIELDS)[number];

const OPEN_LABELS: Record<string, Labels> = {
  true: { nb: "Åpne data", nn: "Opne data", en: "Open data" },
  false: { nb: "Ikke åpne data", nn: "Ikkje opne data", en: "Not open data" },
};

/** The data.europa.eu MQA rating bands of the metadata-quality score (lib/quality). */
export const QUALITY_BAND_LABELS: Record<string, Labels> = {
  excellent: { nb: "Utmerket metadata", nn: "Framifrå metadata", en: "Excellent metadata" },
  good: { nb: "God metadata", nn: "God metadata", en: "Good metadata" },
  sufficient: { nb: "Tilstrekkelig metadata", nn: "Tilstrekkeleg metadata", en: "Sufficient metadata" },
  bad: { nb: "Mangelfull metadata", nn: "Mangelfull metadata", en: "Poor metadata" },
};

/** A function that gives the label (nb/nn/en) of a facet value; publisher names come from the database. */
export function facetLabeller(db: Database, field: FacetField): (value: string) => Partial<Labels> {
  switch (field) {
    case "theme":
      return (v) => safe(() => getTheme(v as ThemeCode).label, v);
    case "access":
      return (v) => safe(() => getAccessRights(v as AccessRightsCode).label, v);
    case "format":
      return (v) => safe(() => getFileType(v)?.label, v);
    case "license":
      return (v) => getLicenceByUri(v)?.label ?? { nb: v };
    case "open":
      return (v) => OPEN_LABELS[v] ?? { nb: v };
    case "keyword":
      return (v) => ({ nb: v });
    case "quality":
      return (v) => QUALITY_BAND_LABELS[v] ?? { nb: v };
    case "publisher": {
      const names = new Map(
        db
          .all<{ slug: string; nb: string; nn: string | null; en: string | null }>(
            sql`select slug, name_nb as nb, name_nn as nn, name_en as en from publishers`,
          )
          .map((p) => [p.slug, { nb: p.nb, ...(p.nn ? { nn: p.nn } : {}), ...(p.en ? { en: p.en } : {}) }]),
      );
      return (v) => names.get(v) ?? { nb: v };
    }
  }
}

function safe(read: () => Labels | undefined, fallback: string): Partial<Labels> {
  try {
    return read() ?? { nb: fallback };
  } catch {
    return { nb: fallback };
  }
}
