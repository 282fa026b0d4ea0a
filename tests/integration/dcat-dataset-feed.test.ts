import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { datasetFeed, FEED_SIZE } from "@/lib/feeds/dataset-feed";
import { BASE_URL, createDemoCatalogue, type DcatTestCatalogue } from "../helpers/dcat-catalogues";

let t: DcatTestCatalogue;
beforeAll(() => {
  t = createDemoCatalogue();
});
afterAll(() => t.cleanup());

describe("the feed of new and updated datasets", () => {
  it("lists the latest published changes in Atom, newest first, escaped, never drafts or withdrawn", () => {
    t.db.run(sql`update datasets set updated_at = '2030-01-01T00:00:00.000Z' where slug = 'arealplaner'`);
    const { body, updated } = datasetFeed(t.db, { format: "atom", baseUrl: BASE_URL });
    expect(updated).toBe("2030-01-01T00:00:00.000Z");
    expect(body).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
    const ids = [...body.matchAll(/<entry>\s*<id>([^<]+)<\/id>/g)].map((m) => m[1]);
    expect(ids).toHaveLength(FEED_SIZE);
    expect(ids[0]).toBe(`${BASE_URL}/datasets/arealplaner`);
    expect(body).toContain(`<link rel="alternate" type="text/turtle" href="${BASE_URL}/datasets/arealplaner.ttl"/>`);
    expect(body).toContain("Kartdata &amp; &lt;spesialtegn&gt; &quot;sitert&quot;.");
    for (const hidden of t.hidden) expect(body).not.toContain(hidden);
  });
  it("also speaks RSS 2.0", () => {
    const { body } = datasetFeed(t.db, { format: "rss", baseUrl: BASE_URL });
    expect(body).toContain('<rss version="2.0"');
    expect([...body.matchAll(/<item>/g)]).toHaveLength(FEED_SIZE);
    expect(body).toMatch(/<pubDate>[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT<\/pubDate>/);
  });
});
