import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { createAdminToken, datasetBody, startPortal, type Portal } from "../../scripts/portal-process";

/**
 * Bad days, against the real server (`npm start` in a child process, its own database each):
 * SIGKILL in the middle of a write burst, a full disk, a backup taken during a write burst and
 * restored, and a graceful shutdown with a request in flight.
 */
const root = process.cwd();
const work = path.join(root, ".tmp", "e2e-faults");
const tsx = path.join(root, "node_modules", ".bin", "tsx");

test.describe.configure({ mode: "serial", timeout: 300_000 });
test.beforeAll(() => {
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
});

const running: Portal[] = [];
test.afterEach(async () => {
  for (const portal of running.splice(0)) if (portal.child.exitCode === null) await portal.stop();
});

async function portalAt(name: string, port: number, env: Record<string, string> = {}): Promise<Portal> {
  const portal = await startPortal({ dir: path.join(work, name), port, env });
  running.push(portal);
  return portal;
}

type Ack = { slug: string; title: string; at: number };

/**
 * `writers` loops registering datasets as fast as the server answers, until `until()` says stop or
 * the server goes away. Returns the acknowledged writes (201) with the time each was answered.
 */
async function writeBurst(
  portal: Portal,
  token: string,
  prefix: string,
  { writers = 6, until, acks = [] }: { writers?: number; until: () => boolean; /** Filled as answers arrive, for a test to watch. */ acks?: Ack[] },
) {
  const failures: number[] = [];
  let n = 0;
  const loop = async () => {
    while (!until()) {
      const title = `${prefix} ${++n}`;
      try {
        const response = await fetch(`${portal.baseUrl}/api/datasets`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
          body: JSON.stringify(datasetBody(title, "alesund-kommune")),
        });
        // Acknowledged: the client has the whole answer.
        if (response.status === 201) acks.push({ slug: ((await response.json()) as { slug: string }).slug, title, at: Date.now() });
        else failures.push(response.status);
      } catch {
        return; // the server is gone, mid-request or before it
      }
    }
  };
  await Promise.all(Array.from({ length: writers }, loop));
  return { acks, failures };
}

type Row = { slug: string; title: string; distributions: number; records: number; indexed: number; openness: number; revisions: number };

/** Every dataset whose title starts with `prefix`, with the counts of the parts one write makes. */
function writtenDatasets(file: string, prefix: string): Row[] {
  const sqlite = new BetterSqlite3(file, { readonly: true });
  try {
    return sqlite
      .prepare(
        `select d.slug, d.title_nb as title,
           (select count(*) from distributions x where x.dataset_id = d.id) as distributions,
           (select count(*) from catalogue_records r where r.dataset_id = d.id) as records,
           (select count(*) from dataset_search s where s.rowid = d.id) as indexed,
           (select count(*) from dataset_openness o where o.dataset_id = d.id) as openness,
           (select count(*) from revisions v where v.dataset_id = d.id) as revisions
         from datasets d where d.title_nb like ? order by d.id`,
      )
      .all(`${prefix}%`) as Row[];
  } finally {
    sqlite.close();
  }
}

function integrity(file: string): string {
  const sqlite = new BetterSqlite3(file, { readonly: true });
  try {
    return String(sqlite.pragma("integrity_check", { simple: true }));
  } finally {
    sqlite.close();
  }
}

/** Each dataset is whole: its distributions, record, search row, KPI row and first revision, all or none. */
function expectWhole(rows: Row[]): void {
  for (const row of rows) {
    expect(row, row.slug).toMatchObject({ distributions: 2, records: 1, indexed: 1, openness: 1 });
    expect(row.revisions, row.slug).toBeGreaterThanOrEqual(1);
  }
}

