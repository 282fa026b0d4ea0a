import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiTokens, datasets, memberships, publishers, revisions, users } from "@/db/schema";
import { seedDemoCatalogue } from "@/db/seed";
import { loadPrincipal, type Principal } from "@/lib/auth/principal";
import { changeDatasetState, patchDataset, registerDataset, updateDataset } from "@/lib/catalogue/commands";
import { readDatasetInput } from "@/lib/catalogue/dataset-parts";
import { changesFromNothing } from "@/lib/catalogue/diff";
import { importDatasetsCsv } from "@/lib/catalogue/import-csv";
import type { DatasetInputRaw } from "@/lib/catalogue/schemas";
import { getStaffDataset } from "@/lib/catalogue/staff-queries";
import { AppError } from "@/lib/errors";
import { createHarvestSource, startHarvestSourceNow } from "@/lib/harvest/sources";
import { addMember, createPublisherCommand, removeMember, setMemberRole, updatePublisher } from "@/lib/publishers/commands";
import { createApiToken, revokeApiToken } from "@/lib/tokens/commands";
import { createUser } from "@/lib/users/commands";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

/**
 * The permission matrix at the command layer, where the rules are enforced for every entry point:
 * every write operation × {anonymous, editor of another publisher, editor, publisher administrator,
 * site administrator}. Allowed cells succeed; the others throw 401/403 and change nothing (the
 * database's total change counter is compared before and after).
 */
let t: TestDatabase;
let home: string;
let other: string;
const principals: Record<Role, Principal | null> = {} as never;
type Role = "anonymous" | "otherEditor" | "editor" | "publisherAdmin" | "siteAdmin";
const ROLES: Role[] = ["anonymous", "otherEditor", "editor", "publisherAdmin", "siteAdmin"];

const NLOD = "http://publications.europa.eu/resource/authority/licence/NLOD_2_0";

function input(overrides: Partial<DatasetInputRaw> = {}): DatasetInputRaw {
  return {
    title: { nb: `Bysykkelstativ ${Math.random().toString(36).slice(2, 8)}` },
    description: { nb: "Plassering av bysykkelstativ." },
    publisher: home,
    themes: ["TRAN"],
    accessRights: "PUBLIC",
    license: NLOD,
    distributions: [
      { accessURL: "https://example.org/a.csv", format: "CSV" },
      { accessURL: "https://example.org/a.json", format: "JSON" },
    ],
    state: "draft",
    ...overrides,
  };
}

beforeAll(async () => {
  t = createTestDatabase();
  seedDemoCatalogue(t.db);
  [home, other] = t.db.select({ slug: publishers.slug }).from(publishers).orderBy(publishers.id).limit(2).all().map((p) => p.slug) as [string, string];
  const operator = { userId: "", email: "cli", name: null, siteAdmin: true, roles: new Map(), publisherSlugs: new Map(), via: "cli" } satisfies Principal;
  const make = async (email: string, role: "admin" | "publisher-admin" | "editor", publisher?: string) =>
    loadPrincipal(t.db, (await createUser(t.db, operator, { email, password: "a-long-password-1", role, publisher })).id, "session");
  principals.anonymous = null;
  principals.otherEditor = await make("other@example.org", "editor", other);
  principals.editor = await make("editor@example.org", "editor", home);
  principals.publisherAdmin = await make("padmin@example.org", "publisher-admin", home);
  principals.siteAdmin = await make("site@example.org", "admin");
});
afterAll(() => t.cleanup());

const totalChanges = () => (t.db.$client.prepare("select total_changes() as n").get() as { n: number }).n;

/** Run `operation` as `role`: "ok", or the AppError status it was refused with; refusals must change nothing. */
async function attempt(
  role: Role,
  operation: (p: Principal | null, target: string) => unknown,
  prepare?: () => string,
): Promise<"ok" | number> {
  const target = prepare?.() ?? "";
  const before = totalChanges();
  try {
    await operation(principals[role], target);
    return "ok";
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    expect(totalChanges(), `${role} was refused but something changed`).toBe(before);
    return error.status;
  }
}

/** A fresh local dataset of the home publisher for each cell, so cells don't affect each other. */
const fresh = (state: "draft" | "published" = "draft") => registerDataset(t.db, principals.siteAdmin, input({ state })).slug;

