/**
 * The harvested graph, kept compact: for every subject, its outgoing triples as a flat
 * [predicate, object, predicate, object, …] array. IRIs are plain strings, blank nodes are "_:"
 * strings, literals are `Lit` objects; IRIs, blank nodes and datatypes are interned while parsing. Named graphs are
 * merged (EntryScape exports one graph per entry). A few hundred bytes a triple less than a quad
 * store, which is what keeps a 20,000-dataset feed within memory.
 */

export class Lit {
  constructor(
    readonly value: string,
    /** Lower-case language tag, or "". */
    readonly lang: string,
    /** Datatype IRI, or "" for plain and language-tagged strings. */
    readonly datatype: string,
  ) {}
}

export type Obj = string | Lit;

export const isLit = (o: Obj): o is Lit => o instanceof Lit;
export const isBlank = (o: Obj): o is string => typeof o === "string" && o.startsWith("_:");
export const isIri = (o: Obj): o is string => typeof o === "string" && !o.startsWith("_:");

const RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
const XSD_STRING = "http://www.w3.org/2001/XMLSchema#string";
const RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";

type TermLike = { termType: string; value: string; language?: string; datatype?: { value: string } };

/**
 * The IRI terms a parser builds through `TripleIndex.termFactory`: one per IRI, its value the
 * index's own (interned) string.
 */
export class IndexIri {
  readonly termType = "NamedNode";
  constructor(readonly value: string) {}
  equals(other: { termType: string; value: string } | null | undefined): boolean {
    return !!other && other.termType === "NamedNode" && other.value === this.value;
  }
}

/** A blank node term of `termFactory`: its label as the parser gave it, and the index's key for it. */
export class IndexBlank {
  readonly termType = "BlankNode";
  constructor(
    readonly value: string,
    readonly key: string,
  ) {}
  equals(other: { termType: string; value: string } | null | undefined): boolean {
    return !!other && other.termType === "BlankNode" && other.value === this.value;
  }
}

const DEFAULT_GRAPH = { termType: "DefaultGraph", value: "", equals: (other: { termType: string } | null | undefined) => other?.termType === "DefaultGraph" };

/** What a parser built with `termFactory` hands back: the terms of one triple (the graph is not kept). */
export type IndexQuad = { subject: IndexIri | IndexBlank; predicate: IndexIri; object: IndexIri | IndexBlank | Lit };

export class TripleIndex {
  private readonly subjects = new Map<string, Obj[]>();
  private readonly interned = new Map<string, string>();
  private readonly iris = new Map<string, IndexIri>();
  private readonly typed = new Map<string, string[]>();
  private readonly bigSubjects = new Map<string, Set<string>>();
  private sealed = false;
  /** Subjects read by mappings made while the feed is still being parsed (see `watch`). */
  private watched: Set<string> | null = null;
  /** While set, every subject read is added to it (see `recordReads`). */
  private reads: Set<string> | null = null;
  private lastRead: string | undefined;
  triples = 0;
  /** A triple was added to a watched subject (see `watch`). */
  watchedChanged = false;

  /**
   * For mappings made while the feed is still being parsed (map-early.ts): while a set is given,
   * every subject read (its triples, or the absence of any) is added to it. Null stops recording.
   */
  recordReads(reads: Set<string> | null): void {
    this.reads = reads;
    this.lastRead = undefined;
  }

  /**
   * Watch these subjects: a new triple about any of them sets `watchedChanged` (what was mapped
   * from them may no longer be what the whole feed says). Null ends the watch.
   */
  watch(subjects: Iterable<string> | null): void {
    if (subjects === null) {
      this.watched = null;
      return;
    }
    this.watched ??= new Set();
    for (const subject of subjects) this.watched.add(subject);
  }

  /** Whether the subject has triples, without counting as a read. */
  described(subject: string): boolean {
    return this.subjects.has(subject);
  }

  private read(subject: string): void {
    // A mapping reads the same subject many times in a row (a predicate at a time).
    if (subject === this.lastRead) return;
    this.lastRead = subject;
    // (While the feed is parsed, a forgotten subject reads as undescribed, which is enough to hold
    // back the mapping that read it: map-early.ts.)
    if (this.reads !== null) this.reads.add(subject);
    else if (this.forgotten !== null && this.forgotten.has(subject)) this.forgottenRead = true;
  }

  /** Subjects forgotten by `forget`, and whether one was read since. */
  private forgotten: Set<string> | null = null;
  forgottenRead = false;

