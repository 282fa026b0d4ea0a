import type { FieldSpec } from "../../_components/staff-form";

type Texts = {
  slug: string;
  slugHelp: string;
  nameNb: string;
  nameNn: string;
  nameEn: string;
  orgNumber: string;
  orgNumberHelp: string;
  homepage: string;
  email: string;
};

/** The publisher form's fields; the slug only when creating (it never changes). */
export function publisherFields(texts: Texts, options: { withSlug: boolean; values?: Partial<Record<string, string>> }): FieldSpec[] {
  const v = options.values ?? {};
  return [
    { name: "name.nb", label: texts.nameNb, required: true, lang: "nb", defaultValue: v["name.nb"], wide: true },
    { name: "name.nn", label: texts.nameNn, lang: "nn", defaultValue: v["name.nn"] },
    { name: "name.en", label: texts.nameEn, lang: "en", defaultValue: v["name.en"] },
    ...(options.withSlug ? [{ name: "slug", label: texts.slug, description: texts.slugHelp, autoComplete: "off", wide: true } satisfies FieldSpec] : []),
    {
      name: "orgNumber",
      label: texts.orgNumber,
      description: texts.orgNumberHelp,
      inputMode: "numeric",
      autoComplete: "off",
      defaultValue: v.orgNumber,
    },
    { name: "homepage", label: texts.homepage, type: "url", defaultValue: v.homepage },
    { name: "email", label: texts.email, type: "email", defaultValue: v.email },
  ];
}
