import { useTranslations } from "next-intl";
import { Tag } from "@/app/_components/design-system";

const COLOR = { draft: "warning", published: "success", withdrawn: "neutral" } as const;

/** A dataset's publication state as a tag. */
export function StateTag({ state }: { state: "draft" | "published" | "withdrawn" }) {
  const t = useTranslations("Staff.states");
  return <Tag color={COLOR[state]}>{t(state)}</Tag>;
}