const csv = () =>
  [
    "title_nb,description_nb,publisher,themes,access_rights,license,distribution_1_access_url,distribution_1_format",
    `Importert ${Math.random().toString(36).slice(2, 8)},Fra CSV,${home},TRAN,PUBLIC,NLOD_2_0,https://example.org/i.csv,CSV`,
  ].join("\n");

/** A harvest source of the home publisher (its feed is never reached: a private address is refused). */
const homeSource = () =>
  String(createHarvestSource(t.db, { principal: principals.siteAdmin, input: { name: `Kilde ${Math.random()}`, url: "http://127.0.0.1:9/feed.ttl", defaultPublisher: home } }).id);

const DATASET_WRITERS: Role[] = ["editor", "publisherAdmin", "siteAdmin"];
const ADMINS: Role[] = ["publisherAdmin", "siteAdmin"];

const OPERATIONS: { name: string; allowed: Role[]; prepare?: () => string; run: (p: Principal | null, slug: string) => unknown }[] = [
  { name: "create dataset", allowed: DATASET_WRITERS, run: (p) => registerDataset(t.db, p, input()) },
  { name: "update dataset", allowed: DATASET_WRITERS, prepare: fresh, run: (p, slug) => updateDataset(t.db, p, slug, input({ title: { nb: "Nytt navn" } })) },
  { name: "publish", allowed: DATASET_WRITERS, prepare: fresh, run: (p, slug) => changeDatasetState(t.db, p, slug, "published") },
  { name: "withdraw", allowed: DATASET_WRITERS, prepare: () => fresh("published"), run: (p, slug) => changeDatasetState(t.db, p, slug, "withdrawn") },
  {
    name: "delete distribution",
    allowed: DATASET_WRITERS,
    prepare: fresh,
    run: (p, slug) => patchDataset(t.db, p, slug, { distributions: [{ accessURL: "https://example.org/a.csv", format: "CSV" }] }),
  },
  {
    name: "manage members",
    allowed: ADMINS,
    run: (p) => addMember(t.db, p, home, { email: `m${Math.random().toString(36).slice(2, 8)}@example.org`, role: "editor", password: "a-long-password-2" }),
  },
  { name: "create token for the editor", allowed: ["editor", "siteAdmin"], run: (p) => createApiToken(t.db, p, { name: "ci", userId: principals.editor!.userId }) },
  { name: "import CSV", allowed: DATASET_WRITERS, run: (p) => importDatasetsCsv(t.db, p, { csv: csv(), dryRun: false }) },
  {
    name: "create harvest source",
    allowed: ADMINS,
    run: (p) => createHarvestSource(t.db, { principal: p, input: { name: `Kilde ${Math.random()}`, url: "https://example.org/feed.ttl", defaultPublisher: home } }),
  },
  {
    name: "harvest a source now",
    allowed: ADMINS,
    prepare: homeSource,
    // The job starts (it is what an allowed caller gets), and is let run to its end before the next cell.
    run: async (p, id) => (await (await startHarvestSourceNow(t.db, { principal: p, id: Number(id) })).finished)?.status,
  },
  { name: "create publisher", allowed: ["siteAdmin"], run: (p) => createPublisherCommand(t.db, p, { name: { nb: `Etat ${Math.random()}` } }) },
  { name: "edit publisher", allowed: ["siteAdmin"], run: (p) => updatePublisher(t.db, p, other, { name: { nb: "Nytt etatsnavn" } }) },
  {
    name: "create user",
    allowed: ["siteAdmin"],
    run: (p) => createUser(t.db, p, { email: `u${Math.random().toString(36).slice(2, 8)}@example.org`, password: "a-long-password-3", role: "editor", publisher: home }),
  },
];

describe("permission matrix (commands)", () => {
  const results: string[] = [];
  afterAll(() => console.log(`Permission matrix:\n${results.join("\n")}`));

  for (const operation of OPERATIONS) {
    it(`${operation.name}: only ${operation.allowed.join(", ")}`, async () => {
      const row: string[] = [];
      for (const role of ROLES) {
        const outcome = await attempt(role, operation.run, operation.prepare);
        const expected = operation.allowed.includes(role) ? "ok" : role === "anonymous" ? 401 : 403;
        row.push(`${role}=${outcome}`);
        expect(outcome, `${operation.name} as ${role}`).toBe(expected);
      }
      results.push(`${operation.name.padEnd(28)} ${row.join("  ")}`);
    });
  }
});

