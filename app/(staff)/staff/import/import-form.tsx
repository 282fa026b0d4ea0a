"use client";

import { useTranslations } from "next-intl";
import NextLink from "next/link";
import { useActionState, useState } from "react";
import type { CsvImportReport } from "@/lib/catalogue/import-csv";
import type { ActionState } from "../../_components/action-state";
import { ErrorSummary, FieldErrors, useFieldMessage, type SummaryItem } from "../../_components/form-fields";
import { useFormErrorText } from "../../_components/form-error-text";
import { StaffTable } from "@/app/(staff)/_components/staff-table";

type Props = { action: (state: ActionState | null, formData: FormData) => Promise<ActionState> };

/**
 * Choose a CSV file, check it (a dry run lists every row's errors), then import it. The import
 * button appears only after a clean check of the same file, and the import is all-or-nothing.
 */
export function ImportForm({ action }: Props) {
  const t = useTranslations("Staff.import");
  const tForm = useTranslations("Staff.form");
  const translate = useFieldMessage();
  const formErrorText = useFormErrorText();
  const [state, formAction, pending] = useActionState(action, null);
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [checkedText, setCheckedText] = useState<string | null>(null);
  const report = state?.result as CsvImportReport | undefined;
  const cleanCheck = report?.dryRun === true && report.errors.length === 0 && checkedText === file?.text;
  const imported = report && !report.dryRun && report.errors.length === 0 ? report : undefined;

  const summary: SummaryItem[] = [];
  if (state?.status === "error") summary.push({ text: formErrorText(state) });
  if (state?.fieldErrors?.csv) summary.push({ href: "#csv-file", text: t("chooseFile") });

  return (
    <form
      action={formAction}
      className="fc-stack"
      onSubmit={() => setCheckedText(file?.text ?? null)}
      noValidate
    >
      <ErrorSummary items={summary} heading={tForm("errorSummary")} focusKey={state} />
      <input type="hidden" name="csv" value={file?.text ?? ""} />
      <div className="ds-field">
        <label htmlFor="csv-file" className="ds-label" data-weight="medium">
          {t("file")}
        </label>
        <p id="csv-file-description" data-field="description" className="fc-field-description">
          {t("fileHelp")}
        </p>
        <input
          id="csv-file"
          type="file"
          accept=".csv,text/csv,text/plain"
          className="ds-input fc-file-input"
          aria-describedby="csv-file-description"
          aria-invalid={state?.fieldErrors?.csv ? true : undefined}
          onChange={async (e) => {
            const chosen = e.target.files?.[0];
            setFile(chosen ? { name: chosen.name, text: await chosen.text() } : null);
          }}
        />
        <FieldErrors id="csv-file" errors={state?.fieldErrors?.csv ? [t("chooseFile")] : undefined} />
      </div>
      <div className="fc-form-actions">
        <button type="submit" name="mode" value="dry-run" className="ds-button" data-variant={cleanCheck ? "secondary" : "primary"} disabled={pending || !file}>
          {pending ? t("working") : t("check")}
        </button>
        {cleanCheck && (
          <button type="submit" name="mode" value="import" className="ds-button" data-variant="primary" disabled={pending}>
            {t("import", { count: report.rows })}
          </button>
        )}
      </div>

      <div role="status" aria-live="polite" className="fc-stack fc-stack--tight">
        {report && report.dryRun && report.errors.length === 0 && checkedText === file?.text && (
          <div className="ds-alert" data-color="success">
            <p className="ds-paragraph">{t("checkedOk", { count: report.rows })}</p>
          </div>
        )}
        {imported && (
          <div className="ds-alert" data-color="success">
            <p className="ds-paragraph">{t("imported", { count: imported.created.length })}</p>
          </div>
        )}
        {report && report.errors.length > 0 && (
          <div className="ds-alert" data-color="danger">
            <p className="ds-paragraph">
              {t("rowErrors", { rows: report.errors.length, total: report.rows })}
            </p>
          </div>
        )}
      </div>

      {report && report.errors.length > 0 && (
        <StaffTable labelledBy="row-errors-caption" size="sm">
          <caption id="row-errors-caption">{t("errorsCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("row")}</th>
              <th scope="col">{t("column")}</th>
              <th scope="col">{t("problem")}</th>
            </tr>
          </thead>
          <tbody>
            {report.errors.flatMap((e) =>
              Object.entries(e.fields).flatMap(([field, messages]) =>
                messages.map((message, i) => {
                  const text = translate(message);
                  return (
                    <tr key={`${e.row}-${field}-${i}`}>
                      <th scope="row">{e.row}</th>
                      <td className="fc-code">{csvColumn(field)}</td>
                      <td lang={text.lang}>{text.text}</td>
                    </tr>
                  );
                }),
              ),
            )}
          </tbody>
        </StaffTable>
      )}

      {imported && imported.created.length > 0 && (
        <ul className="fc-compact-list">
          {imported.created.map((c) => (
            <li key={c.slug}>
              {t("createdRow", { row: c.row })}{" "}
              <NextLink href={`/staff/datasets/${c.slug}`} className="ds-link">
                {c.slug}
              </NextLink>
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`).replace(/u_r_l$/, "url");
const DISTRIBUTION_FIELD = /^distributions\.(\d+)\.([A-Za-z]+)(?:\.(nb|nn|en))?/;

/**
 * The CSV column an error is about, from the registration shape's path: `title.nb` → `title_nb`,
 * `distributions.0.accessURL` → `distribution_1_access_url`, `contactPoint.email` → `contact_email`.
 */
function csvColumn(path: string): string {
  const distribution = DISTRIBUTION_FIELD.exec(path);
  if (distribution) return `distribution_${Number(distribution[1]) + 1}_${snake(distribution[2]!)}`;
  const [top = "", sub] = path.split(".");
  if (top === "contactPoint" && sub) return `contact_${sub}`;
  if ((top === "temporal" && sub) || ((top === "title" || top === "description" || top === "keywords") && sub)) return `${top}_${sub}`;
  return snake(top);
}
