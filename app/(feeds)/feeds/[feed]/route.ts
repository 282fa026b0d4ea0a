import { getDb } from "@/lib/database";
import { env } from "@/lib/env";
import { datasetFeed, FEED_CONTENT_TYPES, type FeedFormat } from "@/lib/feeds/dataset-feed";

export const dynamic = "force-dynamic";

const FEEDS: Record<string, FeedFormat> = { "datasets.atom": "atom", "datasets.rss": "rss" };

/** GET /feeds/datasets.atom and /feeds/datasets.rss: new and updated datasets. */
export async function GET(_request: Request, { params }: { params: Promise<{ feed: string }> }): Promise<Response> {
  const format = FEEDS[(await params).feed];
  if (!format) {
    return Response.json({ error: { code: "not_found", message: "Feeds: /feeds/datasets.atom, /feeds/datasets.rss" } }, { status: 404 });
  }
  const { body, updated } = datasetFeed(getDb(), { format, baseUrl: env.BASE_URL });
  return new Response(body, {
    headers: {
      "Content-Type": FEED_CONTENT_TYPES[format],
      "Cache-Control": "public, max-age=300",
      "Access-Control-Allow-Origin": "*",
      ...(updated ? { "Last-Modified": new Date(Date.parse(updated)).toUTCString() } : {}),
    },
  });
}
