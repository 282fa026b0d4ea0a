/**
 * What the DCAT profiles read: a published dataset with everything its RDF needs, loaded in batches
 * by lib/dcat/queries.ts. Multilingual texts are keyed by language like the rest of the app.
 */
export type LangText = { nb?: string; nn?: string; en?: string };

export type DcatPublisher = {
  id: number;
  slug: string;
  uri: string;
  name: LangText & { nb: string };
  orgNumber: string | null;
  homepage: string | null;
  email: string | null;
};

export type DcatContactPoint = { id: number; name: string; email: string | null; url: string | null };

export type DcatDataService = {
  id: number;
  uri: string;
  title: LangText & { nb: string };
  description: LangText;
  endpointURL: string;
  endpointDescription: string | null;
  conformsTo: string[];
  format: string | null;
  accessRights: string | null;
  license: string | null;
  publisher: DcatPublisher;
  contactPoint: DcatContactPoint | null;
};

export type DcatDistribution = {
  position: number;
  uri: string | null;
  title: LangText;
  description: LangText;
  accessURL: string;
  downloadURL: string | null;
  format: string | null;
  mediaType: string | null;
  license: string | null;
  byteSize: number | null;
  status: string | null;
  conformsTo: string[];
  issued: string | null;
  modified: string | null;
  accessService: DcatDataService | null;
};

export type DcatSpatial = { uri: string | null; label: string | null; bbox: string | null; crs: string | null };

export type DcatDataset = {
  id: number;
  slug: string;
  uri: string;
  identifier: string;
  title: LangText & { nb: string };
  description: LangText & { nb: string };
  keywords: Partial<Record<"nb" | "nn" | "en", string[]>>;
  publisher: DcatPublisher;
  contactPoint: DcatContactPoint | null;
  themes: string[];
  accessRights: string;
  license: string | null;
  accrualPeriodicity: string | null;
  landingPage: string | null;
  conformsTo: string[];
  languages: string[];
  spatial: DcatSpatial[];
  temporal: { start: string | null; end: string | null } | null;
  spatialResolutionMeters: number | null;
  issued: string | null;
  modified: string | null;
  updatedAt: string;
  record: { issued: string; modified: string };
  distributions: DcatDistribution[];
};

/** The catalogue being described: the whole portal, or one publisher's view of it. */
export type DcatCatalog = {
  uri: string;
  homepage: string;
  title: LangText & { nb: string };
  description: LangText & { nb: string };
  identifier: string;
  publisher: { uri: string; name: LangText & { nb: string }; orgNumber: string | null; homepage: string | null };
  contactPoint: { uri: string; name: string; email: string | null; url: string | null };
  modified: string | null;
};
