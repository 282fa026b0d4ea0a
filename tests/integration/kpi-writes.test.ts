import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Executor } from "@/db/client";
import { datasets, distributions, publishers } from "@/db/schema";
import { seedDemoCatalogue } from "@/db/seed";
import { operatorPrincipal } from "@/lib/auth/principal";
import { changeDatasetState, patchDataset, registerDataset } from "@/lib/catalogue/commands";
import { createDataset, DeferredDerived } from "@/lib/catalogue/create-dataset";
import type { DatasetInputRaw } from "@/lib/catalogue/schemas";
import { replaceDataset } from "@/lib/catalogue/update-dataset";
import { computeKpi, recountKpi, type KpiFigures } from "@/lib/kpi/compute-kpi";
import { listNotOpenDatasets } from "@/lib/kpi/not-open-datasets";
import { rebuildKpiAggregates, refreshDatasetOpenness } from "@/lib/kpi/refresh-openness";
import { resolveKpiScope, WHOLE_CATALOGUE, type KpiScope } from "@/lib/kpi/scope";
import { createTestDatabase, storedKpiAggregates, type TestDatabase } from "../helpers/test-database";

const NLOD = "http://publications.europa.eu/resource/authority/licence/NLOD_2_0";
const CC_BY_NC = "http://publications.europa.eu/resource/authority/licence/CC_BYNC_4_0";

let t: TestDatabase;
let publisherSlug: string;
beforeAll(() => {
  t = createTestDatabase();
  seedDemoCatalogue(t.db);
  publisherSlug = t.db.select({ slug: publishers.slug }).from(publishers).where(eq(publishers.slug, "alesund-kommune")).get()!.slug;
});
afterAll(() => t.cleanup());

const kpi = (scope: Partial<KpiScope> = {}): KpiFigures => computeKpi(t.db, resolveKpiScope(t.db, { ...WHOLE_CATALOGUE, ...scope }));

function input(overrides: Partial<DatasetInputRaw> = {}): DatasetInputRaw {
  return {
    title: { nb: `Sykkelparkering ${Math.random().toString(36).slice(2, 8)}` },
    description: { nb: "Sykkelparkeringsplasser i sentrum." },
    publisher: publisherSlug,
    themes: ["TRAN"],
    accessRights: "PUBLIC",
    license: NLOD,
    distributions: [{ accessURL: "https://example.org/sykkel.csv", format: "CSV" }],
    state: "draft",
    ...overrides,
  };
}

function register(overrides: Partial<DatasetInputRaw> = {}): number {
  return t.db.transaction((tx) => createDataset(tx, { input: input(overrides), actor: { label: "test" } })).id;
}

/** A write to a dataset as the update commands will do it: change the rows, then refresh, in one transaction. */
function change(id: number, write: (db: Database) => void): void {
  t.db.transaction((tx) => {
    write(tx as unknown as Database);
    refreshDatasetOpenness(tx, id);
  });
}

const delta = (before: KpiFigures, after: KpiFigures) => ({
  inventory: after.inventory - before.inventory,
  openPublished: after.openPublished - before.openPublished,
});

function expectCountersEqualRecount(): void {
  for (const scope of [{}, { publisher: publisherSlug }, { theme: "TRAN" }, { publisher: publisherSlug, theme: "TRAN" }]) {
    const resolved = resolveKpiScope(t.db, { ...WHOLE_CATALOGUE, ...scope });
    expect({ ...computeKpi(t.db, resolved), computedAt: "" }).toEqual({ ...recountKpi(t.db, resolved), computedAt: "" });
  }
}