describe("dataset commands", () => {
  it("records every change as a revision with actor and diff; the slug never changes", () => {
    const { slug, id } = registerDataset(t.db, principals.editor, input({ title: { nb: "Parkering i sentrum" } }));
    updateDataset(t.db, principals.editor, slug, input({ title: { nb: "Parkeringsplasser i sentrum" } }));
    changeDatasetState(t.db, principals.publisherAdmin, slug, "published");
    const history = t.db.select().from(revisions).where(eq(revisions.datasetId, id)).orderBy(revisions.id).all();
    expect(history.map((r) => [r.action, r.actor])).toEqual([
      ["create", "editor@example.org"],
      ["update", "editor@example.org"],
      ["publish", "padmin@example.org"],
    ]);
    expect(history[1]!.changes).toContainEqual({ path: "title.nb", before: "Parkering i sentrum", after: "Parkeringsplasser i sentrum" });
    // A create stores its snapshot only; its changes (every field, from nothing) are derived when read.
    expect(history[0]!.changes).toEqual([]);
    const shown = getStaffDataset(t.db, principals.editor, slug).revisions;
    expect(shown.map((r) => r.action)).toEqual(["publish", "update", "create"]);
    expect(shown[2]!.changes).toEqual(changesFromNothing(history[0]!.snapshot as Record<string, unknown>));
    expect(shown[2]!.changes).toContainEqual({ path: "title", before: null, after: { nb: "Parkering i sentrum" } });
    expect(shown[1]!.changes).toEqual(history[1]!.changes);
    expect(t.db.select({ slug: datasets.slug }).from(datasets).where(eq(datasets.id, id)).get()!.slug).toBe(slug);
    const row = t.db.select().from(datasets).where(eq(datasets.id, id)).get()!;
    expect([row.state, row.stateChangedBy]).toEqual(["published", "padmin@example.org"]);
  });

  it("a save without changes writes nothing", () => {
    const { slug, id } = registerDataset(t.db, principals.editor, input());
    const stored = readDatasetInput(t.db, id)!;
    const before = totalChanges();
    expect(updateDataset(t.db, principals.editor, slug, stored).changed).toBe(false);
    expect(totalChanges()).toBe(before);
  });

  it("invalid input gets field errors and changes nothing; unknown fields are rejected", () => {
    const before = totalChanges();
    const error = (() => {
      try {
        registerDataset(t.db, principals.editor, { ...input({ title: { nb: "" } }), distributions: [{ accessURL: "ftp://x" }], colour: "red" });
      } catch (e) {
        return e as AppError;
      }
    })();
    expect(error?.status).toBe(422);
    expect(Object.keys(error!.fields!)).toEqual(expect.arrayContaining(["title.nb", "distributions.0.accessURL"]));
    expect(JSON.stringify(error!.fields)).toMatch(/colour/);
    expect(totalChanges()).toBe(before);
  });

  it("an editor cannot move a dataset to another publisher", async () => {
    const { slug } = registerDataset(t.db, principals.editor, input());
    expect(await attempt("editor", (p) => updateDataset(t.db, p, slug, input({ publisher: other })))).toBe(403);
  });

  it("PATCH with null removes an optional field; workflow goes back to draft", () => {
    const { slug, id } = registerDataset(t.db, principals.editor, input({ landingPage: "https://example.org/landing" }));
    patchDataset(t.db, principals.editor, slug, { landingPage: null });
    expect(readDatasetInput(t.db, id)!.landingPage).toBeUndefined();
    changeDatasetState(t.db, principals.editor, slug, "published");
    changeDatasetState(t.db, principals.editor, slug, "withdrawn");
    const back = changeDatasetState(t.db, principals.editor, slug, "draft");
    expect(back.action).toBe("unpublish");
  });
});

