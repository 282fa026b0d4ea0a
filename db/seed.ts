import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "./client";
import { SYSTEM_ACTORS } from "@/lib/catalogue/actor";
import { createDataset } from "@/lib/catalogue/create-dataset";
import type { DatasetInputRaw } from "@/lib/catalogue/schemas";
import { AppError } from "@/lib/errors";
import { placesFromText } from "@/lib/places/gazetteer";
import { createPublisher } from "@/lib/publishers/create-publisher";
import {
  normaliseFileType,
  normaliseFrequency,
  normaliseLicence,
  normaliseMediaType,
  normaliseTheme,
} from "@/lib/vocabularies";

/**
 * Loading the demo catalogue (db/seed/demo-catalogue.json, the Ålesund region's datasets) into an
 * empty database. Legacy values stated by the sources (licence URL variants, plain-text formats,
 * place names) are mapped to the vocabularies here; every record then goes through the same
 * schema and command as a registration. A record that cannot be mapped stops the seed with its
 * id and the reason, and nothing is written (one transaction).
 */

export const DEMO_CATALOGUE_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), "seed", "demo-catalogue.json");

const langMap = z.object({ nb: z.string(), nn: z.string().optional(), en: z.string().optional() });

const demoDistributionSchema = z.object({
  title: z.string().optional(),
  format: z.string().optional(),
  mediaType: z.string().optional(),
  accessURL: z.string().optional(),
  downloadURL: z.string().optional(),
});

const demoDatasetSchema = z.object({
  sourceId: z.string().min(1),
  title: langMap,
  description: langMap,
  publisher: z.string(),
  themes: z.array(z.string()),
  keywords: z.array(z.string()).default([]),
  accessRights: z.string(),
  license: z.string().optional(),
  accrualPeriodicity: z.string().optional(),
  landingPage: z.string().optional(),
  spatial: z.string().optional(),
  distributions: z.array(demoDistributionSchema),
  source: z.string(),
  note: z.string().optional(),
  fjordcatNote: z.string().optional(),
});

const demoCatalogueSchema = z.object({
  about: z.object({ title: z.string() }).loose(),
  publishers: z.array(
    z.object({
      name: z.object({ nb: z.string(), en: z.string().optional() }),
      orgNumber: z.string().optional(),
      registryUri: z.string().optional(),
    }),
  ),
  datasets: z.array(z.unknown()),
});

export type DemoDataset = z.infer<typeof demoDatasetSchema>;

