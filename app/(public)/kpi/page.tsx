import type { Metadata } from "next";
import NextLink from "next/link";
import { getLocale } from "next-intl/server";
import { Heading, Paragraph, Tag } from "@/app/_components/design-system";
import { TextInLanguage } from "@/app/_components/text-in-language";
import { writablePublisherIds } from "@/lib/auth/permissions";
import { getPrincipal } from "@/lib/auth/session";
import { getDb } from "@/lib/database";
import type { Locale } from "@/lib/i18n/config";
import { formatDate, formatNumber } from "@/lib/i18n/format";
import type { KpiLine } from "@/lib/kpi/breakdowns";
import { kpiMessages, type KpiMessages } from "@/lib/kpi/messages";
import { NOT_OPEN_REASONS } from "@/lib/kpi/openness";
import { getKpiPageData, type KpiPageData } from "@/lib/kpi/page-data";
import { qualityHint } from "@/lib/quality/hints";
import { QUALITY_BANDS, QUALITY_CHECKS, QUALITY_DIMENSIONS, type QualityCheck } from "@/lib/quality/score";
import { KpiChart } from "./kpi-chart";
import "./kpi.css";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const m = kpiMessages((await getLocale()) as Locale);
  return { title: m.title, description: m.lead };
}

const percentText = (value: number | null, locale: Locale, digits = 2) =>
  value === null
    ? "–"
    : new Intl.NumberFormat(locale === "en" ? "en-GB" : "nb-NO", {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      }).format(value) + "\u00a0%";

