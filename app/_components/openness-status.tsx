import { useTranslations } from "next-intl";
import type { Openness } from "@/lib/kpi/openness";
import { Alert, Heading, Paragraph } from "./design-system";

/** Whether the dataset counts as open data (U4SSC KPI), and if not, every reason in words. */
export function OpennessStatus({ openness }: { openness: Openness }) {
  const t = useTranslations("Openness");
  return (
    <Alert color={openness.isOpen ? "success" : "info"} className="fc-openness">
      <Heading level={2} size="xs" id="openness-heading">
        {openness.isOpen ? t("isOpenHeading") : t("notOpenHeading")}
      </Heading>
      {openness.isOpen ? (
        <Paragraph>{t("isOpenBody")}</Paragraph>
      ) : (
        <>
          <Paragraph>{t("notOpenIntro")}</Paragraph>
          <ul className="fc-openness__reasons">
            {openness.reasons.map((reason) => (
              <li key={reason}>{t(`reason.${reason}`)}</li>
            ))}
          </ul>
        </>
      )}
      <Paragraph size="sm" className="fc-muted">
        {t("rule")}
      </Paragraph>
    </Alert>
  );
}
