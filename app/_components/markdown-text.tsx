import { useLocale } from "next-intl";
import Markdown, { type Components } from "react-markdown";
import remarkGfm from "remark-gfm";
import { langAttribute, pickText, type LangText } from "@/lib/i18n/pick-text";

/**
 * A long metadata text (descriptions are Markdown) rendered safely: raw HTML in the text is dropped
 * (`skipHtml`), link and image URLs other than http(s), mailto and relative ones are removed by
 * react-markdown's URL filter, and everything else becomes React elements, never inner HTML.
 * Headings are demoted below the page's own, images are shown as their links (no third-party
 * requests from a reader's browser), and links are marked as user content.
 */
const components: Components = {
  h1: ({ children }) => <h3>{children}</h3>,
  h2: ({ children }) => <h3>{children}</h3>,
  h3: ({ children }) => <h4>{children}</h4>,
  h4: ({ children }) => <h5>{children}</h5>,
  img: ({ src, alt }) =>
    typeof src === "string" && src ? (
      <a href={src} rel="nofollow ugc noopener noreferrer">
        {alt || src}
      </a>
    ) : null,
  a: ({ href, children }) => (
    <a href={href} rel="nofollow ugc noopener noreferrer">
      {children}
    </a>
  ),
};

export function MarkdownText({ text, className }: { text: LangText; className?: string }) {
  const locale = useLocale();
  const picked = pickText(text, locale);
  if (!picked) return null;
  return (
    <div className={`fc-prose ${className ?? ""}`} lang={langAttribute(picked.lang, locale)}>
      <Markdown remarkPlugins={[remarkGfm]} skipHtml components={components}>
        {picked.text}
      </Markdown>
    </div>
  );
}