/** The U4SSC Open Data KPI (EC:ICT:PS:1A) of the catalogue: figures, breakdowns, history and method. */
export default async function KpiPage() {
  const locale = (await getLocale()) as Locale;
  const m = kpiMessages(locale);
  // Staff also see the datasets that are not open, with their reasons and where to fix them: site
  // administrators for every publisher, publisher staff for their own (drafts included).
  const data = getKpiPageData(getDb(), { staffPublishers: writablePublisherIds(await getPrincipal()) });
  const n = (value: number) => formatNumber(value, locale);
  const { whole } = data;
  return (
    <div className="fc-container fc-stack fc-stack--loose">
      <div className="fc-stack">
        <Heading level={1} size="lg">
          {m.title}
        </Heading>
        <Paragraph className="fc-lead">{m.lead}</Paragraph>
        <Paragraph size="sm">
          <Tag color="info">{m.kpiCode}</Tag>
        </Paragraph>
      </div>

      <section aria-labelledby="kpi-figures" className="fc-kpi-section">
        <Heading level={2} size="sm" id="kpi-figures" className="ds-sr-only">
          {m.figuresLabel}
        </Heading>
        <dl className="fc-figures fc-kpi-figures">
          <div className="fc-figure">
            <dt className="fc-figure__label">{m.openPublished}</dt>
            <dd className="fc-figure__value">{n(whole.openPublished)}</dd>
            <dd className="fc-figure__note">{whole.inventory > 0 ? m.inventoryNote(n(whole.inventory)) : m.noInventory}</dd>
          </div>
          <div className="fc-figure">
            <dt className="fc-figure__label">{m.openPercent}</dt>
            <dd className="fc-figure__value">{percentText(whole.percent, locale)}</dd>
            <dd className="fc-figure__note">
              {m.computedAt(formatDate(whole.computedAt, locale) ?? whole.computedAt)}
            </dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="kpi-not-open" className="fc-kpi-section">
        <Heading level={2} size="md" id="kpi-not-open">
          {m.notOpenHeading}
        </Heading>
        <Paragraph>{m.notOpenIntro}</Paragraph>
        <div className="fc-table-scroll" role="region" aria-labelledby="kpi-not-open-caption" tabIndex={0}>
          <table className="ds-table" data-zebra="true">
            <caption id="kpi-not-open-caption">{m.notOpenCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{m.reason}</th>
                <th scope="col" className="fc-num">
                  {m.datasets}
                </th>
              </tr>
            </thead>
            <tbody>
              {NOT_OPEN_REASONS.map((reason) => (
                <tr key={reason}>
                  <th scope="row">
                    {m.reasons[reason]}
                    <div className="fc-muted fc-kpi-help">{m.reasonHelp[reason]}</div>
                  </th>
                  <td className="fc-num">{n(whole.notOpen[reason])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <HistorySection data={data} m={m} locale={locale} />

      <BreakdownTable
        id="kpi-by-publisher"
        heading={m.byPublisherHeading}
        caption={m.byPublisherCaption}
        nameHeader={m.publisher}
        lines={data.byPublisher}
        href={(key) => `/publishers/${key}`}
        m={m}
        locale={locale}
      />
      <BreakdownTable
        id="kpi-by-theme"
        heading={m.byThemeHeading}
        caption={m.byThemeCaption}
        nameHeader={m.theme}
        note={m.byThemeNote}
        lines={data.byTheme}
        href={(key) => `/datasets?theme=${key}`}
        m={m}
        locale={locale}
      />

      <QualitySection data={data} m={m} locale={locale} />

      <MethodSection data={data} m={m} locale={locale} />

      <section aria-labelledby="kpi-data" className="fc-kpi-section">
        <Heading level={2} size="md" id="kpi-data">
          {m.dataHeading}
        </Heading>
        <Paragraph>{m.dataIntro}</Paragraph>
        <ul className="ds-list">
          <li>
            <a className="ds-link" href="/kpi.json">
              {m.dataJson}
            </a>
          </li>
          <li>
            <a className="ds-link" href="/kpi.csv">
              {m.dataCsv}
            </a>
          </li>
          <li>
            <a className="ds-link" href="/kpi.csv?history=1">
              {m.dataHistory}
            </a>
          </li>
        </ul>
      </section>

      {data.notOpen && <StaffSection list={data.notOpen} m={m} locale={locale} />}
      {data.lowestQuality && <LowQualitySection items={data.lowestQuality} m={m} locale={locale} />}
    </div>
  );
}

type SectionProps = { data: KpiPageData; m: KpiMessages; locale: Locale };

function HistorySection({ data, m, locale }: SectionProps) {
  const points = data.history.filter((p) => p.percent !== null);
  const day = (date: string) => formatDate(date, locale) ?? date;
  const first = points[0];
  const last = points[points.length - 1];
  return (
    <section aria-labelledby="kpi-history" className="fc-kpi-section">
      <Heading level={2} size="md" id="kpi-history">
        {m.historyHeading}
      </Heading>
      <Paragraph>{m.historyIntro}</Paragraph>
      {first && last ? (
        <>
          <KpiChart
            points={points}
            title={m.chartTitle}
            description={m.chartDescription(
              percentText(first.percent, locale),
              percentText(last.percent, locale),
              day(first.date),
              day(last.date),
            )}
            formatPercent={(v) => percentText(v, locale, 0)}
            formatDay={day}
          />
          <details className="ds-details">
            <summary>{m.historyTableToggle}</summary>
            <div className="fc-table-scroll" role="region" aria-labelledby="kpi-history-caption" tabIndex={0}>
              <table className="ds-table" data-zebra="true">
                <caption id="kpi-history-caption">{m.historyCaption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{m.date}</th>
                    <th scope="col" className="fc-num">
                      {m.openPublished}
                    </th>
                    <th scope="col" className="fc-num">
                      {m.inventory}
                    </th>
                    <th scope="col" className="fc-num">
                      {m.percent}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {[...points].reverse().map((p) => (
                    <tr key={p.date}>
                      <th scope="row">
                        <time dateTime={p.date}>{day(p.date)}</time>
                      </th>
                      <td className="fc-num">{formatNumber(p.openPublished, locale)}</td>
                      <td className="fc-num">{formatNumber(p.inventory, locale)}</td>
                      <td className="fc-num">{percentText(p.percent, locale)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      ) : (
        <Paragraph className="fc-muted">{m.historyEmpty}</Paragraph>
      )}
    </section>
  );
}

type BreakdownProps = {
  id: string;
  heading: string;
  caption: string;
  nameHeader: string;
  note?: string;
  lines: KpiLine[];
  href: (key: string) => string;
  m: KpiMessages;
  locale: Locale;
};

function BreakdownTable({ id, heading, caption, nameHeader, note, lines, href, m, locale }: BreakdownProps) {
  return (
    <section aria-labelledby={id} className="fc-kpi-section">
      <Heading level={2} size="md" id={id}>
        {heading}
      </Heading>
      {note && <Paragraph>{note}</Paragraph>}
      <div className="fc-table-scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
        <table className="ds-table" data-zebra="true">
          <caption id={`${id}-caption`}>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{nameHeader}</th>
              <th scope="col" className="fc-num">
                {m.openPublished}
              </th>
              <th scope="col" className="fc-num">
                {m.inventory}
              </th>
              <th scope="col" className="fc-num">
                {m.percent}
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => (
              <tr key={l.key}>
                <th scope="row">
                  <NextLink href={href(l.key)} className="ds-link">
                    <TextInLanguage text={l.label} />
                  </NextLink>
                </th>
                <td className="fc-num">{formatNumber(l.openPublished, locale)}</td>
                <td className="fc-num">{formatNumber(l.inventory, locale)}</td>
                <td className="fc-num">{percentText(l.percent, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function MethodSection({ data, m, locale }: SectionProps) {
  const label = (l: { nb: string; en: string }) => (locale === "en" ? l.en : l.nb);
  return (
    <section aria-labelledby="kpi-method" className="fc-kpi-section">
      <Heading level={2} size="md" id="kpi-method">
        {m.methodHeading}
      </Heading>
      <Paragraph>{m.methodDefinition}</Paragraph>
      <ul className="ds-list">
        <li>{m.methodNumerator}</li>
        <li>{m.methodDenominator}</li>
        <li>{m.methodUnit}</li>
      </ul>
      <Paragraph>{m.methodOpenIntro}</Paragraph>
      <ol className="ds-list">
        {m.methodConditions.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ol>
      <Paragraph>{m.methodWhy}</Paragraph>
      <Paragraph>{m.methodSeveral}</Paragraph>

      <OpenList
        id="kpi-licences"
        heading={m.licencesHeading}
        caption={m.licencesCaption}
        nameHeader={m.licence}
        whyHeader={m.why}
        toggle={m.notOpenLicencesToggle}
        entries={data.licences}
        label={label}
      />
      <OpenList
        id="kpi-formats"
        heading={m.formatsHeading}
        caption={m.formatsCaption}
        nameHeader={m.format}
        whyHeader={m.why}
        toggle={m.notOpenFormatsToggle}
        entries={data.formats}
        label={label}
      />
    </section>
  );
}

type VocabularyEntry = { code: string; label: { nb: string; en: string }; reason: { nb: string; en: string } };

/** The entries of one list behind the rule (licences or formats): those that count as open in a table, the rest folded. */
function OpenList({
  id,
  heading,
  caption,
  nameHeader,
  whyHeader,
  toggle,
  entries,
  label,
}: {
  id: string;
  heading: string;
  caption: string;
  nameHeader: string;
  whyHeader: string;
  toggle: string;
  entries: { open: VocabularyEntry[]; notOpen: VocabularyEntry[] };
  label: (text: { nb: string; en: string }) => string;
}) {
  return (
    <>
      <Heading level={3} size="sm" id={id}>
        {heading}
      </Heading>
      <VocabularyTable
        id={`${id}-table`}
        caption={caption}
        nameHeader={nameHeader}
        whyHeader={whyHeader}
        rows={entries.open.map((e) => ({ key: e.code, name: label(e.label), why: label(e.reason) }))}
      />
      <details className="ds-details">
        <summary>{toggle}</summary>
        <ul className="ds-list">
          {entries.notOpen.map((e) => (
            <li key={e.code}>
              <strong>{label(e.label)}</strong>: {label(e.reason)}
            </li>
          ))}
        </ul>
      </details>
    </>
  );
}

function VocabularyTable({
  id,
  caption,
  nameHeader,
  whyHeader,
  rows,
}: {
  id: string;
  caption: string;
  nameHeader: string;
  whyHeader: string;
  rows: { key: string; name: string; why: string }[];
}) {
  return (
    <div className="fc-table-scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
      <table className="ds-table" data-zebra="true">
        <caption id={`${id}-caption`}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{nameHeader}</th>
            <th scope="col">{whyHeader}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.name}</th>
              <td>{r.why}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function StaffSection({ list, m, locale }: { list: NonNullable<KpiPageData["notOpen"]>; m: KpiMessages; locale: Locale }) {
  return (
    <section aria-labelledby="kpi-staff" className="fc-kpi-section fc-kpi-staff">
      <Heading level={2} size="md" id="kpi-staff">
        {m.staffHeading}
      </Heading>
      {list.total === 0 ? (
        <Paragraph>{m.staffNone}</Paragraph>
      ) : (
        <>
          <Paragraph>{m.staffIntro(formatNumber(list.total, locale))}</Paragraph>
          <div className="fc-table-scroll" role="region" aria-labelledby="kpi-staff-caption" tabIndex={0}>
            <table className="ds-table" data-zebra="true">
              <caption id="kpi-staff-caption">{m.staffCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{m.datasets}</th>
                  <th scope="col">{m.publisher}</th>
                  <th scope="col">{m.state}</th>
                  <th scope="col">{m.reason}</th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((d) => (
                  <tr key={d.slug}>
                    <th scope="row">
                      <NextLink href={d.fixPath} className="ds-link">
                        <TextInLanguage text={d.title} />
                      </NextLink>
                    </th>
                    <td>
                      <TextInLanguage text={d.publisher.name} />
                    </td>
                    <td>{m.states[d.state]}</td>
                    <td>
                      <ul className="fc-kpi-reasons">
                        {d.reasons.map((r) => (
                          <li key={r}>{m.reasons[r]}</li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {list.items.length < list.total && (
            <Paragraph className="fc-muted">
              {m.staffMore(formatNumber(list.items.length, locale), formatNumber(list.total, locale))}
            </Paragraph>
          )}
        </>
      )}
    </section>
  );
}

const DIMENSION_MAX = Object.fromEntries(
  QUALITY_DIMENSIONS.map((d) => [d, Object.values(QUALITY_CHECKS).filter((c) => c.dimension === d).reduce((n, c) => n + c.points, 0)]),
) as Record<(typeof QUALITY_DIMENSIONS)[number], number>;

function QualitySection({ data, m, locale }: SectionProps) {
  const { quality } = data;
  const points = (v: number | null) =>
    v === null ? "–" : new Intl.NumberFormat(locale === "en" ? "en-GB" : "nb-NO", { maximumFractionDigits: 1 }).format(v);
  return (
    <section aria-labelledby="kpi-quality" className="fc-kpi-section">
      <Heading level={2} size="md" id="kpi-quality">
        {m.qualityHeading}
      </Heading>
      <Paragraph>{m.qualityIntro}</Paragraph>
      {quality.catalogue.datasets === 0 ? (
        <Paragraph className="fc-muted">{m.qualityNotYet}</Paragraph>
      ) : (
        <>
          <dl className="fc-figures fc-kpi-figures">
            <div className="fc-figure">
              <dt className="fc-figure__label">{m.qualityAverage}</dt>
              <dd className="fc-figure__value">{points(quality.catalogue.averageScore)}</dd>
              <dd className="fc-figure__note">
                {m.qualityOf}. {quality.computedAt ? m.qualityComputedAt(formatDate(quality.computedAt, locale) ?? "") : null}
              </dd>
            </div>
          </dl>
          <div className="fc-table-scroll" role="region" aria-labelledby="kpi-quality-caption" tabIndex={0}>
            <table className="ds-table" data-zebra="true">
              <caption id="kpi-quality-caption">{m.qualityCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{m.qualityDimension}</th>
                  <th scope="col" className="fc-num">
                    {m.qualityPoints}
                  </th>
                  <th scope="col" className="fc-num">
                    {m.qualityMax}
                  </th>
                </tr>
              </thead>
              <tbody>
                {QUALITY_DIMENSIONS.map((d) => (
                  <tr key={d}>
                    <th scope="row">{m.qualityDimensions[d]}</th>
                    <td className="fc-num">{points(quality.catalogue.dimensions[d])}</td>
                    <td className="fc-num">{DIMENSION_MAX[d]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="fc-table-scroll" role="region" aria-labelledby="kpi-quality-publishers-caption" tabIndex={0}>
            <table className="ds-table" data-zebra="true">
              <caption id="kpi-quality-publishers-caption">{m.qualityBandsCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{m.publisher}</th>
                  <th scope="col" className="fc-num">
                    {m.qualityPoints}
                  </th>
                  {QUALITY_BANDS.map((b) => (
                    <th key={b.band} scope="col" className="fc-num">
                      {m.qualityBands[b.band]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {quality.byPublisher.map((p) => (
                  <tr key={p.slug}>
                    <th scope="row">
                      <TextInLanguage text={p.name} />
                    </th>
                    <td className="fc-num">{points(p.averageScore)}</td>
                    {QUALITY_BANDS.map((b) => (
                      <td key={b.band} className="fc-num">
                        {formatNumber(p.bands[b.band], locale)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function LowQualitySection({ items, m, locale }: { items: NonNullable<KpiPageData["lowestQuality"]>; m: KpiMessages; locale: Locale }) {
  return (
    <section aria-labelledby="kpi-quality-staff" className="fc-kpi-section fc-kpi-staff">
      <Heading level={2} size="md" id="kpi-quality-staff">
        {m.qualityStaffHeading}
      </Heading>
      <div className="fc-table-scroll" role="region" aria-labelledby="kpi-quality-staff-caption" tabIndex={0}>
        <table className="ds-table" data-zebra="true">
          <caption id="kpi-quality-staff-caption">{m.qualityStaffCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{m.datasets}</th>
              <th scope="col" className="fc-num">
                {m.qualityScore}
              </th>
              <th scope="col">{m.qualityHints}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((d) => (
              <tr key={d.slug}>
                <th scope="row">
                  <NextLink href={`/datasets/${d.slug}`} className="ds-link">
                    <TextInLanguage text={d.title} />
                  </NextLink>
                </th>
                <td className="fc-num">
                  {formatNumber(Math.round(d.score), locale)} ({m.qualityBands[d.band]})
                </td>
                <td>
                  <ul className="fc-kpi-reasons">
                    {d.missing.slice(0, 3).map((check) => (
                      <li key={check}>{qualityHint(check as QualityCheck, locale)}</li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