test("SIGKILL during a write burst: integrity ok, every acknowledged write present and whole after restart", async () => {
  const portal = await portalAt("kill-burst", 3231);
  const token = createAdminToken(portal.dbFile);
  const started = Date.now();
  const acknowledged: Ack[] = [];
  const burst = writeBurst(portal, token, "Krasjprøve", { until: () => Date.now() - started > 20_000, acks: acknowledged });
  // Kill once writes are flowing: polled on acknowledged writes, not written rows (a write is
  // committed a moment before its answer reaches the client, so rows run ahead of answers).
  await expect.poll(() => acknowledged.length, { timeout: 20_000 }).toBeGreaterThan(10);
  await portal.kill();
  const { acks, failures } = await burst;
  expect(failures).toEqual([]);
  expect(acks.length).toBeGreaterThan(10);

  expect(integrity(portal.dbFile)).toBe("ok");
  const rows = writtenDatasets(portal.dbFile, "Krasjprøve");
  const present = new Set(rows.map((r) => r.slug));
  expect(acks.filter((a) => !present.has(a.slug))).toEqual([]);
  expectWhole(rows);

  // The restarted server serves every acknowledged write (the stale lock file does not stop it).
  const again = await portalAt("kill-burst", 3231);
  for (const ack of acks) {
    const response = await fetch(`${again.baseUrl}/api/datasets/${ack.slug}`);
    expect(response.status, ack.slug).toBe(200);
    expect(((await response.json()) as { title: { nb: string } }).title.nb).toBe(ack.title);
  }
  expect(await again.stop()).toBe(0);
});

test("a full disk: writes fail with a clear 503 and save nothing, reads keep working", async () => {
  const first = await portalAt("disk-full", 3232);
  expect(await first.stop()).toBe(0);
  const sqlite = new BetterSqlite3(first.dbFile, { readonly: true });
  const bytes = (sqlite.pragma("page_count", { simple: true }) as number) * (sqlite.pragma("page_size", { simple: true }) as number);
  sqlite.close();
  // Room for a few more datasets only.
  const portal = await portalAt("disk-full", 3232, { DATABASE_MAX_SIZE_MB: String((bytes + 64 * 1024) / (1024 * 1024)) });
  const token = createAdminToken(portal.dbFile);
  let full: Response | undefined;
  let title = "";
  for (let i = 0; i < 300 && !full; i++) {
    title = `Fullt lager ${i}`;
    const response = await fetch(`${portal.baseUrl}/api/datasets`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify(datasetBody(title, "alesund-kommune")),
    });
    if (response.status !== 201) full = response;
  }
  expect(full?.status).toBe(503);
  const body = (await full!.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe("unavailable");
  expect(body.error.message).toContain("storage is full");

  // Reads go on: search, a dataset page, the API, health.
  expect((await fetch(`${portal.baseUrl}/api/datasets?q=alesund`)).status).toBe(200);
  expect((await fetch(`${portal.baseUrl}/datasets/arealplaner`)).status).toBe(200);
  expect((await fetch(`${portal.baseUrl}/api/health`)).status).toBe(200);
  expect(await portal.stop()).toBe(0);
  // The refused write left nothing behind; everything acknowledged is whole.
  expect(writtenDatasets(portal.dbFile, title)).toEqual([]);
  expectWhole(writtenDatasets(portal.dbFile, "Fullt lager"));
  expect(integrity(portal.dbFile)).toBe("ok");
});

