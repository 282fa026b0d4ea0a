import { sql, type SQL } from "drizzle-orm";
import type { Database, Executor } from "@/db/client";
import { assessOpenness, NOT_OPEN_REASONS, notOpenReasonExpressions, OPENNESS_RULE_FINGERPRINT, type OpennessInput } from "./openness";

/**
 * Stored openness and maintained KPI counters (tables in db/schema/kpi.ts).
 *
 * Every catalogue write calls `refreshDatasetOpenness(tx, id)` (or the range form for bulk loads)
 * inside its own transaction, after it has written the dataset, its themes, distributions and
 * catalogue record. The refresh takes the dataset's old row out of the counters of every scope it
 * was in, evaluates the rule again (SQL built from the same lists as `assessOpenness`), stores the
 * new row and adds it to the counters of every scope it is in now. Reading the KPI of a scope line
 * is then one primary-key lookup, and the figures are never stale: they change in the same
 * transaction as the data. `rebuildKpiAggregates` recomputes everything from the raw tables, and
 * `ensureKpiAggregates` does so when the rule's lists changed or the counters disagree with the
 * inventory (a write path that forgot to refresh).
 */

const REASON_COLUMNS = sql.raw(
  "is_open, unpublished, restricted_access, no_open_licence, no_machine_readable_distribution",
);

/** The scope lines a stored openness row belongs to, for the rows matching `where` (alias `o`). */
function scopeRows(where: SQL): SQL {
  const cols = sql`o.is_open, o.unpublished, o.restricted_access, o.no_open_licence, o.no_machine_readable_distribution`;
  return sql`
    select 'catalogue' as scope_type, '' as scope_value, ${cols} from dataset_openness o where ${where}
    union all
    select 'publisher', cast(o.publisher_id as text), ${cols} from dataset_openness o where ${where}
    union all
    select 'theme', j.value, ${cols} from dataset_openness o, json_each(o.themes) j where ${where}
    union all
    select 'source', cast(o.harvest_source_id as text), ${cols} from dataset_openness o
      where o.harvest_source_id is not null and ${where}`;
}

/** Add (sign 1) or remove (sign -1) the stored rows matching `where` to or from the counters. */
function applyToCounters(tx: Executor, sign: 1 | -1, where: SQL): void {
  const s = sql.raw(String(sign));
  tx.run(sql`
    insert into kpi_counts (scope_type, scope_value, inventory, open_published, unpublished,
      restricted_access, no_open_licence, no_machine_readable_distribution)
    select scope_type, scope_value, ${s} * count(*), ${s} * sum(is_open), ${s} * sum(unpublished),
      ${s} * sum(restricted_access), ${s} * sum(no_open_licence), ${s} * sum(no_machine_readable_distribution)
    from (${scopeRows(where)}) where true
    group by scope_type, scope_value
    on conflict (scope_type, scope_value) do update set
      inventory = inventory + excluded.inventory,
      open_published = open_published + excluded.open_published,
      unpublished = unpublished + excluded.unpublished,
      restricted_access = restricted_access + excluded.restricted_access,
      no_open_licence = no_open_licence + excluded.no_open_licence,
      no_machine_readable_distribution = no_machine_readable_distribution + excluded.no_machine_readable_distribution`);
}

/**
 * Evaluate the rule for the datasets matching `where` (alias `d`: by id, or all) and store a row for
 * each in the inventory. ("+d.state": the datasets are found by their ids, not by scanning the state
 * index for every batch: see INVENTORY in lib/quality/catalogue-quality.ts.)
 */
function storeOpenness(tx: Executor, where: SQL): void {
  const r = notOpenReasonExpressions("d");
  tx.run(sql`
    insert into dataset_openness (dataset_id, publisher_id, harvest_source_id, themes, ${REASON_COLUMNS})
    select d.id, d.publisher_id, r.harvest_source_id,
      (select json_group_array(t.theme) from dataset_themes t where t.dataset_id = d.id),
      ${r.isOpen}, ${r.unpublished}, ${r.restrictedAccess}, ${r.noOpenLicence}, ${r.noMachineReadableDistribution}
    from datasets d left join catalogue_records r on r.dataset_id = d.id
    where +d.state in ('draft', 'published') and ${where}`);
}

/**
 * Take the rows matching `stored` (alias `o`) out of the counters, replace them with what `store`
 * writes (the same datasets' rows), and add those to the counters.
 */
function refreshWhere(tx: Executor, stored: SQL, store: () => void): void {
  // The first write into an empty store records the rule it was computed with; a later version
  // with other lists sees the difference and rebuilds (ensureKpiAggregates).
  tx.run(sql`insert or ignore into kpi_state (key, value) values ('openness_rule', ${OPENNESS_RULE_FINGERPRINT})`);
  applyToCounters(tx, -1, stored);
  tx.run(sql`delete from dataset_openness as o where ${stored}`);
  store();
  applyToCounters(tx, 1, stored);
}

/**
 * Bring one dataset's stored openness and the KPI counters up to date. Call it in the write's
 * transaction, after the dataset and its parts (themes, distributions, catalogue record) are written.
 */
