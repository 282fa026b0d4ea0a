import type { DatasetInput, DatasetInputRaw, DistributionInput } from "@/lib/catalogue/schemas";

/**
 * The dataset form's state: every field as the text the user edits, converted from and to the
 * registration shape (lib/catalogue/schemas.ts `datasetInputSchema`), which the server validates.
 * Fields the form does not show (state, conformsTo, spatial resolution, a distribution's status
 * and conformsTo) are carried through unchanged, so saving never loses them.
 */

export const FORM_LANGS = ["nb", "nn", "en"] as const;
export type FormLang = (typeof FORM_LANGS)[number];
export type LangValues = Record<FormLang, string>;

export type DistributionValues = {
  /** Stable React key across reordering. */
  key: string;
  title: LangValues;
  description: LangValues;
  accessURL: string;
  downloadURL: string;
  format: string;
  mediaType: string;
  license: string;
  byteSize: string;
  kept: Pick<DistributionInput, "status" | "conformsTo">;
};

export type SpatialValues = { key: string; label: string; uri: string; bbox: string };

export type DatasetFormValues = {
  publisher: string;
  title: LangValues;
  description: LangValues;
  /** Comma-separated keywords per language. */
  keywords: LangValues;
  themes: string[];
  accessRights: string;
  license: string;
  accrualPeriodicity: string;
  languages: string[];
  contactPoint: { name: string; email: string; url: string };
  spatial: SpatialValues[];
  temporal: { start: string; end: string };
  landingPage: string;
  issued: string;
  modified: string;
  distributions: DistributionValues[];
  kept: Pick<DatasetInputRaw, "state" | "conformsTo" | "spatialResolutionMeters">;
};

let counter = 0;
/** A key for a new list row (unique within the page). */
export function newKey(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

const langValues = (text?: { nb?: string; nn?: string; en?: string } | null): LangValues => ({
  nb: text?.nb ?? "",
  nn: text?.nn ?? "",
  en: text?.en ?? "",
});

export function emptyDistribution(): DistributionValues {
  return {
    key: newKey("distribution"),
    title: langValues(),
    description: langValues(),
    accessURL: "",
    downloadURL: "",
    format: "",
    mediaType: "",
    license: "",
    byteSize: "",
    kept: {},
  };
}

export function emptySpatial(): SpatialValues {
  return { key: newKey("spatial"), label: "", uri: "", bbox: "" };
}

/** Form values for a new dataset of `publisher`, or for editing an existing one. */
export function formValuesFrom(input: DatasetInput | null, publisher: string): DatasetFormValues {
  return {
    publisher: input?.publisher ?? publisher,
    title: langValues(input?.title),
    description: langValues(input?.description),
    keywords: {
      nb: (input?.keywords.nb ?? []).join(", "),
      nn: (input?.keywords.nn ?? []).join(", "),
      en: (input?.keywords.en ?? []).join(", "),
    },
    themes: [...(input?.themes ?? [])],
    accessRights: input?.accessRights ?? "PUBLIC",
    license: input?.license ?? "",
    accrualPeriodicity: input?.accrualPeriodicity ?? "",
    languages: [...(input?.languages ?? [])],
    contactPoint: {
      name: input?.contactPoint?.name ?? "",
      email: input?.contactPoint?.email ?? "",
      url: input?.contactPoint?.url ?? "",
    },
    spatial: (input?.spatial ?? []).map((s) => ({
      key: newKey("spatial"),
      label: s.label ?? "",
      uri: s.uri ?? "",
      bbox: s.bbox ?? "",
    })),
    temporal: { start: input?.temporal?.start ?? "", end: input?.temporal?.end ?? "" },
    landingPage: input?.landingPage ?? "",
    issued: input?.issued ?? "",
    modified: input?.modified ?? "",
    distributions: (input?.distributions ?? []).map((d) => ({
      key: newKey("distribution"),
      title: langValues(d.title),
      description: langValues(d.description),
      accessURL: d.accessURL,
      downloadURL: d.downloadURL ?? "",
      format: d.format ?? "",
      mediaType: d.mediaType ?? "",
      license: d.license ?? "",
      byteSize: d.byteSize === undefined ? "" : String(d.byteSize),
      kept: { ...(d.status && { status: d.status }), ...(d.conformsTo && { conformsTo: d.conformsTo }) },
    })),
    kept: {
      state: input?.state ?? "draft",
      ...(input?.conformsTo?.length ? { conformsTo: input.conformsTo } : {}),
      ...(input?.spatialResolutionMeters !== undefined ? { spatialResolutionMeters: input.spatialResolutionMeters } : {}),
    },
  };
}

const optional = (value: string): string | undefined => (value.trim() === "" ? undefined : value.trim());

/** A text in nb/nn/en; nb is always sent when `required`, so the server names it when empty. */
function langText(values: LangValues, required: boolean): Record<string, string> | undefined {
  const text: Record<string, string> = {};
  for (const lang of FORM_LANGS) {
    const value = optional(values[lang]);
    if (value !== undefined) text[lang] = value;
  }
  if (required) return { nb: values.nb.trim(), ...text };
  return Object.keys(text).length > 0 ? text : undefined;
}

function keywordList(text: string): string[] {
  return text
    .split(",")
    .map((k) => k.trim())
    .filter((k) => k !== "");
}

/** A number when the text is one, else the text itself (so the server says what is wrong). */
function numberOrText(text: string): number | string | undefined {
  const value = optional(text);
  if (value === undefined) return undefined;
  const number = Number(value.replace(/\s/g, "").replace(",", "."));
  return Number.isFinite(number) ? number : value;
}

function withoutUndefined<T extends Record<string, unknown>>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined)) as T;
}

