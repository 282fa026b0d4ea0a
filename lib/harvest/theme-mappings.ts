import type { ThemeCode } from "@/lib/vocabularies";

/**
 * National theme vocabularies to EU data themes, for records that give no EU theme: Geonorge's
 * "nasjonal temainndeling" (register.geonorge.no) and Digdir's LOS (psi.norge.no/los). Matched on
 * the words of the concept's last path segment; a record gets every theme its concepts map to.
 * DCAT-AP-NO asks for EU themes, so this only fills a gap, with a warning.
 */
const WORDS: ReadonlyArray<readonly [RegExp, ThemeCode]> = [
  [/landbruk|kyst-og-fiskeri|fiske|havbruk|skog|mat\b|jordbruk/, "AGRI"],
  [/energi|kraft/, "ENER"],
  [/natur|miljo|forurensning|klima|landskap|geologi|friluftsliv|dybde|hav\b|vann|ressurs/, "ENVI"],
  [/befolkning|sosial|familie|innvandring|bolig/, "SOCI"],
  [/samferdsel|transport|trafikk|infrastruktur/, "TRAN"],
  [/samfunnssikkerhet|beredskap|lov-og-rett|justis|forsvar|politi/, "JUST"],
  [/helse|omsorg/, "HEAL"],
  [/utdanning|skole|kultur|idrett|fritid|kulturminner/, "EDUC"],
  [/naring|okonomi|arbeid|finans/, "ECON"],
  [/forvaltning|politikk|administrative|offentlig/, "GOVE"],
  [/plan|basis-geodata|eiendom|bygg|stedsnavn|adresse|kommune|region/, "REGI"],
  [/geodesi|teknologi|forskning|vitenskap/, "TECH"],
];

const NATIONAL = /register\.(dev\.)?geonorge\.no\/.*nasjonal-temainndeling|psi\.norge\.no\/los\//i;

export function themesFromNationalVocabularies(values: readonly string[]): ThemeCode[] {
  const themes = new Set<ThemeCode>();
  for (const value of values) {
    if (!NATIONAL.test(value)) continue;
    const segment = value
      .replace(/\/+$/, "")
      .split("/")
      .pop()!
      .toLowerCase()
      .normalize("NFKD")
      .replace(/\p{M}/gu, "");
    for (const [pattern, theme] of WORDS) if (pattern.test(segment)) themes.add(theme);
  }
  return [...themes];
}

const TEXT_WORDS: ReadonlyArray<readonly [RegExp, ThemeCode]> = [
  [/\b(transport|traffic|mobilit|parking|stationnement|velo|bike|bicycle|road|veg|sykkel|parkering|buss|bus)/, "TRAN"],
  [/\b(environment|miljo|nature|natur|climate|klima|pollution|water|vann|tree|arbre|forest)/, "ENVI"],
  [/\b(health|helse|hospital|sykehus)/, "HEAL"],
  [/\b(energy|energi|electric|strom)/, "ENER"],
  [/\b(school|skole|education|utdanning|culture|kultur|sport|idrett|library|bibliotek)/, "EDUC"],
  [/\b(population|befolkning|social|sosial|housing|bolig)/, "SOCI"],
  [/\b(agricultur|landbruk|fish|fiske|food|mat)/, "AGRI"],
  [/\b(econom|okonomi|business|naring|budget|budsjett|finance|finans)/, "ECON"],
  [/\b(plan|zoning|regulering|cadastr|matrikkel|address|adresse|building|bygning|map|kart)/, "REGI"],
];

/** EU themes from a record's keywords and title words, when it names no theme at all. */
export function themesFromText(texts: readonly string[]): ThemeCode[] {
  const themes = new Set<ThemeCode>();
  for (const text of texts) {
    const folded = text.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "");
    for (const [pattern, theme] of TEXT_WORDS) if (pattern.test(folded)) themes.add(theme);
  }
  return [...themes];
}

/**
 * The last resort for a record that names no theme and whose words match none: "Government and
 * public sector", which any public body's dataset belongs to in the broad sense. Always warned.
 */
export const FALLBACK_THEME: ThemeCode = "GOVE";

/** The themes of a record without EU themes, and the warning that says how they were found. */
export function fallbackThemes(national: readonly string[], texts: readonly string[]): { themes: ThemeCode[]; warning: string } {
  const fromNational = themesFromNationalVocabularies(national);
  if (fromNational.length > 0) return { themes: fromNational, warning: `No EU data theme: ${fromNational.join(", ")} derived from the national themes` };
  const fromText = themesFromText(texts);
  if (fromText.length > 0) return { themes: fromText.slice(0, 3), warning: `No EU data theme: ${fromText.slice(0, 3).join(", ")} derived from the keywords and title` };
  return { themes: [FALLBACK_THEME], warning: `No EU data theme and none could be derived: ${FALLBACK_THEME} assigned` };
}