describe("CSV import", () => {
  it("a CSV with one bad row among a thousand imports nothing and names the row", () => {
    const header = "title_nb,description_nb,publisher,themes,access_rights,license,distribution_1_access_url,distribution_1_format";
    const rows = Array.from({ length: 1000 }, (_, i) =>
      i === 636
        ? `Rad ${i},Beskrivelse,${home},NOT_A_THEME,PUBLIC,NLOD_2_0,https://example.org/${i}.csv,CSV`
        : `Rad ${i},Beskrivelse,${home},TRAN,PUBLIC,NLOD_2_0,https://example.org/${i}.csv,CSV`,
    );
    const before = t.db.select({ n: count() }).from(datasets).get()!.n;
    const report = importDatasetsCsv(t.db, principals.editor, { csv: [header, ...rows].join("\n"), dryRun: false });
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]!.row).toBe(638);
    expect(Object.keys(report.errors[0]!.fields)).toEqual(["themes.0"]);
    expect(t.db.select({ n: count() }).from(datasets).get()!.n).toBe(before);
  });

  it("a dry run reports every row's errors; the real run imports all rows", () => {
    const header = "title_nb,description_nb,publisher,themes,access_rights,license,distribution_1_access_url,distribution_1_format,distribution_2_access_url,distribution_2_format";
    const bad = [header, `,x,${home},TRAN,PUBLIC,NLOD_2_0,https://a.org/x.csv,CSV,,`, `T,x,${home},TRAN,MAYBE,NLOD_2_0,notaurl,CSV,,`].join("\n");
    const dry = importDatasetsCsv(t.db, principals.editor, { csv: bad, dryRun: true });
    expect(dry.errors.map((e) => e.row)).toEqual([2, 3]);
    expect(Object.keys(dry.errors[1]!.fields).sort()).toEqual(["accessRights", "distributions.0.accessURL"]);

    const good = [header, `Vegnett,Vegnettet,${home},TRAN,PUBLIC,NLOD_2_0,https://a.org/v.csv,CSV,https://a.org/v.json,JSON`].join("\n");
    const report = importDatasetsCsv(t.db, principals.editor, { csv: good, dryRun: false });
    expect(report.created).toHaveLength(1);
    const id = t.db.select({ id: datasets.id }).from(datasets).where(eq(datasets.slug, report.created[0]!.slug)).get()!.id;
    expect(readDatasetInput(t.db, id)!.distributions.map((d) => d.format)).toEqual(["CSV", "JSON"]);
    const revision = t.db.select().from(revisions).where(eq(revisions.datasetId, id)).get()!;
    expect(revision.actor).toBe("editor@example.org (CSV import)");
  });
});

describe("members and tokens", () => {
  it("a publisher administrator cannot remove or demote themselves as the last administrator", async () => {
    const padmin = principals.publisherAdmin!;
    expect(await attempt("publisherAdmin", (p) => removeMember(t.db, p, home, padmin.userId))).toBe(409);
    expect(await attempt("publisherAdmin", (p) => setMemberRole(t.db, p, home, padmin.userId, "editor"))).toBe(409);
    const member = t.db.select().from(memberships).where(eq(memberships.userId, padmin.userId)).get();
    expect(member?.role).toBe("admin");
  });

  it("tokens are stored hashed, with a recognisable prefix, and stop working when revoked", async () => {
    const { principalFromAuthorization } = await import("@/lib/tokens/authenticate");
    const created = createApiToken(t.db, principals.editor, { name: "script" });
    expect(created.token).toMatch(/^fjc_[A-Za-z0-9_-]{43}$/);
    const row = t.db.select().from(apiTokens).where(eq(apiTokens.id, created.id)).get()!;
    expect(row.tokenHash).not.toContain(created.token.slice(4));
    expect(row.prefix).toBe(created.token.slice(0, 12));
    expect(principalFromAuthorization(t.db, `Bearer ${created.token}`)?.email).toBe("editor@example.org");
    revokeApiToken(t.db, principals.editor, created.id);
    expect(() => principalFromAuthorization(t.db, `Bearer ${created.token}`)).toThrow(/revoked/);
    expect(() => principalFromAuthorization(t.db, "Bearer nonsense")).toThrow(AppError);
  });

  it("a disabled user's tokens stop working", async () => {
    const { principalFromAuthorization } = await import("@/lib/tokens/authenticate");
    const created = createApiToken(t.db, principals.otherEditor, { name: "x" });
    t.db.update(users).set({ disabledAt: new Date().toISOString() }).where(eq(users.id, principals.otherEditor!.userId)).run();
    expect(() => principalFromAuthorization(t.db, `Bearer ${created.token}`)).toThrow(/disabled/);
    t.db.update(users).set({ disabledAt: null }).where(eq(users.id, principals.otherEditor!.userId)).run();
  });
});
