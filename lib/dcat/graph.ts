import { DataFactory } from "n3";
import type { Literal, NamedNode, Quad, Quad_Object, Quad_Predicate, Quad_Subject, Term } from "@rdfjs/types";
import { RDF_TYPE, rdf, xsd } from "./namespaces";

const { namedNode, quad } = DataFactory;

const XSD_STRING = xsd("string");
const RDF_LANG_STRING = rdf("langString");

/**
 * An RDF/JS Literal that keeps its parts as fields. n3's own Literal keeps one id string and
 * re-parses it on every read of value, language and datatype (a new NamedNode each time), which
 * the writers do for every literal; this one reads as plain fields, and its datatype is the shared
 * (interned) term, so the writer's encoding of it is computed once. Equal to an n3 Literal with
 * the same parts (RDF/JS equality), in both directions.
 */
export class FieldLiteral implements Literal {
  readonly termType = "Literal" as const;
  readonly direction = "" as const;
  constructor(
    readonly value: string,
    readonly language: string,
    readonly datatype: NamedNode,
  ) {}

  equals(other: Term | null | undefined): boolean {
    return (
      !!other &&
      other.termType === "Literal" &&
      other.value === this.value &&
      other.language === this.language &&
      !other.direction &&
      other.datatype.value === this.datatype.value
    );
  }
}

/** A literal: language-tagged (lower-cased tag, as n3 does), typed, or a plain xsd:string. */
export function literal(value: string, languageOrDatatype?: string | NamedNode): Literal {
  if (typeof languageOrDatatype === "string") return new FieldLiteral(value, languageOrDatatype.toLowerCase(), RDF_LANG_STRING);
  return new FieldLiteral(value, "", languageOrDatatype ?? XSD_STRING);
}

const same = (a: Term, b: Term) => a === b || a.equals(b);

export type Subject = Quad_Subject;

/**
 * The triples of one resource group (a dataset with its distributions, or the catalogue), which the
 * profiles of a pipeline add to and correct in turn. Small by design: one dataset at a time, never
 * the whole catalogue, so the full dump stays flat in memory.
 */
export class Graph {
  private quads: Quad[] = [];

  add(subject: Subject, predicate: Quad_Predicate, object: Quad_Object | null | undefined): this {
    if (object) this.quads.push(quad(subject, predicate, object));
    return this;
  }

  type(subject: Subject, ...classes: NamedNode[]): this {
    for (const c of classes) this.add(subject, RDF_TYPE, c);
    return this;
  }

  /** The objects of `subject predicate ?o`. */
  objects(subject: Term, predicate: Term): Quad_Object[] {
    return this.quads.filter((q) => same(q.subject, subject) && same(q.predicate, predicate)).map((q) => q.object);
  }

  /** The quads that match; an undefined position matches anything. */
  match(subject?: Term, predicate?: Term, object?: Term): Quad[] {
    return this.quads.filter(
      (q) =>
        (!subject || same(q.subject, subject)) &&
        (!predicate || same(q.predicate, predicate)) &&
        (!object || same(q.object, object)),
    );
  }

  /** The subjects of `?s predicate object`. */
  subjects(predicate: Term, object: Term): Quad_Subject[] {
    return this.quads.filter((q) => same(q.predicate, predicate) && same(q.object, object)).map((q) => q.subject);
  }

  has(subject: Term, predicate: Term, object?: Term): boolean {
    return this.quads.some((q) => same(q.subject, subject) && same(q.predicate, predicate) && (!object || same(q.object, object)));
  }

  /** Remove every quad that matches; an undefined position matches anything. In place: no new array. */
  remove(subject?: Term, predicate?: Term, object?: Term): this {
    const quads = this.quads;
    let kept = 0;
    for (let i = 0; i < quads.length; i++) {
      const q = quads[i]!;
      const matches =
        (!subject || same(q.subject, subject)) && (!predicate || same(q.predicate, predicate)) && (!object || same(q.object, object));
      if (!matches) quads[kept++] = q;
    }
    quads.length = kept;
    return this;
  }

  /** Replace every object of `predicate` (on any subject) by `map(object)`; null drops the quad. In place. */
  mapObjects(predicate: Term, map: (object: Quad_Object, subject: Quad_Subject) => Quad_Object | null): this {
    const quads = this.quads;
    let kept = 0;
    for (let i = 0; i < quads.length; i++) {
      const q = quads[i]!;
      if (!same(q.predicate, predicate)) {
        quads[kept++] = q;
        continue;
      }
      const next = map(q.object, q.subject);
      if (next) quads[kept++] = next === q.object ? q : quad(q.subject, q.predicate, next);
    }
    quads.length = kept;
    return this;
  }

  get size(): number {
    return this.quads.length;
  }

  /** The quads, grouped by subject in order of first appearance (readable Turtle and JSON-LD). */
  toQuads(): Quad[] {
    const groups = new Map<string, Quad[]>();
    for (const q of this.quads) {
      // No key allocation for IRIs (nearly every subject); blank nodes get their own key space.
      const key = q.subject.termType === "NamedNode" ? q.subject.value : `_:${q.subject.value}`;
      const group = groups.get(key);
      if (group) group.push(q);
      else groups.set(key, [q]);
    }
    if (groups.size === 1) return this.quads;
    const out: Quad[] = [];
    for (const group of groups.values()) for (const q of group) out.push(q);
    return out;
  }
}

export const iri = (value: string): NamedNode => namedNode(value);
export const optionalIri = (value: string | null | undefined): NamedNode | null => (value ? namedNode(value) : null);

export const text = (value: string | null | undefined, lang?: string): Literal | null =>
  value ? literal(value, lang) : null;

export const typed = (value: string | number, datatype: NamedNode): Literal => literal(String(value), datatype);

/** An ISO 8601 date ("2024-05-01") as xsd:date, a date-time as xsd:dateTime. */
export function dateLiteral(value: string | null | undefined): Literal | null {
  if (!value) return null;
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? typed(value, xsd("date")) : typed(value, xsd("dateTime"));
}

/** A decimal literal in canonical-enough lexical form ("10.0", not "10" or "1e1"). */
export function decimalLiteral(value: number): Literal {
  const lexical = Number.isInteger(value) ? `${value}.0` : String(value);
  return typed(lexical, xsd("decimal"));
}
