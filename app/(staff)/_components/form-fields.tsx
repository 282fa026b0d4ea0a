"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, type ReactNode } from "react";

/**
 * Form parts in Designsystemet's markup (ds-field, ds-input, ds-validation-message,
 * ds-error-summary): a label, an optional description and the field's errors, tied to the input
 * with aria-describedby and aria-invalid. Used by every staff form.
 */

type ValidationKey = "empty" | "required" | "url" | "email" | "theme" | "tooLong" | "date" | "dateOrder" | "contact" | "place" | "bbox" | "orgNumber" | "number" | "licence" | "format";

const VALIDATION: [RegExp, ValidationKey][] = [
  [/^Must not be empty$/, "empty"],
  [/^Required$|expected (string|array|object|number), received undefined/i, "required"],
  [/^Must be an http\(s\) URL$/, "url"],
  [/^Must be an e-mail address$/, "email"],
  [/^Choose at least one theme$/, "theme"],
  [/^At most (\d+) characters/, "tooLong"],
  [/^Must be an ISO 8601 date/, "date"],
  [/^The start must not be after the end$/, "dateOrder"],
  [/^Give an e-mail address or a web address/, "contact"],
  [/^Give a place name, a place URI or a bounding box$/, "place"],
  [/^Must be a WKT POLYGON/, "bbox"],
  [/^Organisation number must be 9 digits/, "orgNumber"],
  [/expected number/i, "number"],
  [/^Unknown licence/, "licence"],
  [/^Unknown format/, "format"],
];

/** A validation message from the server in the reader's language, when it is one we know. */
export function useFieldMessage(): (message: string) => { text: string; lang?: string } {
  const t = useTranslations("Staff.validation");
  return (message) => {
    for (const [pattern, key] of VALIDATION) {
      const match = pattern.exec(message);
      if (match) return { text: t(key, { max: match[1] ?? "" }) };
    }
    return { text: message, lang: "en" };
  };
}

export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const list = ids.filter(Boolean);
  return list.length > 0 ? list.join(" ") : undefined;
}

export function errorId(id: string): string {
  return `${id}-error`;
}

export function FieldErrors({ id, errors }: { id: string; errors?: readonly string[] }) {
  const translate = useFieldMessage();
  if (!errors || errors.length === 0) return null;
  return (
    <div id={errorId(id)} className="fc-field-errors" data-field="validation">
      {errors.map((message) => {
        const { text, lang } = translate(message);
        return (
          <p key={message} className="ds-validation-message" data-color="danger" lang={lang}>
            {text}
          </p>
        );
      })}
    </div>
  );
}

type BaseProps = {
  id: string;
  label: ReactNode;
  description?: ReactNode;
  errors?: readonly string[];
  required?: boolean;
  className?: string;
};

function Label({ id, label, required }: { id: string; label: ReactNode; required?: boolean }) {
  const t = useTranslations("Staff.form");
  return (
    <label htmlFor={id} className="ds-label" data-weight="medium">
      {label}
      {required && <span className="fc-required"> ({t("required")})</span>}
    </label>
  );
}

type InputProps = BaseProps &
  Omit<React.ComponentPropsWithoutRef<"input">, "id" | "className" | "required"> & { inputClassName?: string };

export function TextField({ id, label, description, errors, required, className, inputClassName, ...input }: InputProps) {
  const invalid = !!errors?.length;
  return (
    <div className={`ds-field ${className ?? ""}`}>
      <Label id={id} label={label} required={required} />
      {description && (
        <p id={`${id}-description`} data-field="description" className="fc-field-description">
          {description}
        </p>
      )}
      <input
        id={id}
        className={`ds-input ${inputClassName ?? ""}`}
        aria-invalid={invalid || undefined}
        aria-required={required || undefined}
        aria-describedby={describedBy(description ? `${id}-description` : undefined, invalid && errorId(id))}
        {...input}
      />
      <FieldErrors id={id} errors={errors} />
    </div>
  );
}

type TextAreaProps = BaseProps & Omit<React.ComponentPropsWithoutRef<"textarea">, "id" | "className" | "required">;

export function TextAreaField({ id, label, description, errors, required, className, ...textarea }: TextAreaProps) {
  const invalid = !!errors?.length;
  return (
    <div className={`ds-field ${className ?? ""}`}>
      <Label id={id} label={label} required={required} />
      {description && (
        <p id={`${id}-description`} data-field="description" className="fc-field-description">
          {description}
        </p>
      )}
      <textarea
        id={id}
        className="ds-input"
        aria-invalid={invalid || undefined}
        aria-required={required || undefined}
        aria-describedby={describedBy(description ? `${id}-description` : undefined, invalid && errorId(id))}
        {...textarea}
      />
      <FieldErrors id={id} errors={errors} />
    </div>
  );
}

type SelectProps = BaseProps &
  Omit<React.ComponentPropsWithoutRef<"select">, "id" | "className" | "required"> & {
    options: readonly { value: string; label: string }[];
    /** The label of an empty first choice; none when absent. */
    emptyLabel?: string;
  };

export function SelectField({ id, label, description, errors, required, className, options, emptyLabel, ...select }: SelectProps) {
  const invalid = !!errors?.length;
  return (
    <div className={`ds-field ${className ?? ""}`}>
      <Label id={id} label={label} required={required} />
      {description && (
        <p id={`${id}-description`} data-field="description" className="fc-field-description">
          {description}
        </p>
      )}
      <select
        id={id}
        className="ds-input"
        aria-invalid={invalid || undefined}
        aria-required={required || undefined}
        aria-describedby={describedBy(description ? `${id}-description` : undefined, invalid && errorId(id))}
        {...select}
      >
        {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldErrors id={id} errors={errors} />
    </div>
  );
}

export type SummaryItem = { href?: string; text: string; lang?: string };

/**
 * The error summary at the top of a form: a heading and one link per error to its field. It takes
 * focus when it appears (or changes), so keyboard and screen-reader users land on it.
 */
export function ErrorSummary({ items, heading, focusKey }: { items: readonly SummaryItem[]; heading: string; focusKey: unknown }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (items.length > 0) ref.current?.focus();
    // Focus again on every new submission result, not on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusKey]);
  if (items.length === 0) return null;
  return (
    <div ref={ref} className="ds-error-summary" tabIndex={-1} aria-labelledby="error-summary-heading" role="region">
      <h2 id="error-summary-heading" className="ds-heading" data-size="xs">
        {heading}
      </h2>
      <ul className="ds-list">
        {items.map((item, i) => (
          <li key={`${item.href ?? ""}-${i}`} lang={item.lang}>
            {item.href ? (
              <a href={item.href} className="ds-link" onClick={(event) => focusTarget(event, item.href!)}>
                {item.text}
              </a>
            ) : (
              item.text
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Move focus to the field a summary link names (a plain fragment link only scrolls). */
function focusTarget(event: React.MouseEvent<HTMLAnchorElement>, href: string) {
  const target = document.getElementById(href.slice(1));
  if (!target) return;
  event.preventDefault();
  target.scrollIntoView({ block: "center" });
  target.focus({ preventScroll: true });
}
