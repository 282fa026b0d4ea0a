import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Heading, Paragraph } from "@/app/_components/design-system";
import { requirePrincipal } from "@/lib/auth/session";
import { CSV_COLUMNS } from "@/lib/catalogue/import-csv";
import { importCsvAction } from "./actions";
import { ImportForm } from "./import-form";
import { StaffTable } from "@/app/(staff)/_components/staff-table";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Staff.import");
  return { title: t("title"), robots: { index: false } };
}

/** Bulk registration from CSV: the documented columns, a dry run first, then the import. */
export default async function ImportPage() {
  await requirePrincipal("/staff/import");
  const t = await getTranslations("Staff.import");
  return (
    <div className="fc-stack">
      <div className="fc-stack fc-stack--tight">
        <Heading level={1} size="lg">
          {t("title")}
        </Heading>
        <Paragraph className="fc-lead">{t("intro")}</Paragraph>
      </div>
      <section aria-labelledby="import-form-heading" className="fc-stack fc-stack--tight fc-narrow">
        <Heading level={2} size="sm" id="import-form-heading">
          {t("formHeading")}
        </Heading>
        <ImportForm action={importCsvAction} />
      </section>
      <section aria-labelledby="columns-heading" className="fc-stack fc-stack--tight">
        <Heading level={2} size="sm" id="columns-heading">
          {t("columnsHeading")}
        </Heading>
        <Paragraph>{t("columnsIntro")}</Paragraph>
        <StaffTable labelledBy="columns-caption" size="sm">
          <caption id="columns-caption" className="ds-sr-only">
            {t("columnsCaption")}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("column")}</th>
              <th scope="col">{t("requiredCol")}</th>
              <th scope="col">{t("meaning")}</th>
            </tr>
          </thead>
          <tbody>
            {CSV_COLUMNS.map((c) => (
              <tr key={c.name}>
                <th scope="row" className="fc-code">
                  {c.name}
                </th>
                <td>{c.required ? t("yes") : t("no")}</td>
                <td lang="en">{c.description}</td>
              </tr>
            ))}
          </tbody>
        </StaffTable>
      </section>
    </div>
  );
}
