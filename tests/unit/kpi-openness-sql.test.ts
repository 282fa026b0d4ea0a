import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { assessOpenness, notOpenReasonExpressions, NOT_OPEN_REASONS, OPENNESS_RULE_FINGERPRINT, openDatasetCondition } from "@/lib/kpi/openness";

const CSV = "CSV";
const PDF = "PDF";
const NLOD = "http://publications.europa.eu/resource/authority/licence/NLOD_2_0";
const NC = "http://publications.europa.eu/resource/authority/licence/CC_BYNC_4_0";

type Case = { state: string; accessRights: string; license: string | null; distributions: { format: string | null; license: string | null }[] };

/** Every combination of the inputs that matter to the rule, evaluated by the JS rule and by its SQL form. */
function* cases(): Generator<Case> {
  const distributionSets: Case["distributions"][] = [
    [],
    [{ format: CSV, license: null }],
    [{ format: PDF, license: null }],
    [{ format: CSV, license: NLOD }],
    [{ format: CSV, license: NC }],
    [{ format: PDF, license: NLOD }, { format: CSV, license: null }],
    [{ format: PDF, license: NLOD }, { format: CSV, license: NC }],
    [{ format: null, license: NLOD }],
  ];
  for (const state of ["draft", "published", "withdrawn"])
    for (const accessRights of ["PUBLIC", "RESTRICTED", "NON_PUBLIC"])
      for (const license of [null, NLOD, NC])
        for (const distributions of distributionSets) yield { state, accessRights, license, distributions };
}

describe("the openness rule in SQL", () => {
  it("agrees with assessOpenness reason by reason on every combination", () => {
    const sqlite = new Database(":memory:");
    const db = drizzle({ client: sqlite });
    sqlite.exec(`create table datasets (id integer primary key, state text, access_rights text, license text);
      create table distributions (id integer primary key, dataset_id integer, format text, license text);`);
    const all = [...cases()];
    all.forEach((c, i) => {
      sqlite.prepare("insert into datasets values (?, ?, ?, ?)").run(i + 1, c.state, c.accessRights, c.license);
      for (const d of c.distributions) sqlite.prepare("insert into distributions (dataset_id, format, license) values (?, ?, ?)").run(i + 1, d.format, d.license);
    });
    const r = notOpenReasonExpressions("d");
    const rows = db.all<Record<string, number>>(sql`select d.id, ${r.isOpen} as isOpen, ${openDatasetCondition("d")} as openCondition,
      ${r.unpublished} as unpublished, ${r.restrictedAccess} as restrictedAccess, ${r.noOpenLicence} as noOpenLicence,
      ${r.noMachineReadableDistribution} as noMachineReadableDistribution from datasets d order by d.id`);
    expect(rows).toHaveLength(all.length);
    rows.forEach((row, i) => {
      const js = assessOpenness(all[i]!);
      const reasons = NOT_OPEN_REASONS.filter((reason) => row[reason] === 1);
      expect({ i, isOpen: row.isOpen === 1, reasons }).toEqual({ i, isOpen: js.isOpen, reasons: js.reasons });
      expect(row.openCondition === 1).toBe(js.isOpen);
    });
    expect(rows.filter((row) => row.isOpen === 1).length).toBeGreaterThan(0);
  });

  it("has a fingerprint of its lists", () => {
    expect(OPENNESS_RULE_FINGERPRINT).toMatch(/^v1-[0-9a-f]+$/);
  });
});
