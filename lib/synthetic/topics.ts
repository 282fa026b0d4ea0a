import type { ThemeCode } from "@/lib/vocabularies";

/**
 * Dataset topics of a Norwegian municipality or agency, by EU theme, in Bokmål, Nynorsk and
 * English, with the keywords such datasets carry. The synthetic generator combines them with
 * places and years into realistic records.
 */
export type Topic = { nb: string; nn: string; en: string; keywords: readonly string[]; spatial: boolean };

export const TOPICS: Record<ThemeCode, readonly Topic[]> = {
  ENVI: [
    { nb: "Vannkvalitet i innsjøer", nn: "Vasskvalitet i innsjøar", en: "Lake water quality", keywords: ["vann", "miljø", "overvåking"], spatial: true },
    { nb: "Luftkvalitet", nn: "Luftkvalitet", en: "Air quality", keywords: ["luft", "svevestøv", "NO2"], spatial: true },
    { nb: "Støykart", nn: "Støykart", en: "Noise map", keywords: ["støy", "veg", "miljø"], spatial: true },
    { nb: "Naturtyper", nn: "Naturtypar", en: "Habitat types", keywords: ["natur", "biologisk mangfold"], spatial: true },
    { nb: "Avfallsmengder", nn: "Avfallsmengder", en: "Waste quantities", keywords: ["avfall", "gjenvinning"], spatial: false },
  ],
  TRAN: [
    { nb: "Trafikkmengde", nn: "Trafikkmengd", en: "Traffic volume", keywords: ["trafikk", "ÅDT", "veg"], spatial: true },
    { nb: "Bussholdeplasser", nn: "Busshaldeplassar", en: "Bus stops", keywords: ["kollektivtrafikk", "buss"], spatial: true },
    { nb: "Sykkelveier", nn: "Sykkelvegar", en: "Cycle paths", keywords: ["sykkel", "gang- og sykkelveg"], spatial: true },
    { nb: "Parkeringsplasser", nn: "Parkeringsplassar", en: "Parking spaces", keywords: ["parkering", "bil"], spatial: true },
    { nb: "Fergeavganger", nn: "Ferjeavgangar", en: "Ferry departures", keywords: ["ferje", "rutetider"], spatial: false },
  ],
  REGI: [
    { nb: "Reguleringsplaner", nn: "Reguleringsplanar", en: "Zoning plans", keywords: ["plan", "arealplan"], spatial: true },
    { nb: "Bygninger", nn: "Bygningar", en: "Buildings", keywords: ["bygg", "matrikkel"], spatial: true },
    { nb: "Adresser", nn: "Adresser", en: "Addresses", keywords: ["adresse", "vegadresse"], spatial: true },
    { nb: "Høydekurver", nn: "Høgdekurver", en: "Contour lines", keywords: ["høyde", "terreng", "FKB"], spatial: true },
    { nb: "Ortofoto", nn: "Ortofoto", en: "Orthophoto", keywords: ["flyfoto", "bilde"], spatial: true },
  ],
  SOCI: [
    { nb: "Befolkning etter alder", nn: "Folketal etter alder", en: "Population by age", keywords: ["befolkning", "statistikk"], spatial: false },
    { nb: "Barnehager", nn: "Barnehagar", en: "Kindergartens", keywords: ["barnehage", "oppvekst"], spatial: true },
    { nb: "Idrettsanlegg", nn: "Idrettsanlegg", en: "Sports facilities", keywords: ["idrett", "friluftsliv"], spatial: true },
    { nb: "Kulturtilbud", nn: "Kulturtilbod", en: "Cultural venues", keywords: ["kultur", "bibliotek"], spatial: true },
  ],
  EDUC: [
    { nb: "Skoler", nn: "Skular", en: "Schools", keywords: ["skole", "grunnskole"], spatial: true },
    { nb: "Skolekretser", nn: "Skulekrinsar", en: "School districts", keywords: ["skolekrets", "opptak"], spatial: true },
    { nb: "Elevtall", nn: "Elevtal", en: "Pupil numbers", keywords: ["elever", "statistikk"], spatial: false },
  ],
  GOVE: [
    { nb: "Kommunebudsjett", nn: "Kommunebudsjett", en: "Municipal budget", keywords: ["økonomi", "budsjett"], spatial: false },
    { nb: "Politiske møter", nn: "Politiske møte", en: "Council meetings", keywords: ["politikk", "møteplan"], spatial: false },
    { nb: "Postjournal", nn: "Postjournal", en: "Public records journal", keywords: ["innsyn", "journal"], spatial: false },
    { nb: "Innkjøpsavtaler", nn: "Innkjøpsavtalar", en: "Procurement contracts", keywords: ["anskaffelser", "avtaler"], spatial: false },
  ],
  HEAL: [
    { nb: "Legekontor", nn: "Legekontor", en: "GP surgeries", keywords: ["helse", "fastlege"], spatial: true },
    { nb: "Helsestasjoner", nn: "Helsestasjonar", en: "Health centres", keywords: ["helse", "barn"], spatial: true },
  ],
  ECON: [
    { nb: "Næringsarealer", nn: "Næringsareal", en: "Business areas", keywords: ["næring", "areal"], spatial: true },
    { nb: "Overnattinger", nn: "Overnattingar", en: "Overnight stays", keywords: ["turisme", "reiseliv"], spatial: false },
  ],
  ENER: [
    { nb: "Ladestasjoner", nn: "Ladestasjonar", en: "Charging stations", keywords: ["elbil", "lading"], spatial: true },
    { nb: "Strømforbruk i kommunale bygg", nn: "Straumforbruk i kommunale bygg", en: "Electricity use in municipal buildings", keywords: ["energi", "strøm"], spatial: false },
  ],
  AGRI: [
    { nb: "Jordbruksareal", nn: "Jordbruksareal", en: "Farmland", keywords: ["landbruk", "jord"], spatial: true },
    { nb: "Akvakulturlokaliteter", nn: "Akvakulturlokalitetar", en: "Aquaculture sites", keywords: ["oppdrett", "fisk", "havbruk"], spatial: true },
    { nb: "Skogressurser", nn: "Skogressursar", en: "Forest resources", keywords: ["skog", "tømmer"], spatial: true },
  ],
  JUST: [
    { nb: "Tilfluktsrom", nn: "Tilfluktsrom", en: "Public shelters", keywords: ["beredskap", "sikkerhet"], spatial: true },
    { nb: "Flomsoner", nn: "Flaumsoner", en: "Flood zones", keywords: ["flom", "samfunnssikkerhet"], spatial: true },
  ],
  TECH: [
    { nb: "Bredbåndsdekning", nn: "Breibanddekning", en: "Broadband coverage", keywords: ["bredbånd", "fiber"], spatial: true },
  ],
  INTR: [
    { nb: "Internasjonale samarbeidsprosjekter", nn: "Internasjonale samarbeidsprosjekt", en: "International cooperation projects", keywords: ["samarbeid", "EU"], spatial: false },
  ],
};

/** Municipalities and regions of Norway used as places and publishers. */
export const PLACES = [
  "Ålesund", "Molde", "Kristiansund", "Sula", "Giske", "Haram", "Vestnes", "Rauma", "Ørsta", "Volda",
  "Stranda", "Fjord", "Hareid", "Ulstein", "Herøy", "Sande", "Vanylven", "Sykkylven", "Hustadvika", "Aukra",
  "Gjemnes", "Tingvoll", "Sunndal", "Surnadal", "Smøla", "Aure", "Averøy", "Bergen", "Trondheim", "Stavanger",
  "Tromsø", "Bodø", "Drammen", "Fredrikstad", "Kristiansand", "Sandnes", "Sarpsborg", "Skien", "Larvik", "Arendal",
  "Haugesund", "Førde", "Sogndal", "Lillehammer", "Hamar", "Gjøvik", "Harstad", "Alta", "Narvik", "Steinkjer",
] as const;
