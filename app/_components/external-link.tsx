import type { ReactNode } from "react";

/** The host of a URL, without `www.`; the URL itself when it cannot be parsed. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host.replace(/^www\./, "");
  } catch {
    return url;
  }
}

/** Only http(s) URLs become links; anything else (javascript:, data:) is shown as text. */
export function isHttpUrl(url: string): boolean {
  return /^https?:\/\//i.test(url.trim());
}

/**
 * A link to another site. It opens normally (same tab) and says where it goes: the host is shown
 * after the text unless the text already is the URL.
 */
export function ExternalLink({ href, children, className }: { href: string; children?: ReactNode; className?: string }) {
  if (!isHttpUrl(href)) return <span className={className}>{children ?? href}</span>;
  return (
    <a href={href} className={className ?? "ds-link"} rel="external noopener">
      {children ?? href}
      {children !== undefined && <span className="fc-host"> ({hostOf(href)})</span>}
    </a>
  );
}