  /**
   * Forget a dataset mapped while the feed is still parsed (map-early.ts), remembering that it was:
   * reading it again (as another dataset's distribution, say) sets `forgottenRead`, and a new
   * triple about it is caught by the watch.
   */
  forget(subject: string): void {
    this.release(subject);
    (this.forgotten ??= new Set()).add(subject);
    // Watched as forgotten: a new triple about it is a change all the same (see `add`).
    this.watched?.delete(subject);
    this.lastRead = undefined;
  }

  private intern(value: string): string {
    let v = this.interned.get(value);
    if (v === undefined) {
      v = ownCopy(value);
      this.interned.set(v, v);
    }
    return v;
  }

  /**
   * Parsing is over: drop what only served to add triples (the interning table, the duplicate
   * checks), which is a good part of the memory the index takes while it is being filled.
   */
  seal(): void {
    this.interned.clear();
    this.iris.clear();
    this.bigSubjects.clear();
    // Each subject's list exactly as long as its triples: arrays grown by pushing keep spare
    // capacity (about an eighth of the graph's memory here).
    for (const [subject, list] of this.subjects) this.subjects.set(subject, list.slice());
    this.sealed = true;
  }

  /** Add one triple from RDF/JS terms; `blankPrefix` keeps blank nodes of different pages apart. */
  addQuad(s: TermLike, p: TermLike, o: TermLike, blankPrefix: string): void {
    // IRIs and blank nodes are interned: the same node named in many triples (a licence, a
    // theme, a distribution both described and linked) is then one string, not one per triple.
    const subject = this.intern(s.termType === "BlankNode" ? `_:${blankPrefix}${s.value}` : s.value);
    const predicate = this.intern(p.value);
    let object: Obj;
    if (o.termType === "Literal") {
      const dt = o.datatype?.value ?? "";
      object = new Lit(ownCopy(o.value), (o.language ?? "").toLowerCase(), dt === XSD_STRING || dt === RDF_LANG_STRING ? "" : this.intern(dt));
    } else if (o.termType === "BlankNode") {
      object = this.intern(`_:${blankPrefix}${o.value}`);
    } else {
      object = this.intern(o.value);
    }
    this.add(subject, predicate, object);
  }

  /**
   * An RDF/JS data factory for a parser (n3's, rdfxml-streaming-parser's) whose terms are already
   * what the index keeps: an IRI is one interned object per IRI, a literal is the `Lit` itself,
   * a blank node carries its key (with `blankPrefix`, which keeps pages apart). With the parsers'
   * own factories, every literal was built as one string (value, quotes and tag) and taken apart
   * again, every IRI was a new object, and each value was interned after the fact.
   * Add the parser's triples with `addTerms`.
   */
  termFactory(blankPrefix: string) {
    const iris = this.iris;
    let anonymous = 0;
    const namedNode = (value: string): IndexIri => {
      let term = iris.get(value);
      if (term === undefined) {
        term = new IndexIri(ownCopy(value));
        if (iris.size >= IRI_TERMS_KEPT) iris.clear();
        iris.set(term.value, term);
      }
      return term;
    };
    // Terms by namespace IRI and local name (prefixedName, knownName).
    const namespaces = new Map<string, Map<string, IndexIri>>();
    const localsOf = (namespace: string): Map<string, IndexIri> => {
      let locals = namespaces.get(namespace);
      if (locals === undefined) namespaces.set(namespace, (locals = new Map()));
      return locals;
    };
    return {
      namedNode,
      /** The term of an IRI met before, if any (parse-rdf.ts: it need not be validated again). */
      knownIri: (value: string): IndexIri | undefined => iris.get(value),
      /**
       * The IRI of a prefixed name (dct:title) by its prefix's IRI and its local name: see
       * parse-rdf.ts (TurtleFeedParser). The prefix's IRI is one string (its hash computed once)
       * and the local name a short one, where joining them made a new string to look up every time.
       */
      prefixedName: (namespace: string, local: string): IndexIri => {
        const locals = localsOf(namespace);
        let term = locals.get(local);
        if (term === undefined) {
          term = namedNode(namespace + local);
          locals.set(ownCopy(local), term);
        }
        return term;
      },
      /**
       * The term of the IRI a namespace and a local name make, if met before by `prefixedName` or
       * `knownName` (parse-rdf.ts: an RDF/XML property's IRI). A new one is looked up whole, and
       * remembered by its parts from then on.
       */
      knownName: (namespace: string, local: string): IndexIri | undefined => {
        const locals = localsOf(namespace);
        let term = locals.get(local);
        if (term === undefined) {
          term = iris.get(namespace + local);
          if (term !== undefined) locals.set(ownCopy(local), term);
        }
        return term;
      },
      // "#" cannot be in a label (Turtle's or RDF/XML's rdf:nodeID): anonymous nodes never meet labelled ones.
      blankNode: (label?: string): IndexBlank => {
        const name = label ?? `#${anonymous++}`;
        return new IndexBlank(name, this.intern(`_:${blankPrefix}${name}`));
      },
      literal: (value: string, languageOrDatatype?: string | { language: string } | { termType: string; value: string }): Lit => {
        if (typeof languageOrDatatype === "string") return new Lit(ownCopy(value), languageOrDatatype.toLowerCase(), "");
        if (languageOrDatatype === undefined) return new Lit(ownCopy(value), "", "");
        if (!("termType" in languageOrDatatype)) return new Lit(ownCopy(value), languageOrDatatype.language.toLowerCase(), "");
        const dt = languageOrDatatype.value;
        const datatype = dt === XSD_STRING || dt === RDF_LANG_STRING ? "" : languageOrDatatype instanceof IndexIri ? dt : this.intern(dt);
        return new Lit(ownCopy(value), "", datatype);
      },
      defaultGraph: () => DEFAULT_GRAPH,
      quad: (subject: IndexIri | IndexBlank, predicate: IndexIri, object: IndexIri | IndexBlank | Lit): IndexQuad => ({ subject, predicate, object }),
      variable: (name: string): never => {
        throw new Error(`Variables (?${name}) are not RDF data`);
      },
    };
  }

