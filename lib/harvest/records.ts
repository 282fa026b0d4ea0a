import { createHash } from "node:crypto";
import { parseDatasetInput, rememberJson, type DatasetInput, type DatasetInputRaw } from "@/lib/catalogue/schemas";
import type { LangText } from "@/lib/dcat/model";

/**
 * What a harvest gathers before it writes anything: one record per dataset in the source, mapped
 * to the registration shape and validated with the same schema as registration; or a failure.
 */

/** The publisher a record names, matched or created at write time (organisation number, then URI). */
export type HarvestedPublisher = {
  uri?: string;
  orgNumber?: string;
  name?: LangText;
  homepage?: string;
  email?: string;
};

/** The registration input without the publisher slug, which is resolved when writing. */
export type HarvestedInput = Omit<DatasetInputRaw, "publisher">;

export type HarvestedRecord = {
  uri: string;
  identifier?: string;
  /**
   * The record as the registration schema parsed it, with a placeholder publisher (resolved when
   * it is written: `withPublisher`), so that writing it does not parse it again.
   */
  input: DatasetInput;
  publisher?: HarvestedPublisher;
  /** The source's own description of the dataset (`rawFormat`); compressed when it is written (raw-record.ts). */
  raw: string;
  rawFormat: string;
  /**
   * Of the input, publisher and raw record (`contentHash`). Left out only between the parse
   * worker and the thread that writes, when the writer has time to spare (gather-worker.ts).
   */
  contentHash?: string;
  warnings: string[];
  /**
   * Set only between the parse worker and the thread that writes, when the writer has time to
   * spare (GatherOptions.deferChecks): the record is mapped but not checked, `input` is the mapped
   * input, not yet validated, and there is no content hash. The writer checks it (`unpackRecord`).
   * `position`: its dataset's place in the source, where a failure takes its place among the others.
   */
  unchecked?: { position: number };
};

export type RecordFailure = { uri: string; message: string };

/** Bumped when the mapping changes, so the next harvest rewrites records mapped the old way. */
export const MAPPING_VERSION = "1";

export function contentHash(input: DatasetInput, publisher: HarvestedPublisher | undefined, raw: string): string {
  return hashOfJson(JSON.stringify(input), JSON.stringify(publisher ?? null), raw);
}

/** `contentHash` of the input and publisher as JSON. */
function hashOfJson(input: string, publisher: string, raw: string): string {
  return createHash("sha256")
    .update(MAPPING_VERSION)
    .update("\u0000")
    .update(input)
    .update("\u0000")
    .update(publisher)
    .update("\u0000")
    .update(raw)
    .digest("base64url");
}

/** The record with its content hash, computed now when it was left out (see `HarvestedRecord.contentHash`). */
export function withContentHash(record: HarvestedRecord): HarvestedRecord & { contentHash: string } {
  if (record.unchecked) throw new Error("An unchecked record (HarvestedRecord.unchecked) cannot be written");
  record.contentHash ??= contentHash(record.input, record.publisher, record.raw);
  return record as HarvestedRecord & { contentHash: string };
}

/**
 * A record as the parse worker sends it to the thread that writes (gather-worker.ts): its input
 * and publisher as JSON. A structured clone of the record's objects cost the worker ~33 µs and the
 * writer ~20 µs a record; as JSON, the text the content hash is computed from anyway, they are
 * written once and read back faster (the raw record, the largest part, is a string of its own:
 * copied, not escaped).
 */
export type PackedRecord = Omit<HarvestedRecord, "input" | "publisher"> & { input: string; publisher: string };

/** Pack a record, checked or not (`unchecked`); a checked one's content hash is computed from the same JSON. */
export function packRecord(record: HarvestedRecord): PackedRecord {
  const { input, publisher, ...rest } = record;
  const packed: PackedRecord = { ...rest, input: JSON.stringify(input), publisher: JSON.stringify(publisher ?? null) };
  if (!record.unchecked) packed.contentHash ??= hashOfJson(packed.input, packed.publisher, packed.raw);
  return packed;
}

/**
 * The record again, checked: validated now if the worker left it unchecked (a failure, then, when
 * it is not valid), and with its content hash. Its input is read back from JSON: the same plain
 * data, without the properties whose value was undefined (absent either way, to the schema and to
 * the writer).
 */
