import { useTranslations } from "next-intl";
import { Tag } from "./design-system";

/** "Open data" or "Not open data", by the U4SSC KPI rule (lib/kpi/openness). */
export function OpenStatusTag({ isOpen }: { isOpen: boolean }) {
  const t = useTranslations("Openness");
  return (
    <Tag color={isOpen ? "success" : "neutral"} className="fc-open-tag">
      <svg viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true" focusable="false">
        {isOpen ? (
          <path fill="currentColor" d="M19 6.94a.75.75 0 0 1 .06 1.06l-8 9a.75.75 0 0 1-1.09.03l-5-5a.75.75 0 1 1 1.06-1.06l4.44 4.44 7.47-8.41A.75.75 0 0 1 19 6.94" />
        ) : (
          <path fill="currentColor" d="M12 2.25A4.75 4.75 0 0 0 7.25 7v2.25H7A1.75 1.75 0 0 0 5.25 11v9c0 .41.34.75.75.75h12a.75.75 0 0 0 .75-.75v-9A1.75 1.75 0 0 0 17 9.25h-.25V7A4.75 4.75 0 0 0 12 2.25m3.25 7V7a3.25 3.25 0 0 0-6.5 0v2.25z" />
        )}
      </svg>
      {isOpen ? t("open") : t("notOpen")}
    </Tag>
  );
}
