import { isValidOrgNumber } from "@/lib/publishers/org-number";
import { memoized } from "@/lib/vocabularies/keys";

/**
 * Small, forgiving readers for harvested values: dates, texts, URLs, e-mail addresses and
 * organisation numbers. Each returns undefined (and the caller warns) rather than throwing.
 */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(:\d{2}(\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * An ISO 8601 date or date-time with zone, as the registration schema takes it. A date-time
 * without a zone keeps its date only; a bare year or month is refused (the schema wants a day).
 */
export const readDate = memoized((value: string): string | undefined => {
  const text = value.trim();
  if (ISO_DATE.test(text)) return validDay(text) ? text : undefined;
  const m = ISO_DATE_TIME.exec(text);
  if (!m) return undefined;
  const [, day, time, , , zone] = m;
  if (!validDay(day!)) return undefined;
  if (!zone) return day;
  const z = zone === "Z" ? "Z" : zone.includes(":") ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const full = `${day}T${time!.length === 5 ? `${time}:00` : time}${z}`;
  return Number.isNaN(Date.parse(full)) ? undefined : full;
});

function validDay(day: string): boolean {
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/** Text from a literal that may hold HTML (DCAT-US descriptions): tags dropped, entities decoded. */
export function plainText(value: string): string {
  let text = value;
  if (/<\/?[a-z][\s\S]*?>/i.test(text)) {
    text = text
      .replace(/<(br|\/p|\/div|\/li|\/h\d)\s*\/?>/gi, "\n")
      .replace(/<[^>]+>/g, "")
      .replace(/\n{3,}/g, "\n\n");
  }
  if (text.includes("&")) {
    text = text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
      if (entity.startsWith("#x") || entity.startsWith("#X")) return String.fromCodePoint(parseInt(entity.slice(2), 16));
      if (entity.startsWith("#")) return String.fromCodePoint(Number(entity.slice(1)));
      return ENTITIES[entity.toLowerCase()] ?? whole;
    });
  }
  return text.replace(/\r\n?/g, "\n").trim();
}

/** At most `max` characters, cut at a word where possible, with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${space > max * 0.8 ? cut.slice(0, space) : cut}…`;
}

/** An absolute http(s) URL the schema accepts (at most 2000 characters), or undefined. */
export function readHttpUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const text = value.trim();
  if (!/^https?:\/\//i.test(text) || text.length > 2000) return undefined;
  try {
    const url = new URL(text);
    if (!url.hostname) return undefined;
    // The schema's URL check rejects spaces and the like that WHATWG URL would escape: use the escaped form.
    return text === url.href || text === url.href.replace(/\/$/, "") ? text : url.href;
  } catch {
    return undefined;
  }
}

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[a-z]{2,}$/i;

/** An e-mail address from "mailto:x@y.no", "x@y.no" or "Name <x@y.no>". */
export function readEmail(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const text = value.trim().replace(/^mailto:/i, "");
  const bracketed = /<([^>]+)>/.exec(text)?.[1] ?? text;
  const email = decodeURIComponent(bracketed.split("?")[0]!).trim();
  return EMAIL.test(email) && email.length <= 320 ? email : undefined;
}

/** A valid organisation number in an identifier, a URI's last segment, or "NO 974 760 673". */
export function readOrgNumber(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const digits = /(?:^|[/=:#\s])(?:NO)?\s*(\d{3}\s?\d{3}\s?\d{3})\s*(?:MVA)?\/?$/i.exec(value.trim())?.[1]?.replace(/\s/g, "");
  return digits && isValidOrgNumber(digits) ? digits : /^\d{9}$/.test(value.trim()) && isValidOrgNumber(value.trim()) ? value.trim() : undefined;
}

/** A non-negative whole number from "1234", "1234.0" or "1 234". */
export function readByteSize(value: string): number | undefined {
  const n = Number(value.replace(/\s/g, ""));
  return Number.isFinite(n) && n >= 0 && Number.isInteger(Math.round(n)) && n <= Number.MAX_SAFE_INTEGER ? Math.round(n) : undefined;
}

/** A positive decimal from "10", "10.5" or "10,5". */
export function readPositiveNumber(value: string): number | undefined {
  const n = Number(value.trim().replace(",", "."));
  return Number.isFinite(n) && n > 0 ? n : undefined;
}
