import type { FieldSpec } from "../../_components/staff-form";
import { HARVEST_SCHEDULES, HARVEST_SOURCE_KINDS } from "@/lib/harvest/schemas";

export const SOURCE_FIELD_NAMES = ["name", "url", "kind", "schedule", "defaultPublisher", "archiveAfterDays"] as const;

type Translate = (key: string) => string;

/** The harvest-source form's fields, with the current values when editing. */
export function sourceFields(
  t: Translate,
  publishers: readonly { slug: string; name: string }[],
  current?: { name: string; url: string; kind: string; schedule: string; defaultPublisher?: string; archiveAfterDays: number; enabled: boolean },
): FieldSpec[] {
  return [
    { name: "name", label: t("field.name"), required: true, defaultValue: current?.name, wide: true },
    { name: "url", label: t("field.url"), type: "url", required: true, description: t("help.url"), defaultValue: current?.url, wide: true },
    {
      name: "kind",
      label: t("field.kind"),
      type: "select",
      options: HARVEST_SOURCE_KINDS.map((kind) => ({ value: kind, label: t(`kind.${kind}`) })),
      defaultValue: current?.kind ?? "dcat",
    },
    {
      name: "schedule",
      label: t("field.schedule"),
      type: "select",
      options: HARVEST_SCHEDULES.map((schedule) => ({ value: schedule, label: t(`schedule.${schedule}`) })),
      defaultValue: current?.schedule ?? "manual",
    },
    {
      name: "defaultPublisher",
      label: t("field.defaultPublisher"),
      type: "select",
      description: t("help.defaultPublisher"),
      emptyLabel: t("noPublisher"),
      options: publishers.map((p) => ({ value: p.slug, label: p.name })),
      defaultValue: current?.defaultPublisher ?? "",
    },
    {
      name: "archiveAfterDays",
      label: t("field.archiveAfterDays"),
      inputMode: "numeric",
      description: t("help.archiveAfterDays"),
      defaultValue: String(current?.archiveAfterDays ?? 7),
    },
    {
      name: "enabled",
      label: t("field.enabled"),
      type: "select",
      options: [
        { value: "true", label: t("yes") },
        { value: "false", label: t("no") },
      ],
      defaultValue: current?.enabled === false ? "false" : "true",
    },
  ];
}
