import type { Locale } from "@/lib/i18n/config";
import type { NotOpenReason } from "./openness";

/**
 * The texts of the /kpi page in Bokmål and English. They live here, not in messages/*.json, while
 * those files are being edited by the public-pages work; they can move there as a `Kpi` namespace.
 */
export type KpiMessages = {
  title: string;
  lead: string;
  figuresLabel: string;
  openPublished: string;
  openPercent: string;
  inventoryNote: (inventory: string) => string;
  noInventory: string;
  computedAt: (when: string) => string;
  kpiCode: string;
  notOpenHeading: string;
  notOpenIntro: string;
  notOpenCaption: string;
  reason: string;
  datasets: string;
  reasons: Record<NotOpenReason, string>;
  reasonHelp: Record<NotOpenReason, string>;
  historyHeading: string;
  historyIntro: string;
  historyEmpty: string;
  chartTitle: string;
  chartDescription: (first: string, last: string, from: string, to: string) => string;
  historyTableToggle: string;
  historyCaption: string;
  date: string;
  inventory: string;
  percent: string;
  byPublisherHeading: string;
  byPublisherCaption: string;
  byThemeHeading: string;
  byThemeCaption: string;
  byThemeNote: string;
  publisher: string;
  theme: string;
  methodHeading: string;
  methodDefinition: string;
  methodNumerator: string;
  methodDenominator: string;
  methodUnit: string;
  methodOpenIntro: string;
  methodConditions: string[];
  methodWhy: string;
  methodSeveral: string;
  licencesHeading: string;
  licencesCaption: string;
  licence: string;
  why: string;
  notOpenLicencesToggle: string;
  formatsHeading: string;
  formatsCaption: string;
  format: string;
  notOpenFormatsToggle: string;
  dataHeading: string;
  dataIntro: string;
  dataJson: string;
  dataCsv: string;
  dataHistory: string;
  staffHeading: string;
  staffIntro: (total: string) => string;
  staffCaption: string;
  staffNone: string;
  staffFix: string;
  state: string;
  states: Record<"draft" | "published" | "withdrawn", string>;
  staffMore: (shown: string, total: string) => string;
  qualityHeading: string;
  qualityIntro: string;
  qualityNotYet: string;
  qualityAverage: string;
  qualityOf: string;
  qualityComputedAt: (when: string) => string;
  qualityCaption: string;
  qualityBandsCaption: string;
  qualityBand: string;
  qualityBands: Record<"excellent" | "good" | "sufficient" | "bad", string>;
  qualityDimension: string;
  qualityDimensions: Record<"findability" | "accessibility" | "interoperability" | "reusability" | "contextuality", string>;
  qualityPoints: string;
  qualityMax: string;
  qualityStaffHeading: string;
  qualityStaffCaption: string;
  qualityScore: string;
  qualityHints: string;
};

