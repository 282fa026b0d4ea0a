import NextLink from "next/link";
import { useTranslations } from "next-intl";

/** About the portal, the API and where the demo catalogue's records come from. */
export function SiteFooter() {
  const t = useTranslations("Layout.footer");
  return (
    <footer className="fc-footer">
      <div className="fc-container fc-footer__grid">
        <section aria-labelledby="footer-about">
          <h2 id="footer-about" className="fc-footer__heading">{t("aboutHeading")}</h2>
          <p>{t("about")}</p>
        </section>
        <section aria-labelledby="footer-api">
          <h2 id="footer-api" className="fc-footer__heading">{t("apiHeading")}</h2>
          <p>{t("api")}</p>
          <ul className="fc-footer__links">
            <li>
              {/* A JSON endpoint, not a page: a plain link, so the browser shows the JSON. The rule
                  mistakes /api/datasets/[slug] for a page route. */}
              {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
              <a href="/api/datasets">{t("apiLink")}</a>
            </li>
            <li>
              <NextLink href="/publishers">{t("publishersLink")}</NextLink>
            </li>
          </ul>
        </section>
        <section aria-labelledby="footer-sources">
          <h2 id="footer-sources" className="fc-footer__heading">{t("sourcesHeading")}</h2>
          <p>{t("sources")}</p>
          <ul className="fc-footer__links">
            <li>
              <a href="https://www.geonorge.no/">Geonorge</a>
            </li>
            <li>
              <a href="https://data.norge.no/">data.norge.no</a>
            </li>
          </ul>
        </section>
      </div>
    </footer>
  );
}
