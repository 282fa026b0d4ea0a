import { createHash } from "node:crypto";
import type { DcatDataset, DcatPublisher } from "@/lib/dcat/model";
import { isOpenLicence } from "@/lib/kpi/openness";
import {
  ACCESS_RIGHTS_SCHEME_URI,
  FREQUENCY_SCHEME_URI,
  getFileType,
  getLicenceByUri,
  getTheme,
  LANGUAGE_SCHEME_URI,
  THEME_SCHEME_URI,
  type ThemeCode,
} from "@/lib/vocabularies";

/**
 * Fjordcat records in CKAN's dictionaries (package, resource, organization, group, tag), with
 * CKAN's field names, so CKAN harvesters and clients read them unchanged. DCAT fields CKAN has no
 * core field for go into `extras` with ckanext-dcat's key names (uri, identifier, theme, …).
 */

/** A stable UUID (name-based, RFC 9562 version 5 layout) for a URI: CKAN ids are UUIDs. */
export function ckanId(uri: string): string {
  const hex = createHash("sha1").update(uri).digest("hex").slice(0, 32).split("");
  hex[12] = "5";
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const h = hex.join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** CKAN writes naive UTC timestamps: 2024-05-01T12:00:00.000000. */
export function ckanTimestamp(iso: string | null): string | null {
  if (!iso) return null;
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  return new Date(time).toISOString().replace("Z", "").replace(/\.(\d{3})$/, ".$1000");
}

export type CkanOrganization = {
  id: string;
  name: string;
  title: string;
  display_name: string;
  description: string;
  image_url: string;
  image_display_url: string;
  created: string | null;
  is_organization: true;
  approval_status: "approved";
  state: "active";
  type: "organization";
  package_count?: number;
};

export function toCkanOrganization(
  p: Pick<DcatPublisher, "slug" | "uri" | "name">,
  { created = null, packageCount }: { created?: string | null; packageCount?: number } = {},
): CkanOrganization {
  return {
    id: ckanId(p.uri),
    name: p.slug,
    title: p.name.nb,
    display_name: p.name.nb,
    description: "",
    image_url: "",
    image_display_url: "",
    created: ckanTimestamp(created),
    is_organization: true,
    approval_status: "approved",
    state: "active",
    type: "organization",
    ...(packageCount !== undefined ? { package_count: packageCount } : {}),
  };
}

export type CkanGroup = {
  id: string;
  name: string;
  title: string;
  display_name: string;
  description: string;
  image_display_url: string;
  package_count?: number;
};

/** EU data themes are Fjordcat's groups; the group name is the lower-case theme code. */
export function toCkanGroup(code: string, packageCount?: number): CkanGroup {
  const label = themeLabel(code);
  return {
    id: ckanId(`${THEME_SCHEME_URI}/${code}`),
    name: code.toLowerCase(),
    title: label,
    display_name: label,
    description: "",
    image_display_url: "",
    ...(packageCount !== undefined ? { package_count: packageCount } : {}),
  };
}

function themeLabel(code: string): string {
  try {
    return getTheme(code as ThemeCode).label.nb;
  } catch {
    return code;
  }
}

/** The name CKAN clients know a format by: "CSV", "GeoJSON", "WMS" (not "WMS (map service)"). */
export function ckanFormatName(code: string | null): string {
  if (!code) return "";
  const label = getFileType(code)?.label.en;
  return label ? label.replace(/\s*\(.*\)$/, "") : code;
}

const extra = (key: string, value: string | null | undefined) => (value ? [{ key, value }] : []);

export function toCkanPackage(ds: DcatDataset, baseUrl: string): Record<string, unknown> {
  const licence = ds.license ? getLicenceByUri(ds.license) : undefined;
  const id = ckanId(ds.uri);
  const tags = (["nb", "nn", "en"] as const).flatMap((lang) => ds.keywords[lang] ?? []);
  const uniqueTags = [...new Set(tags)];
  const created = ckanTimestamp(ds.record.issued);
  const bbox = ds.spatial.find((s) => s.bbox)?.bbox;
  return {
    id,
    name: ds.slug,
    title: ds.title.nb,
    notes: ds.description.nb,
    url: ds.landingPage ?? `${baseUrl}/datasets/${ds.slug}`,
    version: null,
    author: null,
    author_email: null,
    maintainer: ds.contactPoint?.name ?? null,
    maintainer_email: ds.contactPoint?.email ?? null,
    license_id: licence?.code ?? ds.license ?? "notspecified",
    license_title: licence?.label.en ?? ds.license ?? "License not specified",
    license_url: licence?.url ?? ds.license ?? null,
    isopen: isOpenLicence(ds.license),
    private: false,
    state: "active",
    type: "dataset",
    metadata_created: created,
    metadata_modified: ckanTimestamp(ds.updatedAt),
    owner_org: ckanId(ds.publisher.uri),
    organization: toCkanOrganization(ds.publisher),
    groups: ds.themes.map((t) => toCkanGroup(t)),
    tags: uniqueTags.map((name) => ({ name, display_name: name, state: "active", vocabulary_id: null })),
    num_tags: uniqueTags.length,
    resources: ds.distributions.map((d) => {
      const fileType = d.format ? getFileType(d.format) : undefined;
      return {
        id: ckanId(d.uri ?? `${ds.uri}#distribution-${d.position + 1}`),
        package_id: id,
        name: d.title.nb ?? d.title.en ?? d.title.nn ?? fileType?.label.en ?? null,
        description: d.description.nb ?? d.description.en ?? d.description.nn ?? "",
        url: d.downloadURL ?? d.accessURL,
        access_url: d.accessURL,
        download_url: d.downloadURL,
        format: ckanFormatName(d.format),
        mimetype: d.mediaType,
        size: d.byteSize,
        position: d.position,
        state: "active",
        created,
        last_modified: ckanTimestamp(d.modified),
        url_type: null,
        resource_type: d.accessService ? "api" : null,
        license: d.license ?? ds.license,
        uri: d.uri ?? `${ds.uri}#distribution-${d.position + 1}`,
      };
    }),
    num_resources: ds.distributions.length,
    extras: [
      ...extra("uri", ds.uri),
      ...extra("identifier", ds.identifier),
      ...extra("access_rights", `${ACCESS_RIGHTS_SCHEME_URI}/${ds.accessRights}`),
      ...extra("frequency", ds.accrualPeriodicity ? `${FREQUENCY_SCHEME_URI}/${ds.accrualPeriodicity}` : null),
      ...extra("theme", ds.themes.length ? JSON.stringify(ds.themes.map((t) => `${THEME_SCHEME_URI}/${t}`)) : null),
      ...extra("language", ds.languages.length ? JSON.stringify(ds.languages.map((l) => `${LANGUAGE_SCHEME_URI}/${l}`)) : null),
      ...extra("conforms_to", ds.conformsTo.length ? JSON.stringify(ds.conformsTo) : null),
      ...extra("spatial_uri", ds.spatial.find((s) => s.uri)?.uri),
      ...extra("spatial_bbox", bbox),
      ...extra("temporal_start", ds.temporal?.start),
      ...extra("temporal_end", ds.temporal?.end),
      ...extra("issued", ds.issued),
      ...extra("modified", ds.modified),
      ...extra("publisher_uri", ds.publisher.uri),
      ...extra("dcat_rdf", `${baseUrl}/datasets/${ds.slug}.ttl`),
    ],
  };
}