const nb: KpiMessages = {
  title: "Åpne data: nøkkeltall",
  lead: "Hvor mange av datasettene i katalogen som er åpne data, regnet ut fra katalogen selv, slik U4SSC-indikatoren for smarte og bærekraftige byer ber om.",
  figuresLabel: "Nøkkeltall",
  openPublished: "Åpne datasett publisert",
  openPercent: "Andel åpne datasett",
  inventoryNote: (inventory) => `av ${inventory} datasett i oversikten`,
  noInventory: "Ingen datasett i oversikten ennå",
  computedAt: (when) => `Regnet ut ${when}.`,
  kpiCode: "U4SSC-indikator EC:ICT:PS:1A «Open Data»",
  notOpenHeading: "Hvorfor datasett ikke er åpne",
  notOpenIntro: "Et datasett kan mangle flere ting samtidig og telles da under hver grunn, så grunnene kan til sammen bli flere enn datasettene som ikke er åpne. Grunnene viser hva som må rettes.",
  notOpenCaption: "Datasett i oversikten som ikke er åpne, etter grunn",
  reason: "Grunn",
  datasets: "Datasett",
  reasons: {
    unpublished: "Ikke publisert",
    restrictedAccess: "Begrenset tilgang",
    noOpenLicence: "Mangler åpen lisens",
    noMachineReadableDistribution: "Mangler maskinlesbar distribusjon",
  },
  reasonHelp: {
    unpublished: "Registrert som utkast: publiser datasettet.",
    restrictedAccess: "Tilgangsnivået er begrenset eller ikke-offentlig: bare offentlige data kan være åpne.",
    noOpenLicence: "Ingen lisens, eller en lisens som ikke er åpen: velg for eksempel NLOD 2.0 eller CC BY 4.0.",
    noMachineReadableDistribution: "Ingen distribusjon i et maskinlesbart, åpent format under åpen lisens: legg til for eksempel CSV, GeoJSON eller GML.",
  },
  historyHeading: "Utviklingen over tid",
  historyIntro: "Andelen åpne datasett for hele katalogen, fra et øyeblikksbilde tatt hver dag. Dager før det første øyeblikksbildet er rekonstruert fra endringsloggen der det går.",
  historyEmpty: "Ingen øyeblikksbilder ennå. Det første tas i løpet av dagen.",
  chartTitle: "Andel åpne datasett per dag",
  chartDescription: (first, last, from, to) => `Linjediagram: andelen åpne datasett gikk fra ${first} den ${from} til ${last} den ${to}.`,
  historyTableToggle: "Vis tallene som tabell",
  historyCaption: "Åpne datasett per dag, hele katalogen",
  date: "Dato",
  inventory: "Datasett i oversikten",
  percent: "Andel åpne",
  byPublisherHeading: "Etter utgiver",
  byPublisherCaption: "Åpne datasett etter utgiver",
  byThemeHeading: "Etter tema",
  byThemeCaption: "Åpne datasett etter EU-tema",
  byThemeNote: "Et datasett kan ha flere temaer og telles da under hvert av dem.",
  publisher: "Utgiver",
  theme: "Tema",
  methodHeading: "Slik regnes tallene ut",
  methodDefinition: "U4SSC (FNs initiativ United for Smart Sustainable Cities, ITU-T Y.4903) definerer indikator EC:ICT:PS:1A «Open Data» som «andelen og antallet av de registrerte åpne datasettene som er publisert». Begge tallene skal rapporteres.",
  methodNumerator: "Teller: antall åpne datasett som er publisert.",
  methodDenominator: "Nevner: alle datasett i oversikten, det vil si registrerte datasett som er utkast eller publisert, også de som ikke kan være åpne. Tilbaketrukne datasett telles ikke.",
  methodUnit: "Andelen vises med to desimaler. Uten datasett i oversikten finnes ingen andel (vist som «–», og null i JSON).",
  methodOpenIntro: "Et datasett teller som åpent når alt dette stemmer:",
  methodConditions: [
    "det er publisert i katalogen;",
    "tilgangsnivået er offentlig (EU-tilgangsnivå PUBLIC);",
    "det har en åpen lisens (på datasettet eller distribusjonen);",
    "minst én distribusjon under åpen lisens er i et maskinlesbart format med åpen spesifikasjon, slik at data kan hentes uten kostnad. En PDF eller et kart som bare viser bilder (WMS) er ikke nok.",
  ],
  methodWhy: "Kravene følger U4SSC («maskinlesbare data som kan deles, brukes og bygges videre på uten begrensninger») og Open Definition 2.1 fra Open Knowledge Foundation. Listene under er de samme som katalogen bruker overalt.",
  methodSeveral: "Datasett som ikke er åpne, får alle grunnene som gjelder dem, slik at de som forvalter dataene, ser alt som må rettes.",
  licencesHeading: "Åpne lisenser",
  licencesCaption: "Lisenser som teller som åpne, og hvorfor",
  licence: "Lisens",
  why: "Hvorfor",
  notOpenLicencesToggle: "Lisenser som ikke teller som åpne",
  formatsHeading: "Maskinlesbare, åpne formater",
  formatsCaption: "Formater som teller som maskinlesbare og åpne, og hvorfor",
  format: "Format",
  notOpenFormatsToggle: "Formater som ikke teller",
  dataHeading: "Tallene som data",
  dataIntro: "Nøkkeltallene er selv åpne data (NLOD 2.0), og historikken er registrert som et datasett i katalogen.",
  dataJson: "JSON for hele katalogen (/kpi.json, også ?publisher=, ?theme= og ?source=)",
  dataCsv: "CSV med én linje per utgiver og tema (/kpi.csv)",
  dataHistory: "CSV med historikken per dag (/kpi.csv?history=1)",
  staffHeading: "Datasett som ikke er åpne (for ansatte)",
  staffIntro: (total) => `${total} datasett i oversikten er ikke åpne. Hver linje sier hva som mangler.`,
  staffCaption: "Datasett som ikke er åpne, med grunner",
  staffNone: "Alle datasett i oversikten er åpne.",
  staffFix: "Rett",
  state: "Status",
  states: { draft: "Utkast", published: "Publisert", withdrawn: "Trukket tilbake" },
  staffMore: (shown, total) => `Viser ${shown} av ${total}.`,
  qualityHeading: "Metadatakvalitet",
  qualityIntro: "Hvor godt datasettene er beskrevet, målt som i EUs dataportal data.europa.eu (Metadata Quality Assessment): fem dimensjoner, til sammen 405 poeng. Utmerket er 351–405, god 221–350, tilstrekkelig 121–220 og dårlig 0–120 poeng. Om lenkene virker, sjekkes i bakgrunnen.",
  qualityNotYet: "Kvaliteten er ikke regnet ut ennå; det skjer i bakgrunnen etter oppstart.",
  qualityAverage: "Gjennomsnittlig kvalitet",
  qualityOf: "poeng av 405",
  qualityComputedAt: (when) => `Regnet ut ${when}.`,
  qualityCaption: "Gjennomsnittlige poeng per dimensjon, hele katalogen",
  qualityBandsCaption: "Metadatakvalitet etter utgiver: gjennomsnitt og antall datasett per nivå",
  qualityBand: "Nivå",
  qualityBands: { excellent: "Utmerket", good: "God", sufficient: "Tilstrekkelig", bad: "Dårlig" },
  qualityDimension: "Dimensjon",
  qualityDimensions: {
    findability: "Finnbarhet",
    accessibility: "Tilgjengelighet",
    interoperability: "Samhandlingsevne",
    reusability: "Gjenbrukbarhet",
    contextuality: "Kontekst",
  },
  qualityPoints: "Poeng",
  qualityMax: "Maks",
  qualityStaffHeading: "Datasett med lavest kvalitet (for ansatte)",
  qualityStaffCaption: "Datasett med lavest metadatakvalitet, med hva som kan forbedres",
  qualityScore: "Poeng",
  qualityHints: "Forbedre først",
};

