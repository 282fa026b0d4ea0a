import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import BetterSqlite3 from "better-sqlite3";
import { runCli } from "./cli";
import { createAdminToken, datasetBody, startPortal } from "./portal-process";

/**
 * `npm run soak [-- --duration 120 --readers 16 --writers 4 --port 3290 --json]`: a bounded mixed
 * workload on loopback against a real portal (`npm start` on its own database under .tmp/soak):
 * readers search and browse (API and pages) while writers register datasets through the JSON API
 * and edit each one right after. A backup is taken halfway. It passes when no response is a 5xx,
 * no SQLITE_BUSY (or "database is locked") reaches a client or the log, every acknowledged write
 * is in the database afterwards, and the database passes integrity_check. It prints the read
 * latency percentiles (p95 is the figure asked for) and the write throughput.
 */

type Latencies = number[];
const percentile = (values: Latencies, p: number) => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! * 10) / 10;
};
const BUSY = /SQLITE_BUSY|database is locked/i;

export type SoakReport = {
  durationS: number;
  readers: number;
  writers: number;
  reads: {
    requests: number;
    perSecond: number;
    p50Ms: number;
    p95Ms: number;
    p99Ms: number;
    maxMs: number;
    errors: number;
    timeouts: number;
    /** p95 of the same reads by one reader on the idle portal, and the ratio of the p95 under load to it. */
    idleP95Ms: number;
    loadToIdleP95: number;
  };
  writes: { creates: number; edits: number; perSecond: number; p95Ms: number; rejected: Record<string, number> };
  status5xx: number;
  busySurfaced: number;
  acknowledged: { creates: number; edits: number; missingCreates: number; lostEdits: number; halfWritten: number };
  backup: { ok: boolean; ms: number; bytes: number } | null;
  integrity: string;
  shutdownExitCode: number | null;
  passed: boolean;
};

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      duration: { type: "string", default: "120" },
      readers: { type: "string", default: "16" },
      writers: { type: "string", default: "4" },
      port: { type: "string", default: "3290" },
      dir: { type: "string", default: path.join(".tmp", "soak") },
      json: { type: "boolean", default: false },
    },
  });
  const durationS = Number(values.duration);
  const readers = Number(values.readers);
  const writers = Number(values.writers);
  const dir = path.resolve(values.dir);
  fs.rmSync(dir, { recursive: true, force: true });
  const say = (line: string) => {
    if (!values.json) console.log(line);
  };

  say(`Starting the portal on port ${values.port} (database ${dir}/catalogue.db)…`);
  const portal = await startPortal({ dir, port: Number(values.port) });
  let report: SoakReport;
  try {
    const token = createAdminToken(portal.dbFile);
    const base = portal.baseUrl;
    const listing = (await (await fetch(`${base}/api/datasets?limit=100`)).json()) as { results: { slug: string }[] };
    const slugs = listing.results.map((r) => r.slug);
    const publishers = ((await (await fetch(`${base}/api/3/action/organization_list`)).json()) as { result: string[] }).result;
    const terms = ["alesund", "kart", "bygning", "vei", "hoydemodell", "\"reguleringsplan\"", "sjø", "befolkning", "flom", "turisme"];
    const themes = ["ENVI", "TRAN", "REGI", "GOVE", "ECON"];
    let pick = 0;
    const readPath = (): string => {
      pick += 1;
      const slug = slugs[pick % slugs.length];
      const term = encodeURIComponent(terms[pick % terms.length]!);
      switch (pick % 8) {
        case 0:
          return `/api/datasets?q=${term}`;
        case 1:
          return `/api/datasets?theme=${themes[pick % themes.length]}&sort=modified&page=${1 + (pick % 3)}`;
        case 2:
          return `/datasets/${slug}`;
        case 3:
          return `/datasets?q=${term}`;
        case 4:
          return `/api/datasets/${slug}`;
        case 5:
          return `/api/datasets?q=${term}&publisher=${publishers[pick % publishers.length]}`;
        case 6:
          return "/kpi.json";
        default:
          return `/datasets/${slug}.ttl`;
      }
    };

    // Warm up: the first request of each kind loads its route.
    for (let i = 0; i < 16; i++) await (await fetch(`${base}${readPath()}`)).arrayBuffer();
    // The reference: the same reads by one reader on the idle portal, measured in this run.
    const idle: Latencies = [];
    const baseline = autocannon({
      url: base,
      connections: 1,
      duration: Math.min(5, Math.max(2, Math.round(durationS / 20))),
      requests: [{ method: "GET", setupRequest: (request) => ({ ...request, path: readPath() }) }],
    });
    (baseline as unknown as { on: (event: "response", listener: (...args: unknown[]) => void) => void }).on(
      "response",
      (_client, _status, _bytes, ms) => idle.push(ms as number),
    );
    await baseline;

    const statuses = new Map<string, number>();
    const count = (key: string) => statuses.set(key, (statuses.get(key) ?? 0) + 1);
    let status5xx = 0;
    let busySurfaced = 0;
    const readLatencies: Latencies = [];
    const writeLatencies: Latencies = [];

    // Writers: each connection registers a dataset, then edits its title; repeat.
    const run = Date.now().toString(36);
    let writeSeq = 0;
    const acknowledgedCreates = new Map<string, string>();
    const acknowledgedTitles = new Map<string, string>();
    /** Edits sent but not answered when the load stopped: they may or may not have been applied. */
    const unansweredTitles = new Map<string, string>();
    const rejected: Record<string, number> = {};
    const auth = { "content-type": "application/json", authorization: `Bearer ${token}` };
    type WriterContext = { slug?: string; title?: string; editTitle?: string; startedAt?: number };
    const writerRequests: autocannon.Request[] = [
      {
        method: "POST",
        path: "/api/datasets",
        setupRequest: (request, context) => {
          const ctx = context as WriterContext;
          writeSeq += 1;
          ctx.title = `Lastprøve ${run} nr ${writeSeq}`;
          ctx.slug = undefined;
          return { ...request, headers: auth, body: JSON.stringify(datasetBody(ctx.title, publishers[writeSeq % publishers.length]!)) };
        },
        onResponse: (status, body, context) => {
          const ctx = context as WriterContext;
          if (status === 201) {
            const created = JSON.parse(body) as { slug: string };
            ctx.slug = created.slug;
            acknowledgedCreates.set(created.slug, ctx.title!);
            acknowledgedTitles.set(created.slug, ctx.title!);
          } else {
            rejected[`create ${status}`] = (rejected[`create ${status}`] ?? 0) + 1;
          }
          if (BUSY.test(body)) busySurfaced += 1;
        },
      },
      {
        method: "PATCH",
        setupRequest: (request, context) => {
          const ctx = context as WriterContext;
          if (!ctx.slug) return { ...request, method: "GET", path: "/api/health", headers: {}, body: undefined };
          ctx.editTitle = `${ctx.title} (endret)`;
          unansweredTitles.set(ctx.slug, ctx.editTitle);
          return {
            ...request,
            path: `/api/datasets/${ctx.slug}`,
            headers: auth,
            body: JSON.stringify({ title: { nb: ctx.editTitle, en: `${ctx.editTitle} (en)` } }),
          };
        },
        onResponse: (status, body, context) => {
          const ctx = context as WriterContext;
          if (!ctx.slug) return;
          unansweredTitles.delete(ctx.slug);
          if (status === 200) acknowledgedTitles.set(ctx.slug, ctx.editTitle!);
          else rejected[`edit ${status}`] = (rejected[`edit ${status}`] ?? 0) + 1;
          if (BUSY.test(body)) busySurfaced += 1;
        },
      },
    ];

    const readerLoad = autocannon({
      url: base,
      connections: readers,
      duration: durationS,
      requests: [{ method: "GET", setupRequest: (request) => ({ ...request, path: readPath() }) }],
    });
    const writerLoad = autocannon({
      url: base,
      connections: writers,
      duration: durationS,
      requests: writerRequests,
    });
    type Emitter = { on: (event: "response", listener: (...args: unknown[]) => void) => void };
    (readerLoad as unknown as Emitter).on("response", (_client, status, _bytes, ms) => {
      readLatencies.push(ms as number);
      count(`read ${status}`);
      if ((status as number) >= 500) status5xx += 1;
    });
    (writerLoad as unknown as Emitter).on("response", (_client, status, _bytes, ms) => {
      writeLatencies.push(ms as number);
      count(`write ${status}`);
      if ((status as number) >= 500) status5xx += 1;
    });
    say(`Load: ${readers} readers and ${writers} writers for ${durationS} s…`);

    // Halfway, a backup from another process (the CLI), as cron would take it.
    let backup: SoakReport["backup"] = null;
    const backupTimer = new Promise<void>((resolve) =>
      setTimeout(() => {
        const started = performance.now();
        const result = spawnSync(path.join("node_modules", ".bin", "tsx"), ["scripts/backup.ts", "--to", path.join(dir, "backup.db"), "--json"], {
          env: { ...process.env, DATABASE_URL: `file:${portal.dbFile}` },
          encoding: "utf8",
        });
        const parsed = result.status === 0 ? (JSON.parse(result.stdout.trim().split("\n").pop()!) as { bytes: number }) : null;
        backup = { ok: result.status === 0, ms: Math.round(performance.now() - started), bytes: parsed?.bytes ?? 0 };
        if (result.status !== 0) say(`Backup failed: ${result.stderr}`);
        resolve();
      }, (durationS * 1000) / 2),
    );
    const [readResult, writeResult] = await Promise.all([readerLoad, writerLoad, backupTimer]);

    say("Stopping the portal (SIGTERM) and checking the database…");
    const shutdownExitCode = await portal.stop();
    if (BUSY.test(portal.output())) busySurfaced += 1;
    const sqlite = new BetterSqlite3(portal.dbFile, { readonly: true });
    let integrity: string;
    let missingCreates = 0;
    let lostEdits = 0;
    let halfWritten = 0;
    try {
      integrity = String(sqlite.pragma("integrity_check", { simple: true }));
      const find = sqlite.prepare(
        `select d.title_nb as title,
           (select count(*) from distributions x where x.dataset_id = d.id) as distributions,
           (select count(*) from catalogue_records r where r.dataset_id = d.id) as records,
           (select count(*) from dataset_search s where s.rowid = d.id) as indexed
         from datasets d where d.slug = ?`,
      );
      for (const [slug, title] of acknowledgedTitles) {
        const row = find.get(slug) as { title: string; distributions: number; records: number; indexed: number } | undefined;
        if (!row) missingCreates += 1;
        else {
          if (row.title !== title && row.title !== unansweredTitles.get(slug)) lostEdits += 1;
          if (row.distributions !== 2 || row.records !== 1 || row.indexed !== 1) halfWritten += 1;
        }
      }
    } finally {
      sqlite.close();
    }

    const elapsed = durationS;
    report = {
      durationS,
      readers,
      writers,
      reads: {
        requests: readLatencies.length,
        perSecond: Math.round(readLatencies.length / elapsed),
        p50Ms: percentile(readLatencies, 50),
        p95Ms: percentile(readLatencies, 95),
        p99Ms: percentile(readLatencies, 99),
        maxMs: Math.round(readLatencies.reduce((max, ms) => Math.max(max, ms), 0)),
        errors: readResult.errors,
        timeouts: readResult.timeouts,
        idleP95Ms: percentile(idle, 95),
        loadToIdleP95: Math.round((percentile(readLatencies, 95) / Math.max(0.1, percentile(idle, 95))) * 10) / 10,
      },
      writes: {
        creates: acknowledgedCreates.size,
        edits: [...acknowledgedTitles].filter(([slug, title]) => acknowledgedCreates.get(slug) !== title).length,
        perSecond: Math.round((writeLatencies.length / elapsed) * 10) / 10,
        p95Ms: percentile(writeLatencies, 95),
        rejected,
      },
      status5xx,
      busySurfaced,
      acknowledged: {
        creates: acknowledgedCreates.size,
        edits: [...acknowledgedTitles].filter(([slug, title]) => acknowledgedCreates.get(slug) !== title).length,
        missingCreates,
        lostEdits,
        halfWritten,
      },
      backup,
      integrity,
      shutdownExitCode,
      passed: false,
    };
    report.passed =
      status5xx === 0 &&
      busySurfaced === 0 &&
      missingCreates === 0 &&
      lostEdits === 0 &&
      halfWritten === 0 &&
      integrity === "ok" &&
      readResult.errors === 0 &&
      writeResult.errors === 0 &&
      Object.keys(rejected).length === 0 &&
      backup !== null &&
      (backup as { ok: boolean }).ok &&
      shutdownExitCode === 0 &&
      acknowledgedCreates.size > 0;
  } finally {
    if (portal.child.exitCode === null) await portal.stop();
  }

  if (values.json) {
    console.log(JSON.stringify(report));
  } else {
    const r = report;
    console.log(
      [
        "",
        `reads   ${r.reads.requests} in ${r.durationS} s (${r.reads.perSecond}/s) by ${r.readers} readers: ` +
          `p50 ${r.reads.p50Ms} ms, p95 ${r.reads.p95Ms} ms, p99 ${r.reads.p99Ms} ms, max ${r.reads.maxMs} ms`,
        `        reference: p95 of the same reads by 1 reader on the idle portal ${r.reads.idleP95Ms} ms; ` +
          `under load ${r.reads.loadToIdleP95}× that`,
        `writes  ${r.writes.creates} datasets registered and ${r.writes.edits} edited by ${r.writers} writers ` +
          `(${r.writes.perSecond} requests/s, p95 ${r.writes.p95Ms} ms); rejected: ${JSON.stringify(r.writes.rejected)}`,
        `5xx ${r.status5xx}, SQLITE_BUSY surfaced ${r.busySurfaced}, connection errors ${r.reads.errors}, timeouts ${r.reads.timeouts}`,
        `acknowledged writes present afterwards: ${r.acknowledged.creates - r.acknowledged.missingCreates} of ${r.acknowledged.creates} ` +
          `(edits lost ${r.acknowledged.lostEdits}, half-written ${r.acknowledged.halfWritten})`,
        `backup during the load: ${r.backup ? `${r.backup.ok ? "ok" : "FAILED"} in ${r.backup.ms} ms, ${r.backup.bytes} bytes` : "not taken"}`,
        `integrity_check ${r.integrity}; graceful shutdown exit code ${r.shutdownExitCode}`,
        r.passed ? "PASSED" : "FAILED",
      ].join("\n"),
    );
  }
  if (!report.passed) process.exitCode = 1;
}

runCli(main);
