"use client";

import { useTranslations } from "next-intl";
import { assessOpenness } from "@/lib/kpi/openness";
import type { DatasetFormOptions } from "./options";
import type { DatasetFormValues } from "./form-values";

type Props = { values: DatasetFormValues; options: DatasetFormOptions };

/**
 * How the record will count in the Open Data KPI (U4SSC EC:ICT:PS:1A) and why, from the same rule
 * the KPI uses (lib/kpi/openness.ts), recomputed as the form changes. The rule is judged as if the
 * record were published; the publication state is said separately.
 */
export function OpennessPreview({ values, options }: Props) {
  const t = useTranslations("Staff.preview");
  const state = values.kept.state ?? "draft";
  const openness = assessOpenness({
    state: "published",
    accessRights: values.accessRights,
    license: values.license || null,
    distributions: values.distributions.map((d) => ({ format: d.format || null, license: d.license || null })),
  });
  const licence = options.licences.find((l) => l.value === values.license);
  const access = options.accessRights.find((a) => a.value === values.accessRights);

  const verdict =
    state === "withdrawn"
      ? t("withdrawn")
      : openness.isOpen
        ? state === "published"
          ? t("openNow")
          : t("openWhenPublished")
        : state === "published"
          ? t("notOpenNow")
          : t("notOpenWhenPublished");

  return (
    <section className="fc-preview" aria-labelledby="preview-heading" data-open={openness.isOpen}>
      <h2 id="preview-heading" className="ds-heading" data-size="2xs">
        {t("heading")}
      </h2>
      <p className="fc-preview__verdict" role="status" aria-live="polite">
        <span className="ds-tag" data-color={openness.isOpen ? "success" : "warning"} data-size="sm">
          {openness.isOpen ? t("open") : t("notOpen")}
        </span>{" "}
        {verdict}
      </p>
      {state === "draft" && <p className="fc-preview__note">{t("draftNote")}</p>}
      {openness.reasons.length > 0 && (
        <>
          <p className="fc-preview__label">{t("missing")}</p>
          <ul className="fc-preview__list">
            {openness.reasons.map((reason) => (
              <li key={reason}>{t(`reason.${reason}`)}</li>
            ))}
          </ul>
        </>
      )}
      <p className="fc-preview__label">{t("checks")}</p>
      <ul className="fc-preview__list fc-preview__checks">
        <li data-ok={values.accessRights === "PUBLIC"}>
          {t("access", { access: access?.label ?? "–" })}
        </li>
        <li data-ok={licence?.open ?? false}>
          {licence ? t("licence", { licence: licence.label, open: String(licence.open) }) : t("noLicence")}
          {licence && <span className="fc-preview__reason">{licence.reason}</span>}
        </li>
        {values.distributions.length === 0 && <li data-ok="false">{t("noDistributions")}</li>}
        {values.distributions.map((d, i) => {
          const format = options.fileTypes.find((f) => f.value === d.format);
          const ownLicence = d.license ? options.licences.find((l) => l.value === d.license) : undefined;
          const effectiveOpen = (ownLicence ?? licence)?.open ?? false;
          return (
            <li key={d.key} data-ok={(format?.open ?? false) && effectiveOpen}>
              {t("distribution", {
                n: i + 1,
                format: format?.label ?? t("noFormat"),
                readable: String(format?.open ?? false),
              })}
              {ownLicence && <> {t("ownLicence", { licence: ownLicence.label, open: String(ownLicence.open) })}</>}
              {format && <span className="fc-preview__reason">{format.reason}</span>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
