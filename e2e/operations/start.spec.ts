import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { expect, test } from "@playwright/test";

/**
 * `npm start` as an operator uses it: restarts keep the data, two databases stay independent,
 * and bad situations give a clear message rather than a stack trace.
 */
const root = process.cwd();
const work = path.join(root, ".tmp", "e2e-start");
const tsx = path.join(root, "node_modules", ".bin", "tsx");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

test.describe.configure({ mode: "serial", timeout: 180_000 });
test.beforeAll(() => {
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
});

function startPortal(name: string, port: number): ChildProcess {
  const child = spawn(tsx, ["scripts/start.ts"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: `file:${path.join(work, name, "catalogue.db")}`, PORT: String(port), BASE_URL: undefined },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.resume();
  child.stderr?.resume();
  return child;
}

async function waitForHealth(port: number): Promise<{ datasets: number }> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://localhost:${port}/api/health`);
      if (response.ok) return (await response.json()) as { datasets: number };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no health on port ${port}`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

async function total(port: number): Promise<number> {
  return ((await (await fetch(`http://localhost:${port}/api/datasets?limit=1`)).json()) as { total: number }).total;
}

test("restarting keeps the data without seeding again, and a second database is independent", async () => {
  let a = startPortal("a", 3221);
  try {
    expect((await waitForHealth(3221)).datasets).toBe(150);
  } finally {
    await stop(a);
  }
  // Change database A behind the portal's back: withdraw one dataset.
  const sqlite = new BetterSqlite3(path.join(work, "a", "catalogue.db"));
  sqlite.prepare("update datasets set state = 'withdrawn' where slug = 'arealplaner'").run();
  sqlite.close();

  a = startPortal("a", 3221);
  const b = startPortal("b", 3222);
  try {
    expect((await waitForHealth(3221)).datasets).toBe(150);
    expect(await total(3221)).toBe(149);
    expect((await waitForHealth(3222)).datasets).toBe(150);
    expect(await total(3222)).toBe(150);
  } finally {
    await Promise.all([stop(a), stop(b)]);
  }
  expect(fs.existsSync(path.join(work, "a", ".auth-secret"))).toBe(true);
});

test("a malformed seed record stops the seed with its id and reason, not a stack trace", () => {
  const demo = JSON.parse(fs.readFileSync(path.join(root, "db/seed/demo-catalogue.json"), "utf8"));
  demo.datasets[12].accrualPeriodicity = "every blue moon";
  const file = path.join(work, "bad-seed.json");
  fs.writeFileSync(file, JSON.stringify(demo));
  const dbUrl = `file:${path.join(work, "seed", "catalogue.db")}`;
  expect(spawnSync(tsx, ["scripts/migrate.ts"], { cwd: root, env: { ...process.env, DATABASE_URL: dbUrl } }).status).toBe(0);
  const result = spawnSync(tsx, ["scripts/seed.ts", "--file", file], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: dbUrl },
    encoding: "utf8",
  });
  expect(result.status).toBe(1);
  expect(result.stderr).toContain(`Seed record ${demo.datasets[12].sourceId} cannot be loaded`);
  expect(result.stderr).toContain('accrualPeriodicity: "every blue moon" is not a known frequency');
  expect(result.stderr).not.toMatch(/^\s+at /m);
});

test("the production server refuses to start without AUTH_SECRET, saying what to do", () => {
  const result = spawnSync(process.execPath, [nextBin, "start", "--port", "3223"], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", AUTH_SECRET: "", DATABASE_URL: `file:${path.join(work, "a", "catalogue.db")}` },
    encoding: "utf8",
    timeout: 60_000,
  });
  expect(result.status).toBe(1);
  expect(result.stderr).toContain("AUTH_SECRET is required in production");
  expect(result.stderr).not.toMatch(/^\s+at /m);
});

test("the server refuses an unmigrated database, saying what to run", () => {
  const empty = path.join(work, "empty", "catalogue.db");
  fs.mkdirSync(path.dirname(empty), { recursive: true });
  new BetterSqlite3(empty).close();
  const result = spawnSync(process.execPath, [nextBin, "start", "--port", "3224"], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", AUTH_SECRET: "x".repeat(40), DATABASE_URL: `file:${empty}` },
    encoding: "utf8",
    timeout: 60_000,
  });
  expect(result.status).toBe(1);
  expect(result.stderr).toContain("is not migrated (0 of");
  expect(result.stderr).toContain("npm run migrate");
  expect(result.stderr).not.toMatch(/^\s+at /m);
});
