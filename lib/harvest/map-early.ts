import { PREFIXES } from "@/lib/dcat/prefixes";
import { mapDataset, newDatasetCursor, takeMapped, type DatasetCursor } from "./map-dcat";
import { isBlank, type TripleIndex } from "./rdf-index";
import type { HarvestedRecord } from "./records";

/**
 * Datasets mapped while the feed is still being parsed, so that the harvest's writer (a thread of
 * its own) writes them meanwhile instead of waiting for the whole feed to be read: on a large feed
 * the parse is a third of the parse worker's time, during which the writer had nothing to do.
 *
 * RDF says nothing about where in a document a node's triples are, so a dataset mapped early is a
 * bet that nothing later in the feed changes its record. The bet is checked, not assumed: every
 * node an early mapping read is watched by the index, and once the dataset is mapped its own nodes
 * (its subject, IRIs within its own, blank nodes) are forgotten, which keeps the graph small. A
 * later triple about a watched or forgotten node, or a forgotten node read again, throws
 * EarlyMappingFailed: the writer starts its transaction over, and the source is gathered again
 * with every dataset mapped once the whole feed is parsed, exactly as without early mapping. So
 * the records written are always those of the whole feed; only the time differs.
 *
 * To keep that rare, a dataset is mapped early only once the parser is well past it, only when the
 * nodes its record is read from that a feed describes (its distributions, publisher, contact
 * point, period and blank nodes) have been described, and only when every node its mapping read
 * has triples (a theme's or a place's label may come further on); it must name its own publisher
 * (otherwise the catalogue's, which may come later, is used). Datasets are mapped in the order of
 * `subjectsOfType`, as the mapping after the parse does: a dataset not ready yet holds back the
 * ones after it, so records, duplicates and slugs come out in the same order either way.
 */

export type EarlyOptions = {
  /** Called as the parse goes (after each chunk). */
  parsing?: () => void;
  /** Whether the writer can take another record now (mapping more would only make it wait). */
  hasRoom: () => boolean;
  /** See GatherOptions.deferChecks. */
  deferChecks?: () => boolean;
  /** A record mapped early, for the writer. */
  emit: (record: HarvestedRecord) => void;
};

const { dcat: DCAT, dct: DCT } = PREFIXES;
const DATASET = `${DCAT}Dataset`;
const PUBLISHER = `${DCT}publisher`;
const DISTRIBUTION = `${DCAT}distribution`;
/** Nodes a dataset's record is read from that feeds describe (an undescribed theme or licence IRI is normal). */
const DESCRIBED = new Set([DISTRIBUTION, PUBLISHER, `${DCAT}contactPoint`, `${DCT}temporal`]);

/**
 * How many triples the parser must have read after it first met a dataset before the dataset is
 * mapped: a dataset's description and its distributions' are a few dozen triples in the feeds seen
 * (~60 in Fjordcat's own), usually written together.
 */
const LAG_TRIPLES = 1_000;

/**
 * The records handed to the writer early may not be what the whole feed says (a later triple is
 * about a node they were read from, or a dataset forgotten once mapped is read again): the harvest
 * starts over, gathering the source again without early mapping, and the writer rolls back.
 */
export class EarlyMappingFailed extends Error {
  constructor() {
    super("A record mapped while the feed was parsed was changed by the rest of the feed; the source is gathered again");
  }
}

export class EarlyMapping {
  private readonly cursor: DatasetCursor = newDatasetCursor();
  /** For each dataset met so far (in `subjectsOfType` order): the index's triple count when it was. */
  private readonly metAt: number[] = [];
  private emitted = 0;
  private stopped = false;

  constructor(
    private readonly index: TripleIndex,
    private readonly feedUrl: string,
    private readonly options: EarlyOptions,
  ) {
    index.watch([]);
  }

  /** How many records were handed to the writer early. */
  get count(): number {
    return this.emitted;
  }

  /**
   * As the parse goes (after each chunk): map the datasets that are ready, while the writer has
   * room. Throws EarlyMappingFailed when what was mapped no longer holds.
   */
  step(): void {
    this.options.parsing?.();
    if (this.stopped) return;
    const { index, cursor } = this;
    this.check();
    const subjects = index.subjectsOfType(DATASET);
    while (this.metAt.length < subjects.length) this.metAt.push(index.triples);
    while (cursor.next < subjects.length && index.triples - this.metAt[cursor.next]! >= LAG_TRIPLES && this.options.hasRoom()) {
      const subject = subjects[cursor.next]!;
      if (!describedEnough(index, subject)) return;
      const reads = new Set<string>();
      index.recordReads(reads);
      const result = mapDataset({ index, feedUrl: this.feedUrl, deferChecks: this.options.deferChecks }, subject);
      index.recordReads(null);
      this.check();
      // Read from a node the feed has not described yet (a theme's or a place's label, say): it
      // may be described further on. The dataset waits (and those after it).
      for (const node of reads) if (!index.described(node)) return;
      index.watch(reads);
      const record = takeMapped(cursor, result);
      // Its own triples (titles, descriptions, keywords: most of a feed's text) and those of the
      // nodes it read that are its own (blank nodes, and IRIs within its own: its distributions
      // at "#distribution-1", say) are not needed any more: forgotten, which keeps the graph in
      // memory small as the feed is parsed (and most of it is collected young). A node another
      // dataset reads after all makes the gather start over (see `forget`), slower but the same.
      const own = `${subject}#`;
      for (const node of reads) if (node === subject || node.startsWith("_:") || node.startsWith(own)) index.forget(node);
      if (record) {
        this.emitted++;
        this.options.emit(record);
      }
    }
  }

  /**
   * The whole feed is parsed: where the mapping goes on from (the datasets before `next` were
   * mapped early, and hold). Throws EarlyMappingFailed when they do not.
   */
  finish(): DatasetCursor {
    this.check();
    this.index.watch(null);
    this.stopped = true;
    return this.cursor;
  }

  private check(): void {
    if (this.index.watchedChanged || this.index.forgottenRead) throw new EarlyMappingFailed();
  }
}

/**
 * Whether the nodes a dataset's record is read from, of those feeds describe, are described yet
 * (see DESCRIBED; blank nodes always), and the dataset names its own publisher.
 */
function describedEnough(index: TripleIndex, subject: string): boolean {
  let publisher = false;
  const triples = index.triplesOf(subject);
  for (let i = 0; i < triples.length; i += 2) {
    const p = triples[i] as string;
    const o = triples[i + 1]!;
    if (typeof o !== "string") continue;
    if (p === PUBLISHER) publisher = true;
    if (!isBlank(o) && !DESCRIBED.has(p)) continue;
    if (!index.has(o)) return false;
    if (p === DISTRIBUTION && !blankNodesDescribed(index, o)) return false;
  }
  return publisher;
}

function blankNodesDescribed(index: TripleIndex, node: string): boolean {
  const triples = index.triplesOf(node);
  for (let i = 1; i < triples.length; i += 2) {
    const o = triples[i]!;
    if (typeof o === "string" && isBlank(o) && !index.has(o)) return false;
  }
  return true;
}
