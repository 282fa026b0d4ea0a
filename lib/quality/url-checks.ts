import { lookup } from "node:dns/promises";
import net from "node:net";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";

/**
 * The network checks of the Accessibility dimension: does a distribution's accessURL or downloadURL
 * answer 200? Run in the background, a few at a time, each with a timeout; results are cached in
 * `url_checks` with the time of the check, and the score reads the cache (never the network).
 */

export type UrlCheckOptions = {
  timeoutMs?: number;
  /** Allow loopback and private addresses (tests; HARVEST_ALLOW_PRIVATE_NETWORK). */
  allowPrivateNetwork?: boolean;
  fetchImpl?: typeof fetch;
};

export type UrlCheckOutcome = { url: string; ok: boolean; status: number | null; error: string | null; durationMs: number };

function isPrivateAddress(address: string): boolean {
  if (net.isIPv4(address)) {
    const [a = 0, b = 0] = address.split(".").map(Number);
    return a === 10 || a === 127 || a === 0 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
  }
  const v6 = address.toLowerCase();
  return v6 === "::1" || v6 === "::" || v6.startsWith("fc") || v6.startsWith("fd") || v6.startsWith("fe80") || v6.startsWith("::ffff:127.") || v6.startsWith("::ffff:10.") || v6.startsWith("::ffff:192.168.");
}

/** Check one URL: HEAD, then GET when HEAD is refused; redirects followed; `ok` means a final 200. */
export async function checkUrl(url: string, { timeoutMs = 10_000, allowPrivateNetwork = false, fetchImpl = fetch }: UrlCheckOptions = {}): Promise<UrlCheckOutcome> {
  const started = performance.now();
  const done = (ok: boolean, status: number | null, error: string | null): UrlCheckOutcome => ({
    url,
    ok,
    status,
    error,
    durationMs: Math.round(performance.now() - started),
  });
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return done(false, null, "not a URL");
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return done(false, null, "not an http(s) URL");
  if (!allowPrivateNetwork) {
    try {
      const host = parsed.hostname.replace(/^\[|\]$/g, "");
      const addresses = net.isIP(host) ? [{ address: host }] : await lookup(host, { all: true });
      if (addresses.some((a) => isPrivateAddress(a.address))) return done(false, null, "private network address refused");
    } catch {
      return done(false, null, "host not found");
    }
  }
  const attempt = async (method: "HEAD" | "GET") => {
    const response = await fetchImpl(url, { method, redirect: "follow", signal: AbortSignal.timeout(timeoutMs), headers: { "User-Agent": "Fjordcat link checker" } });
    await response.body?.cancel().catch(() => undefined);
    return response.status;
  };
  try {
    let status = await attempt("HEAD");
    if (status === 405 || status === 501 || status === 403) status = await attempt("GET");
    return done(status === 200, status, status === 200 ? null : `HTTP ${status}`);
  } catch (error) {
    const name = error instanceof Error ? error.name : "";
    return done(false, null, name === "TimeoutError" || name === "AbortError" ? `no answer within ${timeoutMs} ms` : "connection failed");
  }
}

/** The URLs of inventory distributions never checked, or checked before `olderThan` (ISO time). */
export function findUrlsToCheck(db: Database, { olderThan, limit }: { olderThan: string; limit: number }): string[] {
  return db
    .all<{ url: string }>(sql`
      select u.url from (
        select x.access_url as url from distributions x join datasets d on d.id = x.dataset_id where d.state in ('draft', 'published')
        union
        select x.download_url from distributions x join datasets d on d.id = x.dataset_id
          where d.state in ('draft', 'published') and x.download_url is not null
      ) u left join url_checks c on c.url = u.url
      where c.url is null or c.checked_at < ${olderThan}
      order by c.checked_at is not null, c.checked_at
      limit ${limit}`)
    .map((r) => r.url);
}

export function saveUrlCheck(db: Database, outcome: UrlCheckOutcome, checkedAt = new Date().toISOString()): void {
  db.run(sql`insert into url_checks (url, status, ok, error, checked_at, duration_ms)
    values (${outcome.url}, ${outcome.status}, ${outcome.ok ? 1 : 0}, ${outcome.error}, ${checkedAt}, ${outcome.durationMs})
    on conflict (url) do update set status = excluded.status, ok = excluded.ok, error = excluded.error,
      checked_at = excluded.checked_at, duration_ms = excluded.duration_ms`);
}

/**
 * Check up to `limit` URLs that are due (never checked, or older than `maxAgeDays`), `concurrency`
 * at a time, and cache each result. Returns what was checked.
 */
export async function runUrlChecks(
  db: Database,
  { limit = 200, maxAgeDays = 14, concurrency = 4, ...options }: UrlCheckOptions & { limit?: number; maxAgeDays?: number; concurrency?: number } = {},
): Promise<UrlCheckOutcome[]> {
  const olderThan = new Date(Date.now() - maxAgeDays * 86_400_000).toISOString();
  const queue = findUrlsToCheck(db, { olderThan, limit });
  const outcomes: UrlCheckOutcome[] = [];
  const worker = async () => {
    for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
      const outcome = await checkUrl(url, options);
      saveUrlCheck(db, outcome);
      outcomes.push(outcome);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return outcomes;
}
