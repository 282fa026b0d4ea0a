import { useLocale } from "next-intl";
import { formatDate, isoDate } from "@/lib/i18n/format";

/** A catalogue date as a `<time>` in the reader's format; nothing when there is no date. */
export function DateText({ value }: { value: string | null | undefined }) {
  const locale = useLocale();
  const text = formatDate(value, locale);
  if (!value || !text) return null;
  return <time dateTime={isoDate(value)}>{text}</time>;
}
