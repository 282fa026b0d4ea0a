import type { Database } from "@/db/client";
import type { DcatDataset } from "@/lib/dcat/model";
import { loadDatasetsForRdf } from "@/lib/dcat/load-datasets";
import { THEME_SCHEME_URI } from "@/lib/vocabularies";
import { listRecentDatasetIds } from "./queries";
import { el, toXml } from "./xml";

/**
 * The feed of new and updated datasets (Atom 1.0, RFC 4287; and RSS 2.0): the 50 published
 * datasets changed last, each linking its page and its DCAT-AP Turtle.
 */
export const FEED_SIZE = 50;
export type FeedFormat = "atom" | "rss";

export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  atom: "application/atom+xml; charset=utf-8",
  rss: "application/rss+xml; charset=utf-8",
};

const pageUrl = (baseUrl: string, d: DcatDataset) => `${baseUrl}/datasets/${d.slug}`;

function atom(datasets: DcatDataset[], baseUrl: string): string {
  const updated = datasets[0]?.updatedAt ?? new Date(0).toISOString();
  return toXml(
    el(
      "feed",
      { xmlns: "http://www.w3.org/2005/Atom", "xml:lang": "nb" },
      el("id", {}, `${baseUrl}/feeds/datasets.atom`),
      el("title", {}, "Fjordcat: nye og oppdaterte datasett"),
      el("subtitle", {}, "New and updated datasets in the Fjordcat data catalogue"),
      el("updated", {}, updated),
      el("link", { rel: "self", type: "application/atom+xml", href: `${baseUrl}/feeds/datasets.atom` }),
      el("link", { rel: "alternate", type: "text/html", href: `${baseUrl}/` }),
      el("link", { rel: "related", type: "text/turtle", href: `${baseUrl}/catalog.ttl` }),
      el("generator", {}, "Fjordcat"),
      ...datasets.map((d) =>
        el(
          "entry",
          {},
          el("id", {}, d.uri),
          el("title", {}, d.title.nb),
          el("updated", {}, d.updatedAt),
          el("published", {}, d.record.issued),
          el("author", {}, el("name", {}, d.publisher.name.nb), el("uri", {}, d.publisher.uri)),
          el("link", { rel: "alternate", type: "text/html", href: pageUrl(baseUrl, d) }),
          el("link", { rel: "alternate", type: "text/turtle", href: `${pageUrl(baseUrl, d)}.ttl` }),
          el("summary", {}, d.description.nb),
          ...d.themes.map((t) => el("category", { term: t, scheme: THEME_SCHEME_URI })),
        ),
      ),
    ),
  );
}

function rss(datasets: DcatDataset[], baseUrl: string): string {
  const date = (iso: string) => new Date(Date.parse(iso)).toUTCString();
  return toXml(
    el(
      "rss",
      { version: "2.0", "xmlns:atom": "http://www.w3.org/2005/Atom" },
      el(
        "channel",
        {},
        el("title", {}, "Fjordcat: nye og oppdaterte datasett"),
        el("link", {}, `${baseUrl}/`),
        el("description", {}, "New and updated datasets in the Fjordcat data catalogue"),
        el("language", {}, "nb"),
        el("atom:link", { href: `${baseUrl}/feeds/datasets.rss`, rel: "self", type: "application/rss+xml" }),
        datasets[0] ? el("lastBuildDate", {}, date(datasets[0].updatedAt)) : null,
        ...datasets.map((d) =>
          el(
            "item",
            {},
            el("title", {}, d.title.nb),
            el("link", {}, pageUrl(baseUrl, d)),
            el("guid", { isPermaLink: "false" }, `${d.uri}@${d.updatedAt}`),
            el("pubDate", {}, date(d.updatedAt)),
            el("description", {}, d.description.nb),
            ...d.themes.map((t) => el("category", { domain: THEME_SCHEME_URI }, t)),
          ),
        ),
      ),
    ),
  );
}

export function datasetFeed(db: Database, { format, baseUrl, publisher }: { format: FeedFormat; baseUrl: string; publisher?: string }): { body: string; updated: string | null } {
  const datasets = loadDatasetsForRdf(db, listRecentDatasetIds(db, { limit: FEED_SIZE, publisher }));
  return { body: format === "atom" ? atom(datasets, baseUrl) : rss(datasets, baseUrl), updated: datasets[0]?.updatedAt ?? null };
}
