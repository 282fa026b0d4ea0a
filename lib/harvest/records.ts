import { createHash } from "node:crypto";
import { parseDatasetInput, type DatasetInput, type DatasetInputRaw } from "@/lib/catalogue/schemas";
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
};

export type RecordFailure = { uri: string; message: string };

/** Bumped when the mapping changes, so the next harvest rewrites records mapped the old way. */
export const MAPPING_VERSION = "1";

export function contentHash(input: DatasetInput, publisher: HarvestedPublisher | undefined, raw: string): string {
  return createHash("sha256")
    .update(MAPPING_VERSION)
    .update("\u0000")
    .update(JSON.stringify(input))
    .update("\u0000")
    .update(JSON.stringify(publisher ?? null))
    .update("\u0000")
    .update(raw)
    .digest("base64url");
}

/** The record with its content hash, computed now when it was left out (see `HarvestedRecord.contentHash`). */
export function withContentHash(record: HarvestedRecord): HarvestedRecord & { contentHash: string } {
  record.contentHash ??= contentHash(record.input, record.publisher, record.raw);
  return record as HarvestedRecord & { contentHash: string };
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