test("a backup taken during a write burst restores to a consistent database with every write acknowledged before it", async () => {
  const portal = await portalAt("backup-burst", 3233);
  const token = createAdminToken(portal.dbFile);
  let stop = false;
  const acknowledged: Ack[] = [];
  const burst = writeBurst(portal, token, "Sikkerhetskopi", { until: () => stop, acks: acknowledged });
  // Acknowledged, not only written: a write is in the database a moment before its answer reaches the client.
  await expect.poll(() => acknowledged.length, { timeout: 20_000 }).toBeGreaterThan(10);
  const backupFile = path.join(work, "backups", "during-burst.db");
  const backupStarted = Date.now();
  const backup = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(tsx, ["scripts/backup.ts", "--to", backupFile, "--json"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: `file:${portal.dbFile}` },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
  // Keep writing a little after the backup.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  stop = true;
  const { acks, failures } = await burst;
  expect(backup.code, backup.stderr).toBe(0);
  expect(failures).toEqual([]);
  const beforeBackup = acks.filter((a) => a.at < backupStarted);
  expect(beforeBackup.length).toBeGreaterThan(10);
  expect(acks.length).toBeGreaterThan(beforeBackup.length);

  // Restore refuses while the server runs on the database.
  const refused = spawnSync(tsx, ["scripts/restore.ts", "--from", backupFile], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: `file:${portal.dbFile}` },
    encoding: "utf8",
  });
  expect(refused.status).toBe(1);
  expect(refused.stderr).toContain("is running on");

  // Health now knows the backup.
  const health = (await (await fetch(`${portal.baseUrl}/api/health`)).json()) as { backup: { tooOld: boolean; last: unknown } };
  expect(health.backup.tooOld).toBe(false);
  expect(await portal.stop()).toBe(0);

  // Restore into a fresh instance folder, then serve from it.
  const restoredDir = path.join(work, "restored");
  fs.mkdirSync(restoredDir, { recursive: true });
  const restored = spawnSync(tsx, ["scripts/restore.ts", "--from", backupFile, "--json"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: `file:${path.join(restoredDir, "catalogue.db")}` },
    encoding: "utf8",
  });
  expect(restored.status, restored.stderr).toBe(0);
  const restoredFile = path.join(restoredDir, "catalogue.db");
  expect(integrity(restoredFile)).toBe("ok");
  const rows = writtenDatasets(restoredFile, "Sikkerhetskopi");
  const present = new Set(rows.map((r) => r.slug));
  expect(beforeBackup.filter((a) => !present.has(a.slug))).toEqual([]);
  expectWhole(rows);

  const fromBackup = await portalAt("restored", 3234);
  const sample = beforeBackup[beforeBackup.length - 1]!;
  expect((await fetch(`${fromBackup.baseUrl}/api/datasets/${sample.slug}`)).status).toBe(200);
  expect(await fromBackup.stop()).toBe(0);
});