export function unpackRecord(packed: PackedRecord): { record: HarvestedRecord & { contentHash: string } } | { failure: RecordFailure; position: number } {
  const { input, publisher, unchecked, ...rest } = packed;
  const read = { publisher: (JSON.parse(publisher) as HarvestedPublisher | null) ?? undefined };
  if (unchecked) {
    const validated = validateRecord(JSON.parse(input) as HarvestedInput, rest.warnings);
    if (!validated.ok) return { failure: { uri: rest.uri, message: validated.message }, position: unchecked.position };
    const json = JSON.stringify(validated.input);
    return { record: { ...rest, ...read, input: rememberJson(validated.input, json), contentHash: hashOfJson(json, publisher, rest.raw) } };
  }
  return { record: { ...rest, ...read, input: rememberJson(JSON.parse(input) as DatasetInput, input), contentHash: rest.contentHash ?? hashOfJson(input, publisher, rest.raw) } };
}

/**
 * The parse worker's failures (`failedAt`: their places among the source's datasets) and those of
 * the records its writer checked (`HarvestedRecord.unchecked`), in the order of the source's
 * datasets, as a gather in one thread gives them. Failures without places (a source that is not
 * RDF never leaves records unchecked) keep their order, before the writer's.
 */
export function failuresInSourceOrder(
  { failures, failedAt }: { failures: RecordFailure[]; failedAt: number[] },
  checkedByWriter: { failure: RecordFailure; position: number }[],
): RecordFailure[] {
  if (checkedByWriter.length === 0) return failures;
  if (failedAt.length !== failures.length) return [...failures, ...checkedByWriter.map((c) => c.failure)];
  const placed = failures.map((failure, i) => ({ failure, position: failedAt[i]! }));
  return [...placed, ...checkedByWriter].sort((a, b) => a.position - b.position).map((p) => p.failure);
}

/** Top-level fields a record can do without: a bad value there is dropped with a warning. */
const REQUIRED = new Set(["title", "description", "themes", "accessRights", "publisher"]);
const PLACEHOLDER_PUBLISHER = "harvested-publisher";

/**
 * Validate a mapped record with the registration schema. A bad optional value (an unusable contact
 * point, a licence outside the list) is dropped with a warning, and the record validated again;
 * a bad required value makes the record fail.
 */
export function validateRecord(
  input: HarvestedInput,
  warnings: string[],
): { ok: true; input: DatasetInput } | { ok: false; message: string } {
  // Copied only when something has to be dropped: the mapper's object is not used after this.
  let current = input as Record<string, unknown>;
  for (let attempt = 0; attempt < 4; attempt++) {
    const parsed = parseDatasetInput({ ...current, publisher: PLACEHOLDER_PUBLISHER });
    if (parsed.success) return { ok: true, input: parsed.data };
    const fatal: string[] = [];
    const next = structuredClone(current);
    const dropped = new Set<string>();
    for (const issue of parsed.error.issues) {
      const [top, index, field] = issue.path as (string | number)[];
      const where = issue.path.join(".");
      if (typeof top !== "string" || REQUIRED.has(top)) {
        fatal.push(`${where || "record"}: ${issue.message}`);
        continue;
      }
      if (top === "distributions" && typeof index === "number" && typeof field === "string" && field !== "accessURL") {
        const list = next.distributions as Array<Record<string, unknown>>;
        const key = `${top}.${index}.${field}`;
        if (list[index] && !dropped.has(key)) {
          delete list[index]![field];
          dropped.add(key);
          warnings.push(`Distribution ${index + 1}: ${field} dropped (${issue.message})`);
        }
        continue;
      }
      if (top === "distributions" && typeof index === "number") {
        const key = `${top}.${index}`;
        if (!dropped.has(key)) {
          (next.distributions as unknown[])[index] = undefined;
          dropped.add(key);
          warnings.push(`Distribution ${index + 1} left out (${where}: ${issue.message})`);
        }
        continue;
      }
      if (!dropped.has(top)) {
        delete next[top];
        dropped.add(top);
        warnings.push(`${top} dropped (${where}: ${issue.message})`);
      }
    }
    if (fatal.length > 0) return { ok: false, message: fatal.join("; ") };
    if (Array.isArray(next.distributions)) next.distributions = (next.distributions as unknown[]).filter((d) => d !== undefined);
    current = next;
  }
  return { ok: false, message: "The record could not be made valid" };
}
