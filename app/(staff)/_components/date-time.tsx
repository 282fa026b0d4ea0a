import { useLocale } from "next-intl";
import { intlTag } from "@/lib/i18n/config";

/** A moment (ISO date-time) as date and time in Norway's time zone, in a `<time>`. */
export function DateTime({ value }: { value: string | null | undefined }) {
  const locale = useLocale();
  if (!value) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return <>{value}</>;
  const text = new Intl.DateTimeFormat(intlTag(locale), {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Europe/Oslo",
  }).format(date);
  return <time dateTime={value}>{text}</time>;
}