/** The registration shape the server validates. Empty optional fields are left out. */
export function toRegistration(values: DatasetFormValues): Record<string, unknown> {
  const keywords: Record<string, string[]> = {};
  for (const lang of FORM_LANGS) {
    const list = keywordList(values.keywords[lang]);
    if (list.length > 0) keywords[lang] = list;
  }
  const contact = values.contactPoint;
  const hasContact = [contact.name, contact.email, contact.url].some((v) => v.trim() !== "");
  const hasTemporal = values.temporal.start.trim() !== "" || values.temporal.end.trim() !== "";
  return withoutUndefined({
    title: langText(values.title, true),
    description: langText(values.description, true),
    keywords,
    publisher: values.publisher,
    themes: values.themes,
    accessRights: optional(values.accessRights),
    license: optional(values.license),
    accrualPeriodicity: optional(values.accrualPeriodicity),
    contactPoint: hasContact
      ? withoutUndefined({ name: contact.name.trim(), email: optional(contact.email), url: optional(contact.url) })
      : undefined,
    // Every row is sent, empty ones too, so the server's error indices match the rows on screen.
    spatial: values.spatial.map((s) =>
      withoutUndefined({ label: optional(s.label), uri: optional(s.uri), bbox: optional(s.bbox) }),
    ),
    temporal: hasTemporal
      ? withoutUndefined({ start: optional(values.temporal.start), end: optional(values.temporal.end) })
      : undefined,
    landingPage: optional(values.landingPage),
    languages: values.languages,
    issued: optional(values.issued),
    modified: optional(values.modified),
    distributions: values.distributions.map((d) =>
      withoutUndefined({
        title: langText(d.title, false),
        description: langText(d.description, false),
        accessURL: d.accessURL.trim(),
        downloadURL: optional(d.downloadURL),
        format: optional(d.format),
        mediaType: optional(d.mediaType),
        license: optional(d.license),
        byteSize: numberOrText(d.byteSize),
        ...d.kept,
      }),
    ),
    ...values.kept,
  });
}

/** The paths of the fields the form shows, for matching the server's field errors to them. */
export function fieldPaths(values: DatasetFormValues): Set<string> {
  const paths = new Set<string>([
    "publisher",
    "themes",
    "accessRights",
    "license",
    "accrualPeriodicity",
    "languages",
    "contactPoint.name",
    "contactPoint.email",
    "contactPoint.url",
    "temporal.start",
    "temporal.end",
    "landingPage",
    "issued",
    "modified",
    "distributions",
    "spatial",
  ]);
  for (const lang of FORM_LANGS) {
    paths.add(`title.${lang}`);
    paths.add(`description.${lang}`);
    paths.add(`keywords.${lang}`);
  }
  values.spatial.forEach((_, i) => {
    for (const field of ["label", "uri", "bbox"]) paths.add(`spatial.${i}.${field}`);
  });
  values.distributions.forEach((_, i) => {
    for (const lang of FORM_LANGS) {
      paths.add(`distributions.${i}.title.${lang}`);
      paths.add(`distributions.${i}.description.${lang}`);
    }
    for (const field of ["accessURL", "downloadURL", "format", "mediaType", "license", "byteSize"]) {
      paths.add(`distributions.${i}.${field}`);
    }
  });
  return paths;
}

/** Rows whose own errors (a refine without a path) belong to their first field. */
const ROW_FIRST_FIELD: [RegExp, string][] = [
  [/^spatial\.(\d+)$/, "spatial.$1.label"],
  [/^distributions\.(\d+)$/, "distributions.$1.accessURL"],
  [/^contactPoint$/, "contactPoint.name"],
  [/^temporal$/, "temporal.start"],
  [/^(title|description)$/, "$1.nb"],
];

/**
 * The field an error key belongs to: the key itself, else its nearest ancestor that is a field
 * (`keywords.nb.3` → `keywords.nb`, `themes.0` → `themes`); undefined for form-level errors.
 */
export function fieldForError(key: string, paths: ReadonlySet<string>): string | undefined {
  const segments = key.split(".");
  for (let length = segments.length; length > 0; length -= 1) {
    const candidate = segments.slice(0, length).join(".");
    if (paths.has(candidate)) return candidate;
    for (const [pattern, replacement] of ROW_FIRST_FIELD) {
      if (pattern.test(candidate)) {
        const field = candidate.replace(pattern, replacement);
        if (paths.has(field)) return field;
      }
    }
  }
  return undefined;
}

/** The element id of a field's input. */
export function fieldId(path: string): string {
  return `field-${path.replace(/\./g, "-")}`;
}
