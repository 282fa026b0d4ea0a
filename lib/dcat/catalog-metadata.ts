import type { DcatCatalog, DcatPublisher } from "./model";

/**
 * The dcat:Catalog node: the whole portal at `${BASE_URL}/catalog`, or one publisher's view of it
 * at `${BASE_URL}/catalog?publisher=<slug>`, published by that publisher.
 */
export function describeCatalog({
  baseUrl,
  publisher,
  modified,
  contactEmail,
}: {
  baseUrl: string;
  publisher?: DcatPublisher;
  modified: string | null;
  /** The portal's contact address (ADMIN_EMAIL); the catalogue contact point needs one. */
  contactEmail?: string | null;
}): DcatCatalog {
  const portal = `${baseUrl}/catalog`;
  if (publisher) {
    const uri = `${portal}?publisher=${encodeURIComponent(publisher.slug)}`;
    return {
      uri,
      homepage: `${baseUrl}/publishers/${publisher.slug}`,
      title: {
        nb: `Fjordcat: datasett fra ${publisher.name.nb}`,
        nn: `Fjordcat: datasett frå ${publisher.name.nn ?? publisher.name.nb}`,
        en: `Fjordcat: datasets from ${publisher.name.en ?? publisher.name.nb}`,
      },
      description: {
        nb: `Datasettene ${publisher.name.nb} har publisert i Fjordcat.`,
        nn: `Datasetta ${publisher.name.nn ?? publisher.name.nb} har publisert i Fjordcat.`,
        en: `The datasets ${publisher.name.en ?? publisher.name.nb} has published in Fjordcat.`,
      },
      identifier: uri,
      publisher,
      contactPoint: {
        uri: `${uri}#contact-point`,
        name: publisher.name.nb,
        email: publisher.email ?? contactEmail ?? null,
        url: publisher.homepage ?? `${baseUrl}/publishers/${publisher.slug}`,
      },
      modified,
    };
  }
  return {
    uri: portal,
    homepage: `${baseUrl}/`,
    title: { nb: "Fjordcat datakatalog", nn: "Fjordcat datakatalog", en: "Fjordcat data catalogue" },
    description: {
      nb: "Åpne og andre offentlige datasett fra Ålesund-regionen, med kartdata fra Geovekst-samarbeidet.",
      nn: "Opne og andre offentlege datasett frå Ålesund-regionen, med kartdata frå Geovekst-samarbeidet.",
      en: "Open and other public datasets from the Ålesund region, including map data from the Geovekst partnership.",
    },
    identifier: portal,
    publisher: { uri: `${portal}#publisher`, name: { nb: "Fjordcat", en: "Fjordcat" }, orgNumber: null, homepage: `${baseUrl}/` },
    contactPoint: { uri: `${portal}#contact-point`, name: "Fjordcat", email: contactEmail ?? null, url: `${baseUrl}/` },
    modified,
  };
}
