import type { Locale } from "@/lib/i18n/config";
import type { QualityCheck } from "./score";

/** What to do to pass each quality check, in the words staff see next to the score. */
const HINTS: Record<QualityCheck, Record<Locale, string>> = {
  keyword: { nb: "Legg til emneord, så datasettet blir funnet i søk.", en: "Add keywords so the dataset is found in search." },
  theme: { nb: "Velg minst ett EU-tema.", en: "Choose at least one EU theme." },
  spatial: { nb: "Oppgi geografisk dekning: et stedsnavn (kommune) eller et avgrensningsrektangel.", en: "Give the spatial coverage: a place (municipality) or a bounding box." },
  temporal: { nb: "Oppgi tidsrommet dataene dekker (start og/eller slutt).", en: "Give the time period the data covers (start and/or end)." },
  accessUrlAnswers: { nb: "Tilgangsadressen til en eller flere distribusjoner svarer ikke med 200 OK: rett eller fjern lenken.", en: "The access URL of one or more distributions does not answer 200 OK: fix or remove the link." },
  downloadUrl: { nb: "Legg til en direkte nedlastingsadresse på hver distribusjon.", en: "Add a direct download URL to each distribution." },
  downloadUrlAnswers: { nb: "Nedlastingsadressen svarer ikke med 200 OK (eller mangler): rett lenken.", en: "The download URL does not answer 200 OK (or is missing): fix the link." },
  format: { nb: "Oppgi formatet til distribusjonen (for eksempel CSV eller GeoJSON).", en: "Give the distribution's format (e.g. CSV or GeoJSON)." },
  mediaType: { nb: "Oppgi medietypen (for eksempel text/csv).", en: "Give the media type (e.g. text/csv)." },
  formatFromVocabulary: { nb: "Bruk et format fra EUs filtypeliste eller en kjent IANA-medietype.", en: "Use a format from the EU file-type list or a known IANA media type." },
  nonProprietary: { nb: "Tilby dataene i et åpent format (for eksempel CSV, GeoJSON, GML) i tillegg til lukkede formater.", en: "Offer the data in an open format (e.g. CSV, GeoJSON, GML) as well as proprietary ones." },
  machineReadable: { nb: "Tilby dataene maskinlesbart, ikke bare som PDF eller kartbilder.", en: "Offer the data machine-readable, not only as PDF or map images." },
  dcatApCompliance: { nb: "Fyll ut de obligatoriske DCAT-AP-feltene: tittel, beskrivelse og tilgangsadresse.", en: "Fill in the DCAT-AP mandatory fields: title, description and access URL." },
  licence: { nb: "Oppgi en lisens, helst NLOD 2.0 eller CC BY 4.0.", en: "Give a licence, preferably NLOD 2.0 or CC BY 4.0." },
  licenceFromVocabulary: { nb: "Bruk en lisens fra EUs lisensliste.", en: "Use a licence from the EU licence list." },
  accessRights: { nb: "Oppgi tilgangsnivå (offentlig, begrenset eller ikke-offentlig).", en: "Give the access rights (public, restricted or non-public)." },
  accessRightsFromVocabulary: { nb: "Bruk et tilgangsnivå fra EUs liste.", en: "Use access rights from the EU list." },
  contactPoint: { nb: "Legg til et kontaktpunkt med e-post eller nettadresse.", en: "Add a contact point with an e-mail or web address." },
  publisher: { nb: "Knytt datasettet til en utgiver.", en: "Link the dataset to a publisher." },
  rights: { nb: "Rettighetserklæring per distribusjon (dct:rights) kan ikke registreres i Fjordcat ennå.", en: "A rights statement per distribution (dct:rights) cannot be registered in Fjordcat yet." },
  byteSize: { nb: "Oppgi filstørrelsen til hver distribusjon.", en: "Give the file size of each distribution." },
  issued: { nb: "Oppgi når datasettet først ble utgitt.", en: "Give the date the dataset was first issued." },
  modified: { nb: "Oppgi når datasettet sist ble endret.", en: "Give the date the dataset was last modified." },
};

export function qualityHint(check: QualityCheck, locale: Locale): string {
  return HINTS[check][locale];
}