const en: KpiMessages = {
  title: "Open data: key figures",
  lead: "How many of the catalogue's datasets are open data, computed from the catalogue itself, as the U4SSC indicator for smart sustainable cities asks.",
  figuresLabel: "Key figures",
  openPublished: "Open Data Sets Published",
  openPercent: "Open Data Sets %",
  inventoryNote: (inventory) => `of ${inventory} datasets in the inventory`,
  noInventory: "No datasets in the inventory yet",
  computedAt: (when) => `Computed ${when}.`,
  kpiCode: "U4SSC KPI EC:ICT:PS:1A “Open Data”",
  notOpenHeading: "Why datasets are not open",
  notOpenIntro: "A dataset can lack several things at once and then counts under each reason, so the reasons can add up to more than the datasets that are not open. The reasons say what to fix.",
  notOpenCaption: "Datasets in the inventory that are not open, by reason",
  reason: "Reason",
  datasets: "Datasets",
  reasons: {
    unpublished: "Not published",
    restrictedAccess: "Restricted access",
    noOpenLicence: "No open licence",
    noMachineReadableDistribution: "No machine-readable distribution",
  },
  reasonHelp: {
    unpublished: "Registered as a draft: publish the dataset.",
    restrictedAccess: "Access is restricted or non-public: only public data can be open.",
    noOpenLicence: "No licence, or one that is not open: choose e.g. NLOD 2.0 or CC BY 4.0.",
    noMachineReadableDistribution: "No distribution in a machine-readable, open format under an open licence: add e.g. CSV, GeoJSON or GML.",
  },
  historyHeading: "Over time",
  historyIntro: "The share of open datasets in the whole catalogue, from a snapshot taken every day. Days before the first snapshot are reconstructed from the revision history where possible.",
  historyEmpty: "No snapshots yet. The first is taken during the day.",
  chartTitle: "Share of open datasets per day",
  chartDescription: (first, last, from, to) => `Line chart: the share of open datasets went from ${first} on ${from} to ${last} on ${to}.`,
  historyTableToggle: "Show the figures as a table",
  historyCaption: "Open datasets per day, whole catalogue",
  date: "Date",
  inventory: "Datasets in the inventory",
  percent: "Share open",
  byPublisherHeading: "By publisher",
  byPublisherCaption: "Open datasets by publisher",
  byThemeHeading: "By theme",
  byThemeCaption: "Open datasets by EU theme",
  byThemeNote: "A dataset can have several themes and then counts under each of them.",
  publisher: "Publisher",
  theme: "Theme",
  methodHeading: "How the figures are computed",
  methodDefinition: "U4SSC (the UN initiative United for Smart Sustainable Cities, ITU-T Y.4903) defines KPI EC:ICT:PS:1A “Open Data” as the “percentage and number of inventoried open datasets that are published”. Both figures are reported.",
  methodNumerator: "Numerator: the number of open datasets published.",
  methodDenominator: "Denominator: every dataset in the inventory, that is every registered dataset that is a draft or published, including those that cannot be open. Withdrawn datasets are not counted.",
  methodUnit: "The share is given with two decimals. With no datasets in the inventory there is no share (shown as “–”, and null in JSON).",
  methodOpenIntro: "A dataset counts as open when all of this holds:",
  methodConditions: [
    "it is published in the catalogue;",
    "its access rights are public (EU access right PUBLIC);",
    "it has an open licence (on the dataset or the distribution);",
    "at least one distribution under an open licence is in a machine-readable format with an open specification, so the data can be fetched without charge. A PDF or a map service that only serves images (WMS) is not enough.",
  ],
  methodWhy: "The conditions follow U4SSC (“machine-readable data that can be freely shared, used and built on without restrictions”) and the Open Knowledge Foundation's Open Definition 2.1. The lists below are the ones the catalogue uses everywhere.",
  methodSeveral: "A dataset that is not open gets every reason that applies, so the people who manage it see everything to fix.",
  licencesHeading: "Open licences",
  licencesCaption: "Licences that count as open, and why",
  licence: "Licence",
  why: "Why",
  notOpenLicencesToggle: "Licences that do not count as open",
  formatsHeading: "Machine-readable, open formats",
  formatsCaption: "Formats that count as machine-readable and open, and why",
  format: "Format",
  notOpenFormatsToggle: "Formats that do not count",
  dataHeading: "The figures as data",
  dataIntro: "The key figures are open data themselves (NLOD 2.0), and their history is registered as a dataset in the catalogue.",
  dataJson: "JSON for the whole catalogue (/kpi.json, also ?publisher=, ?theme= and ?source=)",
  dataCsv: "CSV with one line per publisher and theme (/kpi.csv)",
  dataHistory: "CSV with the daily history (/kpi.csv?history=1)",
  staffHeading: "Datasets that are not open (for staff)",
  staffIntro: (total) => `${total} datasets in the inventory are not open. Each line says what is missing.`,
  staffCaption: "Datasets that are not open, with their reasons",
  staffNone: "Every dataset in the inventory is open.",
  staffFix: "Fix",
  state: "State",
  states: { draft: "Draft", published: "Published", withdrawn: "Withdrawn" },
  staffMore: (shown, total) => `Showing ${shown} of ${total}.`,
  qualityHeading: "Metadata quality",
  qualityIntro: "How well the datasets are described, measured as on the EU data portal data.europa.eu (Metadata Quality Assessment): five dimensions, 405 points in all. Excellent is 351–405, good 221–350, sufficient 121–220 and bad 0–120 points. Whether the links work is checked in the background.",
  qualityNotYet: "Quality has not been computed yet; it happens in the background after start.",
  qualityAverage: "Average quality",
  qualityOf: "points of 405",
  qualityComputedAt: (when) => `Computed ${when}.`,
  qualityCaption: "Average points per dimension, whole catalogue",
  qualityBandsCaption: "Metadata quality by publisher: average and datasets per rating",
  qualityBand: "Rating",
  qualityBands: { excellent: "Excellent", good: "Good", sufficient: "Sufficient", bad: "Bad" },
  qualityDimension: "Dimension",
  qualityDimensions: {
    findability: "Findability",
    accessibility: "Accessibility",
    interoperability: "Interoperability",
    reusability: "Reusability",
    contextuality: "Contextuality",
  },
  qualityPoints: "Points",
  qualityMax: "Max",
  qualityStaffHeading: "Datasets with the lowest quality (for staff)",
  qualityStaffCaption: "Datasets with the lowest metadata quality, with what to improve",
  qualityScore: "Points",
  qualityHints: "Improve first",
};

export function kpiMessages(locale: Locale): KpiMessages {
  return locale === "en" ? en : nb;
}
