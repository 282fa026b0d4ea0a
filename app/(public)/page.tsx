import NextLink from "next/link";
import { getTranslations } from "next-intl/server";
import { getCatalogueSummary } from "@/lib/catalogue/summary";
import { getDb } from "@/lib/database";
import { parseSearchParams } from "@/lib/search/params";
import { searchDatasets } from "@/lib/search/search-datasets";
import { Heading, Paragraph } from "@/app/_components/design-system";
import { CatalogueFigures } from "@/app/_components/catalogue-figures";
import { DatasetResults } from "@/app/_components/dataset-results";
import { SearchBox } from "@/app/_components/search-box";
import { ThemeGrid } from "@/app/_components/theme-grid";

export const dynamic = "force-dynamic";

/** The front page: what the portal is, its figures, a search box, the latest datasets and the themes. */
export default async function HomePage() {
  const t = await getTranslations("Home");
  const db = getDb();
  const summary = getCatalogueSummary(db);
  const latest = searchDatasets(db, parseSearchParams({ sort: "modified", limit: "6" }));
  return (
    <>
      <section className="fc-hero" aria-labelledby="home-heading">
        <div className="fc-container fc-hero__inner">
          <Heading level={1} size="xl" id="home-heading">
            {t("heading")}
          </Heading>
          <Paragraph size="lg" className="fc-hero__lead">
            {t("intro")}
          </Paragraph>
          <Paragraph className="fc-hero__lead">{t("introNational")}</Paragraph>
          <SearchBox id="home-q" labelVisible={false} size="lg" />
        </div>
      </section>
      <div className="fc-container fc-stack fc-stack--loose">
        <section aria-labelledby="figures-heading">
          <h2 id="figures-heading" className="ds-sr-only">
            {t("figures.heading")}
          </h2>
          <CatalogueFigures summary={summary} />
        </section>
        <section aria-labelledby="latest-heading" className="fc-stack">
          <div className="fc-section-head">
            <Heading level={2} size="md" id="latest-heading">
              {t("latest.heading")}
            </Heading>
            <NextLink href="/datasets" className="ds-link">
              {t("latest.all")}
            </NextLink>
          </div>
          <DatasetResults hits={latest.results} layout="grid" />
        </section>
        <section aria-labelledby="themes-heading" className="fc-stack">
          <Heading level={2} size="md" id="themes-heading">
            {t("themes.heading")}
          </Heading>
          <Paragraph>{t("themes.intro")}</Paragraph>
          <ThemeGrid counts={summary.themes} />
        </section>
      </div>
    </>
  );
}