  /** Add one triple whose terms a `termFactory` built. */
  addTerms({ subject, predicate, object }: IndexQuad): void {
    const s = subject instanceof IndexIri ? subject.value : subject instanceof IndexBlank ? subject.key : undefined;
    const o = object instanceof Lit ? object : object instanceof IndexIri ? object.value : object instanceof IndexBlank ? object.key : undefined;
    // A triple term (RDF 1.2) in place of a subject or an object says nothing DCAT reads: left out.
    if (s === undefined || o === undefined) return;
    this.add(s, predicate.value, o);
  }

  add(subject: string, predicate: string, object: Obj): void {
    if (this.sealed) throw new Error("The triple index is sealed: no triples can be added");
    let list = this.subjects.get(subject);
    if (!list) {
      list = [];
      this.subjects.set(subject, list);
    }
    // The same triple twice (a feed describing a node twice, or two pages repeating it): once.
    if (list.length < SCAN_LIMIT) {
      for (let i = 0; i < list.length; i += 2) {
        if (list[i] === predicate && sameObject(list[i + 1]!, object)) return;
      }
    } else {
      // A subject with many triples (a catalogue's dcat:dataset links): a key set, not a scan.
      let keys = this.bigSubjects.get(subject);
      if (!keys) {
        keys = new Set();
        for (let i = 0; i < list.length; i += 2) keys.add(tripleKey(list[i] as string, list[i + 1]!));
        this.bigSubjects.set(subject, keys);
      }
      const key = tripleKey(predicate, object);
      if (keys.has(key)) return;
      keys.add(key);
    }
    // (A triple the index already had changes nothing.)
    if (this.watched !== null && (this.watched.has(subject) || this.forgotten?.has(subject))) this.watchedChanged = true;
    list.push(predicate, object);
    this.triples++;
    // A triple is added once (the checks above), so each subject is listed once under each type.
    if (predicate === RDF_TYPE && typeof object === "string") {
      let of = this.typed.get(object);
      if (!of) this.typed.set(object, (of = []));
      of.push(subject);
    }
  }

  /** Subjects typed `type`, in the order they first appeared. */
  subjectsOfType(type: string): readonly string[] {
    return this.typed.get(type) ?? [];
  }

  has(subject: string): boolean {
    this.read(subject);
    return this.subjects.has(subject);
  }

  /** The flat [p, o, p, o, …] triples of a subject. */
  triplesOf(subject: string): readonly Obj[] {
    this.read(subject);
    return this.subjects.get(subject) ?? [];
  }

