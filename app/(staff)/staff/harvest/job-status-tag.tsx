import { useTranslations } from "next-intl";
import { Tag } from "@/app/_components/design-system";


const COLORS = { running: "info", succeeded: "success", failed: "danger" } as const;

/** A harvest job's status as a coloured tag with its word (not colour alone). */
export function JobStatusTag({ status }: { status: "running" | "succeeded" | "failed" }) {
  const t = useTranslations("Staff.harvest.status");
  return <Tag color={COLORS[status]}>{t(status)}</Tag>;
}