export function refreshDatasetOpenness(tx: Executor, datasetId: number): void {
  refreshWhere(tx, sql`o.dataset_id = ${datasetId}`, () => storeOpenness(tx, sql`d.id = ${datasetId}`));
}

/** The same for every dataset with an id in [fromId, toId] (bulk loads such as the synthetic catalogue). */
export function refreshDatasetOpennessRange(tx: Executor, { fromId, toId }: { fromId: number; toId: number }): void {
  refreshWhere(tx, sql`o.dataset_id between ${fromId} and ${toId}`, () => storeOpenness(tx, sql`d.id between ${fromId} and ${toId}`));
}

/** What a batch writer wrote of a dataset that its stored openness is made of (`refreshWrittenDatasetsOpenness`). */
export type WrittenOpenness = OpennessInput & { themes: readonly string[] };

/**
 * The same for a set of datasets a batch writer has just written (a harvest's batch:
 * DeferredDerived), set-based, with the rule evaluated on what it wrote (`assessOpenness`, the
 * rule's other form) instead of in SQL over the rows written: the SQL form reads each dataset's
 * distributions four times over (~10-14 µs a dataset, ~0.25 s of a 20,000-dataset harvest), the
 * function ~1 µs. The publisher and source are read from the rows; the counters are kept by
 * `refreshWhere`, as for one dataset. Same rows and counters as a rebuild (tests/integration/kpi-writes.test.ts).
 */
export function refreshWrittenDatasetsOpenness(tx: Executor, written: ReadonlyMap<number, WrittenOpenness>): void {
  const entries = [...written];
  for (let i = 0; i < entries.length; i += 5000) {
    const batch = entries.slice(i, i + 5000);
    const list = JSON.stringify(batch.map(([id]) => id));
    const rows: unknown[] = [];
    for (const [id, dataset] of batch) {
      // (Withdrawn datasets are outside the inventory: no row.)
      if (dataset.state !== "draft" && dataset.state !== "published") continue;
      const { isOpen, reasons } = assessOpenness(dataset);
      // The themes as the SQL form lists them (json_group_array over the theme index: sorted, once each).
      const themes = JSON.stringify([...new Set(dataset.themes)].sort());
      rows.push([id, themes, +isOpen, ...NOT_OPEN_REASONS.map((reason) => +reasons.includes(reason))]);
    }
    refreshWhere(tx, sql`o.dataset_id in (select value from json_each(${list}))`, () =>
      tx.run(sql`
        insert into dataset_openness (dataset_id, publisher_id, harvest_source_id, themes, ${REASON_COLUMNS})
        select d.id, d.publisher_id, r.harvest_source_id, j.value ->> 1, j.value ->> 2, j.value ->> 3, j.value ->> 4, j.value ->> 5, j.value ->> 6
        from json_each(${JSON.stringify(rows)}) j join datasets d on d.id = j.value ->> 0
          left join catalogue_records r on r.dataset_id = d.id`),
    );
  }
}

/** Recompute all stored openness and every counter from the raw tables. Run it in a transaction. */
export function rebuildKpiAggregates(tx: Executor): void {
  tx.run(sql`delete from kpi_counts where true`);
  tx.run(sql`delete from dataset_openness where true`);
  storeOpenness(tx, sql`true`);
  applyToCounters(tx, 1, sql`true`);
  tx.run(sql`insert into kpi_state (key, value) values ('openness_rule', ${OPENNESS_RULE_FINGERPRINT})
    on conflict (key) do update set value = excluded.value, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`);
}

export type KpiAggregateCheck = { rebuilt: boolean; reason: "rule-changed" | "inventory-mismatch" | null };

/**
 * Rebuild the stored aggregates when they were computed with other lists than the current rule, or
 * when the catalogue counter disagrees with the inventory. Cheap when nothing is wrong; call it at
 * server start and before a snapshot.
 */
export function ensureKpiAggregates(db: Database): KpiAggregateCheck {
  const rule = db.get<{ value: string }>(sql`select value from kpi_state where key = 'openness_rule'`)?.value;
  const counted = db.get<{ n: number }>(
    sql`select coalesce((select inventory from kpi_counts where scope_type = 'catalogue' and scope_value = ''), 0) as n`,
  )!.n;
  const inventory = db.get<{ n: number }>(
    sql`select count(*) as n from datasets where state in ('draft', 'published')`,
  )!.n;
  const reason = rule !== OPENNESS_RULE_FINGERPRINT ? "rule-changed" : counted !== inventory ? "inventory-mismatch" : null;
  if (reason === null) return { rebuilt: false, reason };
  db.transaction((tx) => rebuildKpiAggregates(tx));
  return { rebuilt: true, reason };
}

const checked = new WeakSet<Database>();

/**
 * `ensureKpiAggregates` once per connection: the KPI readers call it, so a database migrated or
 * loaded by an older version of the portal gets its aggregates on first use.
 */
export function ensureKpiAggregatesOnce(db: Database): void {
  if (checked.has(db)) return;
  ensureKpiAggregates(db);
  checked.add(db);
}
