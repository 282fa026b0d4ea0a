import { and, eq, ne } from "drizzle-orm";
import type { Database } from "@/db/client";
import { datasets, publishers } from "@/db/schema";
import { createDataset } from "@/lib/catalogue/create-dataset";
import type { DatasetInputRaw } from "@/lib/catalogue/schemas";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

const NLOD_2_0 = "http://publications.europa.eu/resource/authority/licence/NLOD_2_0";

/** The landing page that identifies the KPI history dataset (one per portal). */
export function kpiHistoryLandingPage(baseUrl: string = env.BASE_URL): string {
  return `${baseUrl}/kpi`;
}

/** The KPI history as a dataset in the registration shape: open itself (NLOD 2.0, CSV and JSON). */
export function kpiHistoryDatasetInput(publisherSlug: string, baseUrl: string = env.BASE_URL): DatasetInputRaw {
  return {
    title: {
      nb: "Åpne data i Fjordcat: nøkkeltall per dag (U4SSC EC:ICT:PS:1A)",
      nn: "Opne data i Fjordcat: nøkkeltal per dag (U4SSC EC:ICT:PS:1A)",
      en: "Open data in Fjordcat: daily key figures (U4SSC EC:ICT:PS:1A)",
    },
    description: {
      nb:
        "Antallet og andelen åpne datasett i katalogen per dag, for hele katalogen, hver utgiver, hvert EU-tema og hver høstingskilde, " +
        "med grunnene til at datasett ikke er åpne. Regnet ut av katalogen selv etter U4SSC-indikatoren EC:ICT:PS:1A «Open Data»; se metoden på /kpi.",
      en:
        "The number and share of open datasets in the catalogue per day, for the whole catalogue, each publisher, each EU theme and each harvest source, " +
        "with the reasons datasets are not open. Computed by the catalogue itself following the U4SSC KPI EC:ICT:PS:1A “Open Data”; the method is on /kpi.",
    },
    keywords: { nb: ["åpne data", "nøkkeltall", "U4SSC", "smarte byer"], en: ["open data", "KPI", "U4SSC", "smart cities"] },
    publisher: publisherSlug,
    themes: ["GOVE", "TECH"],
    accessRights: "PUBLIC",
    license: NLOD_2_0,
    accrualPeriodicity: "DAILY",
    landingPage: kpiHistoryLandingPage(baseUrl),
    distributions: [
      {
        title: { nb: "Historikk per dag (CSV)", en: "Daily history (CSV)" },
        accessURL: `${baseUrl}/kpi.csv?history=1`,
        downloadURL: `${baseUrl}/kpi.csv?history=1`,
        format: "CSV",
        mediaType: "text/csv",
        license: NLOD_2_0,
      },
      {
        title: { nb: "Nøkkeltall nå, per utgiver og tema (CSV)", en: "Key figures now, per publisher and theme (CSV)" },
        accessURL: `${baseUrl}/kpi.csv`,
        downloadURL: `${baseUrl}/kpi.csv`,
        format: "CSV",
        mediaType: "text/csv",
        license: NLOD_2_0,
      },
      {
        title: { nb: "Nøkkeltall nå (JSON)", en: "Key figures now (JSON)" },
        accessURL: `${baseUrl}/kpi.json`,
        downloadURL: `${baseUrl}/kpi.json`,
        format: "JSON",
        mediaType: "application/json",
        license: NLOD_2_0,
      },
    ],
    state: "published",
  };
}

/**
 * Register the KPI history as a published dataset of `publisherSlug` (the organisation that reports
 * the KPI, by default the region's municipality), unless a dataset with its landing page exists.
 * Open data about open data: it counts in the KPI itself.
 */
export function ensureKpiHistoryDataset(
  db: Database,
  { publisherSlug }: { publisherSlug: string },
): { slug: string; created: boolean } {
  const landingPage = kpiHistoryLandingPage();
  const existing = db
    .select({ slug: datasets.slug })
    .from(datasets)
    .where(and(eq(datasets.landingPage, landingPage), ne(datasets.state, "withdrawn")))
    .get();
  if (existing) return { slug: existing.slug, created: false };
  if (!db.select({ id: publishers.id }).from(publishers).where(eq(publishers.slug, publisherSlug)).get()) {
    throw new AppError("not_found", `No publisher has the slug ${publisherSlug}; give --publisher <slug>`);
  }
  const created = db.transaction((tx) =>
    createDataset(tx, { input: kpiHistoryDatasetInput(publisherSlug), actor: { label: "kpi" } }),
  );
  return { slug: created.slug, created: true };
}