test("SIGTERM with a request in flight: the request completes, the database closes, exit 0", async () => {
  const dir = path.join(work, "shutdown");
  fs.mkdirSync(dir, { recursive: true });
  const env = { ...process.env, DATABASE_URL: `file:${path.join(dir, "catalogue.db")}` };
  expect(spawnSync(tsx, ["scripts/migrate.ts"], { cwd: root, env }).status).toBe(0);
  // A catalogue large enough that the full RDF dump takes a while to stream.
  expect(spawnSync(tsx, ["scripts/synthetic.ts", "--datasets", "4000"], { cwd: root, env }).status).toBe(0);
  const portal = await portalAt("shutdown", 3235, { LOG_LEVEL: "info" });
  const sqlite = new BetterSqlite3(portal.dbFile, { readonly: true });
  const published = sqlite.prepare("select count(*) from datasets where state = 'published'").pluck().get() as number;
  sqlite.close();
  expect(published).toBeGreaterThan(1000);
  const started = performance.now();
  const dump = fetch(`${portal.baseUrl}/catalog.nt`).then(async (response) => ({ status: response.status, body: await response.text() }));
  await new Promise((resolve) => setTimeout(resolve, 150));
  process.kill(portal.serverPid(), "SIGTERM");
  const result = await dump;
  const ms = performance.now() - started;
  expect(result.status).toBe(200);
  // The whole catalogue arrived: every dataset's type triple.
  expect(result.body.match(/<http:\/\/www\.w3\.org\/ns\/dcat#Dataset> \./g)?.length ?? 0).toBe(published);
  expect(await portal.stop()).toBe(0);
  expect(portal.output()).toContain('"msg":"stopped"');
  expect(fs.existsSync(`${portal.dbFile}.server.json`)).toBe(false);
  // Closed cleanly: the WAL was checkpointed and removed.
  expect(fs.existsSync(`${portal.dbFile}-wal`)).toBe(false);
  expect(ms).toBeGreaterThan(150);
  await expect(fetch(`${portal.baseUrl}/api/health`)).rejects.toThrow();
});

/** A DCAT-AP Turtle feed of `count` datasets, each with one CSV distribution. */
function writeFeed(file: string, count: number): void {
  const lines = [
    "@prefix dcat: <http://www.w3.org/ns/dcat#> .",
    "@prefix dct: <http://purl.org/dc/terms/> .",
    "<https://feed.example.org/catalog> a dcat:Catalog ;",
    '  dct:title "Krasjfeed"@nb ;',
    `  dcat:dataset ${Array.from({ length: count }, (_, i) => `<https://feed.example.org/ds/${i}>`).join(", ")} .`,
  ];
  for (let i = 0; i < count; i++) {
    lines.push(`<https://feed.example.org/ds/${i}> a dcat:Dataset ;
  dct:title "Høstet krasjdatasett ${i}"@nb ;
  dct:description "Datasett ${i} fra en feed som høstes mens prosessen drepes."@nb ;
  dcat:keyword "høsting"@nb ;
  dcat:theme <http://publications.europa.eu/resource/authority/data-theme/ENVI> ;
  dct:accessRights <http://publications.europa.eu/resource/authority/access-right/PUBLIC> ;
  dct:license <http://publications.europa.eu/resource/authority/licence/NLOD_2_0> ;
  dcat:distribution <https://feed.example.org/ds/${i}/csv> .
<https://feed.example.org/ds/${i}/csv> a dcat:Distribution ;
  dcat:accessURL <https://feed.example.org/ds/${i}/data.csv> ;
  dct:format <http://publications.europa.eu/resource/authority/file-type/CSV> .`);
  }
  fs.writeFileSync(file, `${lines.join("\n")}\n`);
}

/** True while another connection holds the database's write lock (a write transaction is open). */
function writeLockHeld(file: string): boolean {
  const sqlite = new BetterSqlite3(file);
  try {
    sqlite.pragma("busy_timeout = 0");
    sqlite.exec("begin immediate");
    sqlite.exec("rollback");
    return false;
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith("SQLITE_BUSY")) return true;
    throw error;
  } finally {
    sqlite.close();
  }
}

test("SIGKILL in the middle of a harvest: nothing of the job is written, the job is marked failed, a rerun writes it all", async () => {
  const COUNT = 1500;
  const portal = await portalAt("kill-harvest", 3237);
  const feed = path.join(work, "kill-harvest", "feed.ttl");
  writeFeed(feed, COUNT);
  const harvestedCount = () => writtenDatasets(portal.dbFile, "Høstet krasjdatasett").length;
  const harvest = () =>
    // node --import tsx: one process, so the kill reaches the process that writes.
    spawn(process.execPath, ["--import", "tsx", "scripts/harvest.ts", feed, "--json", "--publisher", "alesund-kommune"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: `file:${portal.dbFile}` },
      stdio: ["ignore", "pipe", "pipe"],
    });

  const job = harvest();
  const jobExited = new Promise((resolve) => job.once("exit", resolve));
  // Wait until the harvest is inside its write transaction (it holds the write lock), then cut the power.
  await expect
    .poll(() => job.exitCode === null && writeLockHeld(portal.dbFile), { timeout: 180_000, intervals: [20] })
    .toBe(true);
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(job.exitCode).toBeNull();
  job.kill("SIGKILL");
  await Promise.all([portal.kill(), jobExited]);

  expect(integrity(portal.dbFile)).toBe("ok");
  expect(harvestedCount()).toBe(0);
  const lastJob = () => {
    const sqlite = new BetterSqlite3(portal.dbFile, { readonly: true });
    try {
      return sqlite.prepare("select status, created, error from harvest_jobs order by id desc limit 1").get() as { status: string; created: number };
    } finally {
      sqlite.close();
    }
  };
  expect(lastJob()).toMatchObject({ status: "running", created: 0 });

  // The restarted server marks the interrupted job failed; health reports it.
  const again = await portalAt("kill-harvest", 3237);
  await expect.poll(() => lastJob().status, { timeout: 30_000 }).toBe("failed");
  const health = (await (await fetch(`${again.baseUrl}/api/health`)).json()) as { lastHarvest: { status: string } };
  expect(health.lastHarvest.status).toBe("failed");

  // The same feed harvested to the end: all of it, each dataset whole.
  const rerun = harvest();
  let stdout = "";
  rerun.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  const code = await new Promise((resolve) => rerun.once("exit", resolve));
  expect(code, stdout).toBe(0);
  expect(JSON.parse(stdout.trim().split("\n").pop()!)).toMatchObject({ status: "succeeded", created: COUNT });
  const rows = writtenDatasets(again.dbFile, "Høstet krasjdatasett");
  expect(rows).toHaveLength(COUNT);
  for (const row of rows) expect(row, row.slug).toMatchObject({ distributions: 1, records: 1, indexed: 1, openness: 1 });
  expect(await again.stop()).toBe(0);
  expect(integrity(again.dbFile)).toBe("ok");
});
