import type { Database } from "@/db/client";
import { processWide } from "@/lib/process-wide";

/**
 * The terms of the full-text index, for typo tolerance: a query word of more than five letters
 * that the index does not contain is widened to the indexed words one edit away (a letter wrong,
 * missing, extra, or two neighbours swapped), most frequent first. The term list is read through
 * an fts5vocab table and rebuilt when the catalogue has changed, at most every 30 seconds, so a
 * stream of writes never turns searches into index scans.
 */
export type Lexicon = {
  has(term: string): boolean;
  hasPrefix(prefix: string): boolean;
  corrections(term: string, max?: number): string[];
};

const REBUILD_INTERVAL_MS = 30_000;
const MIN_TYPO_LENGTH = 6;

type Entry = { version: string; builtAt: number; lexicon: Lexicon };
const cache = processWide("search.lexicons", () => new WeakMap<object, Entry>());

export function getLexicon(db: Database): Lexicon {
  const client = db.$client;
  const version = `${client.pragma("data_version", { simple: true })}:${
    (client.prepare("select total_changes() as n").get() as { n: number }).n
  }`;
  const entry = cache.get(client);
  if (entry && (entry.version === version || Date.now() - entry.builtAt < REBUILD_INTERVAL_MS)) {
    return entry.lexicon;
  }
  client.exec("create virtual table if not exists temp.dataset_search_terms using fts5vocab(main, dataset_search, row)");
  const rows = client.prepare("select term, doc from temp.dataset_search_terms").all() as { term: string; doc: number }[];
  const lexicon = buildLexicon(rows);
  // Building read the index; re-read the version so our own reads do not look like a change.
  cache.set(client, { version, builtAt: Date.now(), lexicon });
  return lexicon;
}

export function buildLexicon(rows: readonly { term: string; doc: number }[]): Lexicon {
  const frequency = new Map(rows.map((r) => [r.term, r.doc]));
  const sorted = [...frequency.keys()].sort();
  const byLength = new Map<number, string[]>();
  for (const term of sorted) {
    if (term.length < MIN_TYPO_LENGTH - 1) continue;
    const list = byLength.get(term.length) ?? [];
    list.push(term);
    byLength.set(term.length, list);
  }
  return {
    has: (term) => frequency.has(term),
    hasPrefix: (prefix) => {
      let lo = 0;
      let hi = sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (sorted[mid]! < prefix) lo = mid + 1;
        else hi = mid;
      }
      return lo < sorted.length && sorted[lo]!.startsWith(prefix);
    },
    corrections: (term, max = 3) => {
      if (term.length < MIN_TYPO_LENGTH) return [];
      const candidates: string[] = [];
      for (const length of [term.length - 1, term.length, term.length + 1]) {
        for (const other of byLength.get(length) ?? []) {
          if (withinOneEdit(term, other)) candidates.push(other);
        }
      }
      return candidates.sort((a, b) => (frequency.get(b) ?? 0) - (frequency.get(a) ?? 0)).slice(0, max);
    },
  };
}

/** Whether two different words are one edit apart: substitution, insertion, deletion or adjacent swap. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return false;
  if (a.length === b.length) {
    let first = -1;
    for (let i = 0; i < a.length; i++) {
      if (a[i] === b[i]) continue;
      if (first === -1) first = i;
      else if (i === first + 1 && a[first] === b[i] && a[i] === b[first]) {
        return a.slice(i + 1) === b.slice(i + 1);
      } else {
        return false;
      }
    }
    return true;
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (long.length - short.length !== 1) return false;
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  return short.slice(i) === long.slice(i + 1);
}
