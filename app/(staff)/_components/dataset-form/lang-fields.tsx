"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { TextAreaField, TextField } from "../form-fields";
import { fieldId, FORM_LANGS, type FormLang, type LangValues } from "./form-values";

type Props = {
  /** The dotted path of the text, e.g. `title` or `distributions.0.description`. */
  path: string;
  legend: ReactNode;
  description?: ReactNode;
  values: LangValues;
  onChange: (lang: FormLang, value: string) => void;
  errorsFor: (path: string) => string[] | undefined;
  /** Bokmål is required (the other languages never are). */
  nbRequired?: boolean;
  multiline?: boolean;
  rows?: number;
  maxLength?: number;
  readOnly?: boolean;
};

/**
 * One text in Bokmål, Nynorsk and English: a fieldset with a field per language, each input
 * marked with its language so screen readers pronounce it right.
 */
export function LangFields({ path, legend, description, values, onChange, errorsFor, nbRequired, multiline, rows = 4, maxLength, readOnly }: Props) {
  const t = useTranslations("Staff.form");
  return (
    <fieldset className="ds-fieldset fc-lang-fields">
      <legend className="ds-label" data-weight="medium">
        {legend}
      </legend>
      {description && (
        <p className="fc-field-description" data-field="description">
          {description}
        </p>
      )}
      <div className={multiline ? "fc-lang-fields__stack" : "fc-lang-fields__row"}>
        {FORM_LANGS.map((lang) => {
          const common = {
            id: fieldId(`${path}.${lang}`),
            label: t(`lang.${lang}`),
            errors: errorsFor(`${path}.${lang}`),
            required: nbRequired && lang === "nb",
            lang,
            value: values[lang],
            maxLength,
            readOnly,
          };
          return multiline ? (
            <TextAreaField key={lang} {...common} rows={lang === "nb" ? rows : Math.max(2, rows - 2)} onChange={(e) => onChange(lang, e.target.value)} />
          ) : (
            <TextField key={lang} {...common} type="text" onChange={(e) => onChange(lang, e.target.value)} />
          );
        })}
      </div>
    </fieldset>
  );
}
