import { useTranslations } from "next-intl";
import type { DatasetDetails } from "@/lib/catalogue/get-dataset";
import { DateText } from "./date-text";
import { ExternalLink, isHttpUrl } from "./external-link";
import { FactList } from "./fact-list";

/** The catalogue record: where the description comes from, when it was registered and changed, and its identifiers. */
export function CatalogueRecord({ dataset: d }: { dataset: DatasetDetails }) {
  const t = useTranslations("Dataset.record");
  const { record } = d;
  return (
    <FactList
      facts={[
        {
          key: "origin",
          term: t("origin"),
          value:
            record.origin === "harvest"
              ? record.harvestSource
                ? t("harvestedFrom", { source: record.harvestSource })
                : t("harvested")
              : t("local"),
        },
        record.sourceNote && { key: "note", term: t("sourceNote"), value: record.sourceNote },
        { key: "registered", term: t("registered"), value: <DateText value={record.issued} /> },
        { key: "updated", term: t("updated"), value: <DateText value={record.modified} /> },
        {
          key: "uri",
          term: t("uri"),
          value: isHttpUrl(d.uri) ? <ExternalLink href={d.uri} className="ds-link fc-break" /> : <code>{d.uri}</code>,
        },
        d.identifier !== d.uri && { key: "identifier", term: t("identifier"), value: <code className="fc-break">{d.identifier}</code> },
      ]}
    />
  );
}
