import { FACET_FIELDS, type FacetField } from "./facet-labels";
import {
  compareModified,
  compareQuality,
  compareTitle,
  lookupValue,
  orderByModified,
  orderByQuality,
  orderByTitle,
  type FacetIndex,
} from "./facet-index";

export type Evaluation = { total: number; pageIds: number[]; counts: Int32Array };

export type EvaluateInput = {
  filters: Partial<Record<FacetField, readonly string[]>>;
  /** Dataset ids that match the text query, best first; null when there is no text query. */
  text: readonly number[] | null;
  sort: "relevance" | "modified" | "title" | "quality";
  offset: number;
  limit: number;
};

/**
 * One pass over the candidates in sort order gives the total, the requested page and every facet
 * count: a dataset that passes all filters counts for every field; one that fails exactly one
 * field's filter still counts for that field (facet counts reflect the other filters, not their
 * own). AND across fields, OR within one.
 */
export function evaluateSearch(index: FacetIndex, input: EvaluateInput): Evaluation {
  const activeFields: number[] = [];
  const accepted = new Uint8Array(index.values.length);
  FACET_FIELDS.forEach((field, f) => {
    const wanted = input.filters[field];
    if (!wanted || wanted.length === 0) return;
    activeFields.push(f);
    for (const v of wanted) {
      const id = lookupValue(index, field, v);
      if (id !== undefined) accepted[id] = 1;
    }
  });

  const counts = new Int32Array(index.values.length);
  const pageIds: number[] = [];
  let total = 0;
  const matched = new Uint8Array(FACET_FIELDS.length);

  const { pool, start, length, valueField } = index;
  const visit = (id: number) => {
    const n = length[id]!;
    if (n === 0) return;
    const from = start[id]!;
    const to = from + n;
    let failed = -1;
    let failures = 0;
    if (activeFields.length > 0) {
      matched.fill(0);
      for (let j = from; j < to; j++) {
        const v = pool[j]!;
        if (accepted[v]) matched[valueField[v]!] = 1;
      }
      for (const f of activeFields) {
        if (!matched[f]) {
          failed = f;
          failures++;
          if (failures > 1) return;
        }
      }
    }
    if (failures === 0) {
      total++;
      if (total > input.offset && pageIds.length < input.limit) pageIds.push(id);
      for (let j = from; j < to; j++) counts[pool[j]!]!++;
    } else {
      for (let j = from; j < to; j++) {
        const v = pool[j]!;
        if (valueField[v] === failed) counts[v]!++;
      }
    }
  };

  if (input.text) {
    const ids = input.sort === "relevance" ? input.text : sortIds(index, input.text, input.sort);
    for (const id of ids) visit(id);
  } else {
    const order = orderFor(index, input.sort);
    for (let i = 0; i < order.length; i++) visit(order[i]!);
  }
  return { total, pageIds, counts };
}

function orderFor(index: FacetIndex, sort: EvaluateInput["sort"]): Int32Array {
  return sort === "title" ? orderByTitle(index) : sort === "quality" ? orderByQuality(index) : orderByModified(index);
}

function sortIds(index: FacetIndex, ids: readonly number[], sort: "modified" | "title" | "quality"): number[] {
  if (ids.length > index.live / 8) {
    // Most of the catalogue: walk the precomputed order and keep the matches.
    const order = orderFor(index, sort);
    const wanted = new Set(ids);
    const out: number[] = [];
    for (let i = 0; i < order.length; i++) if (wanted.has(order[i]!)) out.push(order[i]!);
    return out;
  }
  const compare = sort === "title" ? compareTitle(index) : sort === "quality" ? compareQuality(index) : compareModified(index);
  return ids.filter((id) => index.length[id]! > 0).sort(compare);
}

/** The facet values of one field with their counts, most frequent first, at most `limit`. */
export function facetCounts(index: FacetIndex, counts: Int32Array, field: FacetField, limit: number): { value: string; count: number }[] {
  const f = FACET_FIELDS.indexOf(field);
  const out: { value: string; count: number }[] = [];
  for (let v = 0; v < counts.length; v++) {
    if (counts[v]! > 0 && index.valueField[v] === f) out.push({ value: index.values[v]!, count: counts[v]! });
  }
  out.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  return out.slice(0, limit);
}
