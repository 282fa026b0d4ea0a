import { parseArgs } from "node:util";
import { closeDatabase, databaseFileFromUrl, openDatabase, type Database } from "@/db/client";
import { getMigrationState, migrateDatabase } from "@/db/migrate";
import type { Principal } from "@/lib/auth/principal";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { isHttpUrl } from "@/lib/harvest/fetch-feed";
import type { SourceKind } from "@/lib/harvest/gather";
import { findHarvestSource, listDueHarvestSources } from "@/lib/harvest/queries";
import { runHarvestJob } from "@/lib/harvest/job-thread";
import type { HarvestProgress, HarvestReport, RunHarvestOptions } from "@/lib/harvest/run-harvest";
import { createHarvestSource, listHarvestSources } from "@/lib/harvest/sources";
import { runCli } from "./cli";

const USAGE = `Usage: npm run harvest -- <what> [options]
  --source <id>              run one registered harvest source
  --due                      run every enabled source whose schedule is due, one after another
  <url-or-file>              harvest a URL or a local file once (no source registered)
  sources list               the registered sources
  sources add --name <name> --url <url> [--kind dcat|ckan|dcat-us] [--schedule manual|hourly|daily|weekly]
              [--publisher <slug>] [--archive-after-days <n>] [--disabled]
Options:
  --dry-run                  read, map and count everything, write nothing
  --json                     print the job report as one JSON object (non-zero exit when it failed)
  --publisher <slug>         the publisher of records that name none (ad-hoc URL or file)
  --kind dcat|ckan|dcat-us   what an ad-hoc URL is (default dcat: any RDF serialisation, or data.json)`;

/** The CLI acts as the system: it may manage every source (like a site administrator). */
const CLI_PRINCIPAL: Principal = { userId: "cli", email: "cli", name: "Command line", siteAdmin: true, roles: new Map(), publisherSlugs: new Map(), via: "cli" };

function progressPrinter(enabled: boolean, label: string) {
  let last = 0;
  const width = 30;
  const print = (text: string) => process.stderr.write(`\r${text.padEnd(100).slice(0, 100)}`);
  return {
    update(p: HarvestProgress) {
      if (!enabled) return;
      const now = Date.now();
      if (now - last < 100 && !(p.phase === "write" && p.done === p.total)) return;
      last = now;
      if (p.phase === "write") {
        const filled = p.total === 0 ? width : Math.round((p.done / p.total) * width);
        print(`${label} writing [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${p.done}/${p.total}`);
      } else if (p.phase === "map") {
        print(`${label} mapping ${p.triples?.toLocaleString("en") ?? ""} triples …`);
      } else {
        print(`${label} reading page ${p.pages + 1}${p.triples ? ` (${p.triples.toLocaleString("en")} triples so far)` : p.records ? ` (${p.records} records so far)` : ""} …`);
      }
    },
    done() {
      if (enabled) process.stderr.write(`\r${" ".repeat(100)}\r`);
    },
  };
}

function printReport(label: string, report: HarvestReport & { jobId: number }): void {
  const line = `${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged, ${report.archived} archived, ${report.failed} failed, ${report.warnings} warnings in ${(report.durationMs / 1000).toFixed(1)} s`;
  if (report.status === "succeeded") console.log(`${label}: ${line} (job ${report.jobId})`);
  else console.log(`${label}: FAILED: ${report.error} (job ${report.jobId})`);
}

