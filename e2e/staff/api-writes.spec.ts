import { execFileSync } from "node:child_process";
import { expect, test, type APIRequestContext } from "@playwright/test";

/**
 * The JSON write API and the CLI, through the real server: users and tokens made with
 * `npm run user` / `npm run token` against the server's database, then every dataset write ×
 * {anonymous, editor of another publisher, editor, publisher administrator, site administrator}.
 * Allowed cells succeed; the others get 401/403 and change nothing. Bad bodies get 422 with field
 * errors, unknown fields 422, oversize bodies 413, other content types 415.
 */
const CLI_ENV: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: "file:./.tmp/e2e/catalogue.db", NODE_ENV: "development" };
const cli = (script: string, args: string[]) =>
  execFileSync("npx", ["tsx", `scripts/${script}.ts`, ...args], { env: CLI_ENV, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();

type Role = "anonymous" | "otherEditor" | "editor" | "publisherAdmin" | "siteAdmin";
const ROLES: Role[] = ["anonymous", "otherEditor", "editor", "publisherAdmin", "siteAdmin"];
const tokens = {} as Record<Role, string | undefined>;
const HOME = "alesund-kommune";
const OTHER = "kartverket";
const NLOD = "http://publications.europa.eu/resource/authority/licence/NLOD_2_0";
const run = Math.random().toString(36).slice(2, 7);

const auth = (role: Role): Record<string, string> => (tokens[role] ? { Authorization: `Bearer ${tokens[role]}` } : {});

function dataset(title: string, overrides: Record<string, unknown> = {}) {
  return {
    title: { nb: title, en: `${title} (en)` },
    description: { nb: "Registrert gjennom API-et." },
    publisher: HOME,
    themes: ["TRAN"],
    accessRights: "PUBLIC",
    license: NLOD,
    distributions: [
      { accessURL: "https://example.org/data.csv", format: "CSV" },
      { accessURL: "https://example.org/data.json", format: "JSON" },
    ],
    ...overrides,
  };
}

test.beforeAll(async ({ request }) => {
  const orgs = (await (await request.get("/api/3/action/organization_list")).json()) as { result: string[] };
  expect(orgs.result).toEqual(expect.arrayContaining([HOME, OTHER]));
  const users: [Role, string, string[]][] = [
    ["otherEditor", `other-${run}@example.org`, ["--role", "editor", "--publisher", OTHER]],
    ["editor", `editor-${run}@example.org`, ["--role", "editor", "--publisher", HOME]],
    ["publisherAdmin", `padmin-${run}@example.org`, ["--role", "publisher-admin", "--publisher", HOME]],
    ["siteAdmin", `site-${run}@example.org`, ["--role", "admin"]],
  ];
  for (const [role, email, args] of users) {
    cli("user", ["create", "--email", email, "--password", "correct-horse-battery-staple", ...args]);
    tokens[role] = cli("token", ["create", "--email", email, "--name", `e2e ${role}`]);
    expect(tokens[role]).toMatch(/^fjc_[A-Za-z0-9_-]{43}$/);
  }
});

/** A fresh dataset of the home publisher, made by the site administrator. */
async function fresh(request: APIRequestContext, state = "draft"): Promise<string> {
  const response = await request.post("/api/datasets", { headers: auth("siteAdmin"), data: dataset(`Matrise ${run} ${Math.random()}`, { state }) });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { slug: string }).slug;
}

async function snapshot(request: APIRequestContext, slug: string) {
  const response = await request.get(`/api/datasets/${slug}`, { headers: auth("siteAdmin") });
  return { status: response.status(), body: await response.text() };
}

test.describe("permission matrix over HTTP", () => {
  const lines: string[] = [];
  test.afterAll(() => console.log(`Permission matrix (HTTP):\n${lines.join("\n")}`));

  const operations: {
    name: string;
    state?: string;
    call: (request: APIRequestContext, role: Role, slug: string) => Promise<{ status: () => number }>;
    /** A refused create leaves no dataset behind; the other operations leave the target unchanged. */
    creates?: boolean;
  }[] = [
    {
      name: "create",
      creates: true,
      call: (r, role, slug) => r.post("/api/datasets", { headers: auth(role), data: dataset(slug) }),
    },
    { name: "update (PUT)", call: (r, role, slug) => r.put(`/api/datasets/${slug}`, { headers: auth(role), data: dataset("Endret tittel") }) },
    { name: "publish (PATCH)", call: (r, role, slug) => r.patch(`/api/datasets/${slug}`, { headers: auth(role), data: { state: "published" } }) },
    { name: "withdraw (DELETE)", state: "published", call: (r, role, slug) => r.delete(`/api/datasets/${slug}`, { headers: auth(role) }) },
    {
      name: "delete distribution",
      call: (r, role, slug) =>
        r.patch(`/api/datasets/${slug}`, { headers: auth(role), data: { distributions: [{ accessURL: "https://example.org/data.csv", format: "CSV" }] } }),
    },
    {
      name: "import CSV",
      creates: true,
      call: (r, role, slug) =>
        r.post("/api/import/datasets", {
          headers: { ...auth(role), "Content-Type": "text/csv" },
          data: `title_nb,description_nb,publisher,themes,access_rights,license,distribution_1_access_url,distribution_1_format\n${slug},Fra CSV,${HOME},TRAN,PUBLIC,NLOD_2_0,https://example.org/x.csv,CSV\n`,
        }),
    },
  ];

  for (const operation of operations) {
    test(operation.name, async ({ request }) => {
      const row: string[] = [];
      for (const role of ROLES) {
        const target = operation.creates ? `ny-${run}-${role}-${operation.name.length}` : await fresh(request, operation.state);
        const before = operation.creates ? undefined : await snapshot(request, target);
        const status = (await operation.call(request, role, target)).status();
        row.push(`${role}=${status}`);
        const allowed = role !== "anonymous" && role !== "otherEditor";
        if (allowed) {
          expect(status, `${operation.name} as ${role}`).toBeLessThan(300);
        } else {
          expect(status, `${operation.name} as ${role}`).toBe(role === "anonymous" ? 401 : 403);
          if (operation.creates) expect((await snapshot(request, target)).status).toBe(404);
          else expect(await snapshot(request, target)).toEqual(before);
        }
      }
      lines.push(`${operation.name.padEnd(22)} ${row.join("  ")}`);
    });
  }
});

test.describe("bad input", () => {
  test("invalid bodies get 422 with field errors; unknown fields are rejected", async ({ request }) => {
    const response = await request.post("/api/datasets", {
      headers: auth("editor"),
      data: { ...dataset(""), accessRights: "SOMETIMES", distributions: [{ accessURL: "javascript:alert(1)" }], colour: "blue" },
    });
    expect(response.status()).toBe(422);
    const body = (await response.json()) as { error: { code: string; fields: Record<string, string[]> } };
    expect(body.error.code).toBe("unprocessable_entity");
    expect(Object.keys(body.error.fields)).toEqual(expect.arrayContaining(["title.nb", "accessRights", "distributions.0.accessURL"]));
    expect(JSON.stringify(body.error.fields)).toContain("colour");
  });

  test("oversize bodies get 413, other content types 415, broken JSON 400, bad tokens 401", async ({ request }) => {
    const huge = await request.post("/api/datasets", {
      headers: { ...auth("editor"), "Content-Type": "application/json" },
      data: JSON.stringify(dataset("Stor", { description: { nb: "x".repeat(1_100_000) } })),
    });
    expect(huge.status()).toBe(413);
    const form = await request.post("/api/datasets", { headers: auth("editor"), form: { title: "x" } });
    expect(form.status()).toBe(415);
    const broken = await request.post("/api/datasets", { headers: { ...auth("editor"), "Content-Type": "application/json" }, data: Buffer.from("{ not json") });
    expect(broken.status()).toBe(400);
    const forged = await request.post("/api/datasets", { headers: { Authorization: `Bearer fjc_${"A".repeat(43)}` }, data: dataset("x") });
    expect(forged.status()).toBe(401);
  });

  test("a GET → PUT round trip changes nothing; the slug cannot change", async ({ request }) => {
    const slug = await fresh(request);
    const got = (await (await request.get(`/api/datasets/${slug}`, { headers: auth("editor") })).json()) as Record<string, unknown>;
    const put = await request.put(`/api/datasets/${slug}`, { headers: auth("editor"), data: got });
    expect(put.status()).toBe(200);
    expect(((await put.json()) as { updatedAt: string }).updatedAt).toBe(got.updatedAt);
    const renamed = await request.put(`/api/datasets/${slug}`, { headers: auth("editor"), data: { ...got, slug: "nytt-navn" } });
    expect(renamed.status()).toBe(422);
  });

  test("drafts are visible to their publisher's staff only", async ({ request }) => {
    const slug = await fresh(request);
    expect((await request.get(`/api/datasets/${slug}`)).status()).toBe(404);
    expect((await request.get(`/api/datasets/${slug}`, { headers: auth("otherEditor") })).status()).toBe(404);
    expect((await request.get(`/api/datasets/${slug}`, { headers: auth("editor") })).status()).toBe(200);
    expect((await request.get(`/datasets/${slug}`)).status()).toBe(404);
  });

  test("a published dataset is found by the public search; a withdrawn one is not", async ({ request }) => {
    const title = `Ladestasjoner ${run}`;
    const created = await request.post("/api/datasets", { headers: auth("editor"), data: dataset(title, { state: "published" }) });
    const { slug } = (await created.json()) as { slug: string };
    const found = async () => {
      const body = (await (await request.get(`/api/datasets?q=${encodeURIComponent(`ladestasjoner ${run}`)}`)).json()) as { results: { slug: string }[] };
      return body.results.map((r) => r.slug);
    };
    expect((await found())[0]).toBe(slug);
    expect((await request.delete(`/api/datasets/${slug}`, { headers: auth("editor") })).status()).toBe(200);
    expect(await found()).not.toContain(slug);
  });

  test("a revoked token stops working", async ({ request }) => {
    const token = cli("token", ["create", "--email", `editor-${run}@example.org`, "--name", "short-lived"]);
    const id = cli("token", ["list", "--email", `editor-${run}@example.org`]).split("\n").find((l) => l.includes("short-lived"))!.split(/\s+/)[0]!;
    cli("token", ["revoke", "--id", id]);
    const response = await request.post("/api/datasets", { headers: { Authorization: `Bearer ${token}` }, data: dataset("x") });
    expect(response.status()).toBe(401);
  });
});