describe("the KPI under writes", () => {
  it("follows a dataset from draft to published to restricted to withdrawn, through the staff commands", () => {
    const staff = operatorPrincipal();
    const start = kpi();
    const startPublisher = kpi({ publisher: publisherSlug });
    const startTheme = kpi({ theme: "TRAN" });

    const { slug } = registerDataset(t.db, staff, input());
    const afterDraft = kpi();
    expect(delta(start, afterDraft)).toEqual({ inventory: 1, openPublished: 0 });
    expect(afterDraft.notOpen.unpublished - start.notOpen.unpublished).toBe(1);
    expect(delta(startPublisher, kpi({ publisher: publisherSlug }))).toEqual({ inventory: 1, openPublished: 0 });

    changeDatasetState(t.db, staff, slug, "published");
    const afterPublish = kpi();
    expect(delta(start, afterPublish)).toEqual({ inventory: 1, openPublished: 1 });
    expect(afterPublish.notOpen).toEqual(start.notOpen);
    expect(delta(startPublisher, kpi({ publisher: publisherSlug }))).toEqual({ inventory: 1, openPublished: 1 });
    expect(delta(startTheme, kpi({ theme: "TRAN" }))).toEqual({ inventory: 1, openPublished: 1 });

    patchDataset(t.db, staff, slug, { accessRights: "RESTRICTED" });
    const afterRestrict = kpi();
    expect(delta(start, afterRestrict)).toEqual({ inventory: 1, openPublished: 0 });
    expect(afterRestrict.notOpen.restrictedAccess - start.notOpen.restrictedAccess).toBe(1);

    changeDatasetState(t.db, staff, slug, "withdrawn");
    expect(delta(start, kpi())).toEqual({ inventory: 0, openPublished: 0 });
    expect(kpi().notOpen).toEqual(start.notOpen);
    expect(delta(startTheme, kpi({ theme: "TRAN" }))).toEqual({ inventory: 0, openPublished: 0 });
    expectCountersEqualRecount();
  });

  it("publishing with an open licence and a CSV distribution raises both figures at once", () => {
    const before = kpi();
    register({ state: "published" });
    expect(delta(before, kpi())).toEqual({ inventory: 1, openPublished: 1 });
  });

  it("moves a dataset between publisher and theme lines when they change", () => {
    const id = register({ state: "published" });
    const other = t.db.select().from(publishers).where(sql`slug <> ${publisherSlug}`).limit(1).get()!;
    const before = { mine: kpi({ publisher: publisherSlug }), theirs: kpi({ publisher: other.slug }), envi: kpi({ theme: "ENVI" }) };
    change(id, (db) => {
      db.update(datasets).set({ publisherId: other.id }).where(eq(datasets.id, id)).run();
      db.run(sql`update dataset_themes set theme = 'ENVI' where dataset_id = ${id}`);
    });
    expect(delta(before.mine, kpi({ publisher: publisherSlug }))).toEqual({ inventory: -1, openPublished: -1 });
    expect(delta(before.theirs, kpi({ publisher: other.slug }))).toEqual({ inventory: 1, openPublished: 1 });
    expect(delta(before.envi, kpi({ theme: "ENVI" }))).toEqual({ inventory: 1, openPublished: 1 });
    expectCountersEqualRecount();
  });
});

describe("the harvest-source scope", () => {
  it("counts the datasets harvested from a source", () => {
    const sourceId = t.db.get<{ id: number }>(
      sql`insert into harvest_sources (name, url, kind) values ('Geonorge', 'https://example.org/dcat', 'dcat') returning id`,
    )!.id;
    expect(kpi({ source: sourceId })).toMatchObject({ inventory: 0, openPublished: 0, percent: null });
    t.db.transaction((tx) =>
      createDataset(tx, {
        input: input({ state: "published" }),
        actor: { label: `harvest:${sourceId}` },
        origin: { kind: "harvest", sourceId, uri: "https://example.org/datasets/harvested-1" },
      }),
    );
    expect(kpi({ source: sourceId })).toMatchObject({ inventory: 1, openPublished: 1, percent: 100 });
    expect(() => kpi({ source: sourceId + 1000 })).toThrow(/does not exist/);
  });
});

describe("the openness of a batch written together (a harvest's)", () => {
  it("is stored, with the counters, as a rebuild from the tables gives it, for every combination the rule reads, created and changed", () => {
    // A batch's openness comes from what was written (DeferredDerived, refreshWrittenDatasetsOpenness:
    // the rule's function form); a rebuild evaluates the rule's SQL form over the tables.
    const sourceId = t.db.get<{ id: number }>(sql`insert into harvest_sources (name, url, kind) values ('Batch', 'https://example.org/batch', 'dcat') returning id`)!.id;
    const distributionSets: DatasetInputRaw["distributions"][] = [
      [],
      [{ accessURL: "https://example.org/a.csv", format: "CSV" }],
      [{ accessURL: "https://example.org/a.pdf", format: "PDF" }],
      [{ accessURL: "https://example.org/a.csv", format: "CSV", license: NLOD }],
      [{ accessURL: "https://example.org/a.csv", format: "CSV", license: CC_BY_NC }],
      [{ accessURL: "https://example.org/a.pdf", format: "PDF", license: NLOD }, { accessURL: "https://example.org/a.csv", format: "CSV" }],
      [{ accessURL: "https://example.org/a.pdf", format: "PDF", license: NLOD }, { accessURL: "https://example.org/a.csv", format: "CSV", license: CC_BY_NC }],
      [{ accessURL: "https://example.org/a", license: NLOD }],
    ];
    const inputs: DatasetInputRaw[] = [];
    for (const state of ["draft", "published", "withdrawn"] as const)
      for (const accessRights of ["PUBLIC", "RESTRICTED", "NON_PUBLIC"] as const)
        for (const license of [undefined, NLOD, CC_BY_NC])
          for (const distributions of distributionSets)
            inputs.push(input({ state, accessRights, license, distributions, themes: inputs.length % 3 === 0 ? ["TRAN", "ENVI", "AGRI", "ENVI"] : ["TRAN"] }));
    const write = (each: (tx: Executor, given: DatasetInputRaw, i: number, deferred: DeferredDerived) => void) =>
      t.db.transaction((tx) => {
        const deferred = new DeferredDerived();
        inputs.forEach((given, i) => each(tx, given, i, deferred));
        deferred.flush(tx);
      });
    const ids: number[] = [];
    write((tx, given, i, deferred) =>
      ids.push(
        createDataset(tx, {
          input: given,
          actor: { label: `harvest:${sourceId}` },
          origin: { kind: "harvest", sourceId, uri: `https://example.org/batch/${i}` },
          deferred,
        }).id,
      ),
    );
    const rebuilt = () => {
      const stored = storedKpiAggregates(t.db);
      t.db.transaction((tx) => rebuildKpiAggregates(tx));
      return { stored, rebuilt: storedKpiAggregates(t.db) };
    };
    const created = rebuilt();
    expect(created.stored.openness.filter((row) => ids.includes((row as { dataset_id: number }).dataset_id))).toHaveLength((inputs.length * 2) / 3);
    expect(created.stored).toEqual(created.rebuilt);
    // Each written again as another combination (in and out of the inventory, open and not).
    write((tx, _, i, deferred) => replaceDataset(tx, { datasetId: ids[i]!, input: inputs[(i * 7 + 5) % inputs.length]!, actor: { label: `harvest:${sourceId}` }, deferred }));
    const changed = rebuilt();
    expect(changed.stored).toEqual(changed.rebuilt);
  });
});