async function harvest(db: Database, values: Record<string, string | boolean | undefined>, positionals: string[]): Promise<boolean> {
  const json = values.json === true;
  const dryRun = values["dry-run"] === true;
  const showProgress = !json && process.stderr.isTTY === true;
  const reports: HarvestReport[] = [];
  const run = async (label: string, options: RunHarvestOptions) => {
    const progress = progressPrinter(showProgress, label);
    const report = await runHarvestJob(db, { ...options, dryRun, onProgress: (p) => progress.update(p) });
    progress.done();
    reports.push(report);
    if (!json) printReport(label + (dryRun ? " (dry run)" : ""), report);
    return report;
  };
  if (values.source !== undefined) {
    const id = Number(values.source);
    const source = Number.isInteger(id) ? findHarvestSource(db, id) : undefined;
    if (!source) throw new AppError("not_found", `No harvest source has the id ${String(values.source)}`);
    await run(`Source ${source.id} (${source.name})`, { source, triggeredBy: "cli" });
  } else if (values.due === true) {
    const due = listDueHarvestSources(db, new Date());
    if (due.length === 0 && !json) console.log("No harvest source is due");
    for (const source of due) await run(`Source ${source.id} (${source.name})`, { source, triggeredBy: "cli" });
  } else {
    const location = positionals[0];
    if (!location) throw new AppError("bad_request", USAGE);
    const kind = (values.kind as SourceKind | undefined) ?? "dcat";
    if (!["dcat", "ckan", "dcat-us"].includes(kind)) throw new AppError("bad_request", `--kind must be dcat, ckan or dcat-us`);
    await run(location, {
      location,
      kind,
      triggeredBy: "cli",
      defaultPublisherSlug: values.publisher as string | undefined,
      limits: { allowFiles: !isHttpUrl(location) },
    });
  }
  if (json) {
    const shape = (r: HarvestReport) => ({
      status: r.status,
      created: r.created,
      updated: r.updated,
      unchanged: r.unchanged,
      archived: r.archived,
      failed: r.failed,
      warnings: r.warnings,
      durationMs: r.durationMs,
      ...(r.error !== undefined && { error: r.error }),
    });
    console.log(JSON.stringify(reports.length === 1 ? shape(reports[0]!) : reports.map(shape)));
  }
  return reports.every((r) => r.status === "succeeded");
}

function sources(db: Database, values: Record<string, string | boolean | undefined>, positionals: string[]): void {
  const command = positionals[1];
  if (command === "list") {
    const list = listHarvestSources(db, { principal: CLI_PRINCIPAL });
    if (values.json === true) {
      console.log(JSON.stringify(list));
      return;
    }
    if (list.length === 0) console.log("No harvest sources are registered");
    for (const s of list) {
      const last = s.lastJob ? `${s.lastJob.status} ${s.lastJob.finishedAt ?? s.lastJob.startedAt}` : "never run";
      console.log(`${s.id}\t${s.name}\t${s.kind}\t${s.schedule}${s.enabled ? "" : " (disabled)"}\t${s.url}\t${s.records} records\t${last}`);
    }
    return;
  }
  if (command === "add") {
    const source = createHarvestSource(db, {
      principal: CLI_PRINCIPAL,
      input: {
        name: (values.name as string | undefined) ?? "",
        url: (values.url as string | undefined) ?? "",
        kind: values.kind as never,
        schedule: values.schedule as never,
        defaultPublisher: values.publisher as string | undefined,
        enabled: values.disabled !== true,
        archiveAfterDays: values["archive-after-days"] as never,
      },
    });
    console.log(values.json === true ? JSON.stringify(source) : `Registered harvest source ${source.id} (${source.name})`);
    return;
  }
  throw new AppError("bad_request", USAGE);
}

runCli(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      source: { type: "string" },
      due: { type: "boolean" },
      "dry-run": { type: "boolean" },
      json: { type: "boolean" },
      publisher: { type: "string" },
      kind: { type: "string" },
      name: { type: "string" },
      url: { type: "string" },
      schedule: { type: "string" },
      "archive-after-days": { type: "string" },
      disabled: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const db = openDatabase(databaseFileFromUrl(getEnv().DATABASE_URL));
  let ok = true;
  try {
    if (!getMigrationState(db).upToDate) migrateDatabase(db);
    if (positionals[0] === "sources") sources(db, values, positionals);
    else ok = await harvest(db, values, positionals);
  } finally {
    closeDatabase(db);
  }
  if (!ok) process.exitCode = 1;
});