export class SeedError extends Error {
  constructor(
    readonly recordId: string,
    readonly problems: string[],
  ) {
    super(`Seed record ${recordId} cannot be loaded:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "SeedError";
  }
}

/** Map one demo record to the registration shape, or throw a SeedError saying what cannot be mapped. */
export function mapDemoDataset(record: DemoDataset, publisherSlug: (name: string) => string | undefined): DatasetInputRaw {
  const problems: string[] = [];
  const publisher = publisherSlug(record.publisher);
  if (!publisher) problems.push(`publisher: "${record.publisher}" is not in the publishers list`);

  const themes = record.themes.map((value, i) => {
    const theme = normaliseTheme(value);
    if (!theme) problems.push(`themes.${i}: "${value}" is not an EU data theme`);
    return theme?.code;
  });

  let license: string | undefined;
  if (record.license) {
    license = normaliseLicence(record.license)?.uri;
    if (!license) problems.push(`license: "${record.license}" is not a known licence`);
  }
  let accrualPeriodicity: string | undefined;
  if (record.accrualPeriodicity) {
    accrualPeriodicity = normaliseFrequency(record.accrualPeriodicity)?.code;
    if (!accrualPeriodicity) problems.push(`accrualPeriodicity: "${record.accrualPeriodicity}" is not a known frequency`);
  }
  let spatial: { uri?: string; label?: string }[] = [];
  if (record.spatial) {
    const places = placesFromText(record.spatial);
    if (!places) problems.push(`spatial: "${record.spatial}" is not a known place`);
    else spatial = places.map((p) => ({ ...(p.uri ? { uri: p.uri } : {}), label: p.label }));
  }

  const distributions = record.distributions.map((d, i) => {
    // The stated format text decides; the media type only when no format text is given.
    const format = d.format ? normaliseFileType(d.format)?.code : d.mediaType ? normaliseFileType(undefined, d.mediaType)?.code : undefined;
    if (d.format && !format) problems.push(`distributions.${i}.format: "${d.format}" is not a known file type`);
    // DCAT requires an access URL; a distribution known only by its download URL or by the
    // dataset's landing page is reached through that page (DCAT-AP: accessURL may be a landing page).
    const accessURL = d.accessURL ?? d.downloadURL ?? record.landingPage;
    if (!accessURL) problems.push(`distributions.${i}.accessURL: no access URL, download URL or landing page`);
    const mediaType = d.mediaType ? normaliseMediaType(d.mediaType) : undefined;
    return {
      ...(d.title ? { title: { nb: d.title } } : {}),
      accessURL: accessURL ?? "",
      ...(d.downloadURL ? { downloadURL: d.downloadURL } : {}),
      ...(format ? { format } : {}),
      ...(mediaType ? { mediaType } : {}),
    };
  });

  if (problems.length > 0) throw new SeedError(record.sourceId, problems);
  return {
    title: record.title,
    description: record.description,
    // Some sources pack a list into one keyword ("geologi, skred, leire"): split it.
    keywords: { nb: record.keywords.flatMap((k) => k.split(",")).map((k) => k.trim()).filter(Boolean) },
    publisher: publisher!,
    themes: themes.filter((t): t is NonNullable<typeof t> => t !== undefined),
    accessRights: record.accessRights as DatasetInputRaw["accessRights"],
    ...(license ? { license } : {}),
    ...(accrualPeriodicity ? { accrualPeriodicity: accrualPeriodicity as DatasetInputRaw["accrualPeriodicity"] } : {}),
    ...(record.landingPage ? { landingPage: record.landingPage } : {}),
    spatial,
    distributions: distributions as DatasetInputRaw["distributions"],
    state: "published",
  };
}

export function isCatalogueEmpty(db: Database): boolean {
  return (db.get<{ n: number }>(sql`select count(*) as n from datasets`)?.n ?? 0) === 0;
}

export type SeedReport = { publishers: number; datasets: number };

/** Load the demo catalogue into an empty database, all or nothing. */
export function seedDemoCatalogue(db: Database, { file = DEMO_CATALOGUE_FILE }: { file?: string } = {}): SeedReport {
  const parsedFile = demoCatalogueSchema.safeParse(JSON.parse(fs.readFileSync(file, "utf8")));
  if (!parsedFile.success) {
    throw new SeedError(path.basename(file), parsedFile.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  }
  const catalogue = parsedFile.data;

  return db.transaction((tx) => {
    const slugs = new Map<string, string>();
    for (const p of catalogue.publishers) {
      const created = createPublisher(tx, {
        input: { name: p.name, ...(p.orgNumber ? { orgNumber: p.orgNumber } : {}) },
      });
      slugs.set(p.name.nb, created.slug);
    }
    catalogue.datasets.forEach((raw, index) => {
      const record = demoDatasetSchema.safeParse(raw);
      const recordId = (raw as { sourceId?: string } | null)?.sourceId ?? `#${index}`;
      if (!record.success) {
        throw new SeedError(recordId, record.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
      }
      const input = mapDemoDataset(record.data, (name) => slugs.get(name));
      try {
        createDataset(tx, {
          input,
          actor: SYSTEM_ACTORS.seed,
          origin: { kind: "local", note: `Demo catalogue record ${record.data.sourceId}; source: ${record.data.source}` },
        });
      } catch (error) {
        if (error instanceof AppError) {
          const fields = Object.entries(error.fields ?? {}).map(([k, v]) => `${k}: ${v.join("; ")}`);
          throw new SeedError(recordId, fields.length > 0 ? fields : [error.message]);
        }
        throw error;
      }
    });
    return { publishers: catalogue.publishers.length, datasets: catalogue.datasets.length };
  });
}