describe("each reason for not open", () => {
  const reasonsOf = (id: number) => {
    const slug = t.db.select({ slug: datasets.slug }).from(datasets).where(eq(datasets.id, id)).get()!.slug;
    const list = listNotOpenDatasets(t.db, { scope: resolveKpiScope(t.db, { ...WHOLE_CATALOGUE, publisher: publisherSlug }), limit: 10_000 });
    return list.items.find((d) => d.slug === slug)?.reasons ?? [];
  };

  it("unpublished: a draft", () => {
    expect(reasonsOf(register())).toEqual(["unpublished"]);
  });

  it("restrictedAccess: RESTRICTED or NON_PUBLIC access rights", () => {
    expect(reasonsOf(register({ state: "published", accessRights: "RESTRICTED" }))).toEqual(["restrictedAccess"]);
    expect(reasonsOf(register({ state: "published", accessRights: "NON_PUBLIC" }))).toEqual(["restrictedAccess"]);
  });

  it("noOpenLicence: no licence, or a non-commercial one", () => {
    expect(reasonsOf(register({ state: "published", license: undefined }))).toEqual(["noOpenLicence"]);
    expect(reasonsOf(register({ state: "published", license: CC_BY_NC }))).toEqual(["noOpenLicence"]);
  });

  it("an open licence on the distribution alone is enough", () => {
    const id = register({
      state: "published",
      license: undefined,
      distributions: [{ accessURL: "https://example.org/a.csv", format: "CSV", license: NLOD }],
    });
    expect(reasonsOf(id)).toEqual([]);
  });

  it("noMachineReadableDistribution: only a PDF, only a WMS, or no distribution", () => {
    const only = (format: "PDF" | "WMS_SRVC") => register({ state: "published", distributions: [{ accessURL: "https://example.org/x", format }] });
    expect(reasonsOf(only("PDF"))).toEqual(["noMachineReadableDistribution"]);
    expect(reasonsOf(only("WMS_SRVC"))).toEqual(["noMachineReadableDistribution"]);
    expect(reasonsOf(register({ state: "published", distributions: [] }))).toEqual(["noMachineReadableDistribution"]);
  });

  it("a dataset counts under every reason that applies", () => {
    const id = register({ accessRights: "NON_PUBLIC", license: undefined, distributions: [] });
    expect(reasonsOf(id)).toEqual(["unpublished", "restrictedAccess", "noOpenLicence", "noMachineReadableDistribution"]);
  });

  it("adding a CSV distribution fixes noMachineReadableDistribution", () => {
    const id = register({ state: "published", distributions: [{ accessURL: "https://example.org/x.pdf", format: "PDF" }] });
    const before = kpi();
    change(id, (db) =>
      db.insert(distributions).values({ datasetId: id, position: 1, accessUrl: "https://example.org/x.csv", format: "CSV" }).run(),
    );
    expect(reasonsOf(id)).toEqual([]);
    expect(delta(before, kpi())).toEqual({ inventory: 0, openPublished: 1 });
    expectCountersEqualRecount();
  });
});

describe("the staff list of datasets that are not open", () => {
  it("shows a publisher's staff only their own publisher's datasets", () => {
    const draftId = register({ state: "draft" });
    const draft = t.db.select({ slug: datasets.slug, publisherId: datasets.publisherId }).from(datasets).where(eq(datasets.id, draftId)).get()!;
    const other = t.db.select({ id: publishers.id }).from(publishers).where(sql`id <> ${draft.publisherId}`).limit(1).get()!;
    const list = (publisherIds?: number[]) =>
      listNotOpenDatasets(t.db, { scope: resolveKpiScope(t.db, WHOLE_CATALOGUE), limit: 10_000, publisherIds }).items.map((d) => d.slug);
    expect(list()).toContain(draft.slug);
    expect(list([draft.publisherId])).toContain(draft.slug);
    expect(list([other.id])).not.toContain(draft.slug);
    expect(list([])).toEqual([]);
  });
});