  /**
   * The objects of a subject's triples with this predicate. (Every list, empty or not, is made by
   * the one `[]` below, so that all have the same elements kind: see the note above `iriValues`
   * in map-dcat.ts.)
   */
  objects(subject: string, predicate: string): Obj[] {
    this.read(subject);
    const list = this.subjects.get(subject);
    const out: Obj[] = [];
    if (list !== undefined) for (let i = 0; i < list.length; i += 2) if (list[i] === predicate) out.push(list[i + 1]!);
    return out;
  }

  /** Objects of any of the predicates (e.g. the same local name in several namespaces). */
  objectsAny(subject: string, predicates: readonly string[]): Obj[] {
    this.read(subject);
    const list = this.subjects.get(subject);
    const out: Obj[] = [];
    if (list !== undefined) for (let i = 0; i < list.length; i += 2) if (predicates.includes(list[i] as string)) out.push(list[i + 1]!);
    return out;
  }

  isA(subject: string, type: string): boolean {
    return this.objects(subject, RDF_TYPE).includes(type);
  }

  /**
   * For every node that has triples of its own: how many triples point at it (as an object, or as
   * a literal naming it, which some JSON-LD feeds do for contact points).
   */
  referenceCounts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const list of this.subjects.values()) {
      for (let i = 1; i < list.length; i += 2) {
        const o = list[i]!;
        const key = typeof o === "string" ? o : o.value;
        if (this.subjects.has(key)) counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
    return counts;
  }

  /** Forget a subject once it has been mapped (frees memory as the mapping goes). */
  release(subject: string): void {
    this.subjects.delete(subject);
    this.bigSubjects.delete(subject);
  }
}

const SCAN_LIMIT = 128;

/**
 * The most IRI terms `termFactory` keeps for reuse; past that it starts again from none. A parser
 * asks for the term of nearly every IRI it reads (1.3 million lookups in the benchmark's 20,000-
 * dataset RDF/XML feed), and most IRIs are met a few times close together (a dataset's own nodes)
 * or all the time (the vocabularies'), while the table of every IRI met grew to 236,000 entries,
 * each lookup then a few cache misses away. Started again every 30,000: the RDF/XML parse into the
 * index 10% less CPU (14 alternating pairs in one process, means 6.50 against 7.22 s; 11 of the 14
 * pairs); Turtle the same (its IRIs are mostly prefixed names, found by `prefixedName`). An IRI
 * met again after a new start gets a new term (and a string of its own): the same IRI, validated
 * again by the RDF/XML parser (parse-rdf.ts).
 */
const IRI_TERMS_KEPT = 30_000;

/**
 * A string that holds its own characters. A parser's values are slices of the text chunk they
 * were read from (V8 keeps substrings of 13 or more characters as views), so one kept value keeps
 * its whole chunk alive: kept as they are, a feed's values held most of the feed's text.
 *
 * Copied code unit for code unit: as Latin-1 when every unit fits in a byte (all but 279 of the
 * 258,000 long literals of the benchmark's Turtle feed), through a buffer kept for it (one per
 * thread, as this module is), and as UTF-16 otherwise. Through UTF-8 and a new buffer each time, as
 * before, a copy took ~0.4-0.8 µs for a literal of the feed against ~0.2 µs now (in profiles of the
 * parse worker harvesting that feed: 3.0% of its CPU, now 1.9%; with a new buffer each time but no
 * UTF-8, 2.4%), and a lone surrogate (which JSON-LD may hold: "\ud800") came back as U+FFFD.
 */
function ownCopy(value: string): string {
  if (value.length < 13) return value;
  if (BEYOND_LATIN1.test(value)) return Buffer.from(value, "utf16le").toString("utf16le");
  if (value.length > latin1Copies.length) return Buffer.from(value, "latin1").toString("latin1");
  const bytes = latin1Copies.write(value, 0, "latin1");
  return latin1Copies.toString("latin1", 0, bytes);
}

const BEYOND_LATIN1 = /[^\u0000-\u00ff]/;
const latin1Copies = Buffer.allocUnsafe(64 * 1024);

function tripleKey(predicate: string, o: Obj): string {
  return typeof o === "string" ? `${predicate} ${o}` : `${predicate} "${o.value}"@${o.lang}^${o.datatype}`;
}

function sameObject(a: Obj, b: Obj): boolean {
  if (typeof a === "string" || typeof b === "string") return a === b;
  return a.value === b.value && a.lang === b.lang && a.datatype === b.datatype;
}

export { RDF_TYPE };
