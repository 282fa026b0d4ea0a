import { intlTag, type Locale } from "./config";

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Intl formatters are costly to construct (~20-50 µs each; a search page formats a few hundred
 * counts and dates), so one per locale and options is kept.
 */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) formatters.set(key, (formatter = make()));
  return formatter;
}

/**
 * A catalogue date (ISO date or date-time) as the reader writes it: "5. mars 2024" / "5 March 2024".
 * Plain dates are shown as the calendar date given, never shifted by a time zone.
 */
export function formatDate(value: string | null | undefined, locale: Locale): string | undefined {
  if (!value) return undefined;
  const date = DATE_ONLY.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const timeZone = DATE_ONLY.test(value) ? "UTC" : "Europe/Oslo";
  return cached(`date:${locale}:${timeZone}`, () =>
    new Intl.DateTimeFormat(intlTag(locale), { day: "numeric", month: "long", year: "numeric", timeZone }),
  ).format(date);
}

/** The ISO date part of a value, for `<time dateTime>`. */
export function isoDate(value: string): string {
  return value.slice(0, 10);
}

export function formatNumber(value: number, locale: Locale): string {
  return cached(`number:${locale}`, () => new Intl.NumberFormat(intlTag(locale))).format(value);
}

const BYTE_UNITS = ["byte", "kilobyte", "megabyte", "gigabyte", "terabyte"] as const;

/** A byte size in the largest fitting unit: "1,5 MB" / "1.5 MB". */
export function formatBytes(bytes: number, locale: Locale): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < BYTE_UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return cached(`bytes:${locale}:${unit}`, () =>
    new Intl.NumberFormat(intlTag(locale), {
      style: "unit",
      unit: BYTE_UNITS[unit],
      unitDisplay: "short",
      maximumFractionDigits: unit === 0 ? 0 : 1,
    }),
  ).format(value);
}
