import type { Locale } from "@/lib/i18n/config";
import type { PickedText } from "@/lib/i18n/pick-text";
import { accessRightsLabel, formatInfo, licenceInfo, themeLabel } from "@/lib/i18n/vocabulary-labels";
import type { FacetField } from "@/lib/search/facet-labels";

/**
 * A label for an active filter value that has no facet entry (no hits left with the other
 * filters), from the vocabularies; publishers and keywords show their value as it is.
 */
export function fallbackFacetLabel(field: FacetField, value: string, locale: Locale): PickedText {
  switch (field) {
    case "theme":
      return { text: themeLabel(value, locale), lang: locale };
    case "format":
      return { text: formatInfo(value, locale).label, lang: locale };
    case "license":
      return { text: licenceInfo(value, locale).label, lang: locale };
    case "access":
      return { text: accessRightsLabel(value, locale).label, lang: locale };
    default:
      return { text: value, lang: locale };
  }
}
