import { useLocale } from "next-intl";
import { langAttribute, pickText, type LangText } from "@/lib/i18n/pick-text";

/**
 * A long metadata text as paragraphs: blank lines separate paragraphs, single line breaks are kept.
 * Rendered as text nodes only; nothing in it is ever interpreted as HTML.
 */
export function Paragraphs({ text, className }: { text: LangText; className?: string }) {
  const locale = useLocale();
  const picked = pickText(text, locale);
  if (!picked) return null;
  const paragraphs = picked.text
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <div className={className} lang={langAttribute(picked.lang, locale)}>
      {paragraphs.map((paragraph, i) => (
        <p key={i} className="fc-prose">
          {paragraph.split("\n").map((line, j) => (
            <span key={j}>
              {j > 0 && <br />}
              {line}
            </span>
          ))}
        </p>
      ))}
    </div>
  );
}
