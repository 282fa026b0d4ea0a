import type { Metadata } from "next";
import NextLink from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Heading, Paragraph, Tag } from "@/app/_components/design-system";
import { PaginationNav } from "@/app/_components/pagination-nav";
import { TextInLanguage } from "@/app/_components/text-in-language";
import { requirePrincipal } from "@/lib/auth/session";
import { listStaffDatasets, writablePublishers } from "@/lib/catalogue/staff-queries";
import { getDb } from "@/lib/database";
import { formatNumber } from "@/lib/i18n/format";
import { pickPlain } from "@/lib/i18n/pick-text";
import { DateTime } from "../../_components/date-time";
import { StateTag } from "../../_components/state-tag";
import { StaffTable } from "@/app/(staff)/_components/staff-table";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Staff.datasets");
  return { title: t("title"), robots: { index: false } };
}

const STATES = ["draft", "published", "withdrawn"] as const;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

/** The user's datasets (all for site administrators): filter by state and publisher, search, page. */
export default async function StaffDatasetsPage({ searchParams }: Props) {
  const params = await searchParams;
  const q = first(params.q).trim().slice(0, 200);
  const state = STATES.find((s) => s === first(params.state));
  const publisher = first(params.publisher);
  const page = Math.max(1, Math.min(10_000, Number.parseInt(first(params.page), 10) || 1));
  const query = new URLSearchParams({ ...(q && { q }), ...(state && { state }), ...(publisher && { publisher }) });
  const principal = await requirePrincipal(`/staff/datasets${query.size > 0 ? `?${query}` : ""}`);
  const [t, tStates, locale] = await Promise.all([getTranslations("Staff.datasets"), getTranslations("Staff.states"), getLocale()]);
  const db = getDb();
  const publishers = writablePublishers(db, principal);
  const list = listStaffDatasets(db, principal, { q: q || undefined, state, publisher: publisher || undefined, page, limit: 25 });
  const totalPages = Math.max(1, Math.ceil(list.total / list.limit));
  const hrefFor = (n: number) => {
    const next = new URLSearchParams(query);
    if (n > 1) next.set("page", String(n));
    return `/staff/datasets${next.size > 0 ? `?${next}` : ""}`;
  };

  return (
    <div className="fc-stack">
      <div className="fc-section-head">
        <Heading level={1} size="lg">
          {t("title")}
        </Heading>
        {publishers.length > 0 && (
          <NextLink href="/staff/datasets/new" className="ds-button" data-variant="primary">
            {t("new")}
          </NextLink>
        )}
      </div>
      {publishers.length === 0 && <Paragraph>{t("noPublishers")}</Paragraph>}

      <form method="get" action="/staff/datasets" className="fc-filter-form" role="search" aria-label={t("filterLabel")}>
        <div className="ds-field fc-filter-form__q">
          <label htmlFor="staff-q" className="ds-label" data-weight="medium">
            {t("q")}
          </label>
          <input id="staff-q" name="q" type="search" className="ds-input" defaultValue={q} />
        </div>
        <div className="ds-field">
          <label htmlFor="staff-state" className="ds-label" data-weight="medium">
            {t("state")}
          </label>
          <select id="staff-state" name="state" className="ds-input" defaultValue={state ?? ""}>
            <option value="">{t("allStates")}</option>
            {STATES.map((s) => (
              <option key={s} value={s}>
                {tStates(s)}
              </option>
            ))}
          </select>
        </div>
        {publishers.length > 1 && (
          <div className="ds-field">
            <label htmlFor="staff-publisher" className="ds-label" data-weight="medium">
              {t("publisher")}
            </label>
            <select id="staff-publisher" name="publisher" className="ds-input" defaultValue={publisher}>
              <option value="">{t("allPublishers")}</option>
              {publishers.map((p) => (
                <option key={p.slug} value={p.slug}>
                  {pickPlain(p.name, locale)}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="fc-filter-form__submit">
          <button type="submit" className="ds-button" data-variant="secondary">
            {t("filter")}
          </button>
        </div>
      </form>

      <Heading level={2} size="xs" id="results-heading" aria-live="polite">
        {t("total", { count: list.total, shown: formatNumber(list.total, locale) })}
      </Heading>
      {list.items.length === 0 ? (
        <Paragraph>{query.size > 0 ? t("noneMatching") : t("none")}</Paragraph>
      ) : (
        <StaffTable labelledBy="results-heading">
          <thead>
            <tr>
              <th scope="col">{t("colTitle")}</th>
              <th scope="col">{t("colPublisher")}</th>
              <th scope="col">{t("colState")}</th>
              <th scope="col">{t("colOpen")}</th>
              <th scope="col">{t("colUpdated")}</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((d) => (
              <tr key={d.slug}>
                <th scope="row">
                  <NextLink href={`/staff/datasets/${d.slug}`} className="ds-link">
                    <TextInLanguage text={d.title} fallback={d.slug} />
                  </NextLink>
                  {d.origin === "harvest" && (
                    <>
                      {" "}
                      <Tag color="info">{t("harvested")}</Tag>
                    </>
                  )}
                </th>
                <td>
                  <TextInLanguage text={d.publisher.name} />
                </td>
                <td>
                  <StateTag state={d.state} />
                </td>
                <td>{d.isOpen ? t("open") : t("notOpen")}</td>
                <td>
                  <DateTime value={d.updatedAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </StaffTable>
      )}
      <PaginationNav page={list.page} totalPages={totalPages} hrefFor={hrefFor} />
    </div>
  );
}
