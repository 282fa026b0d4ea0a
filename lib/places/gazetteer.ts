import { foldText } from "@/lib/search/fold";

/**
 * Places the catalogue refers to by name, with the URI of Kartverket's administrative units where
 * one is known (DCAT-AP-NO recommends them for dct:spatial). Ålesund's and Molde's entries have no
 * URI: the published vocabulary copy holds a malformed id for Ålesund (see shared/dcat/shapes/SOURCE.md).
 */
export type Place = { uri?: string; label: string };

const ADMIN_UNITS = "https://data.geonorge.no/administrativeEnheter";
const NORWAY: Place = { uri: `${ADMIN_UNITS}/nasjon/id/173163`, label: "Norge" };
const MORE_OG_ROMSDAL: Place = { uri: `${ADMIN_UNITS}/fylke/id/173147`, label: "Møre og Romsdal" };
const ALESUND: Place = { label: "Ålesund kommune" };
const MOLDE: Place = { label: "Molde kommune" };

const PLACES: Record<string, Place[]> = {
  norway: [NORWAY],
  norge: [NORWAY],
  noreg: [NORWAY],
  "more og romsdal": [MORE_OG_ROMSDAL],
  alesund: [ALESUND],
  "alesund kommune": [ALESUND],
  molde: [MOLDE],
  "molde, more og romsdal": [MOLDE, MORE_OG_ROMSDAL],
};

/** The places a free-text coverage such as "Molde, Møre og Romsdal" names, or undefined if unknown. */
export function placesFromText(text: string): Place[] | undefined {
  return PLACES[foldText(text.trim()).replace(/\s+/g, " ")];
}
