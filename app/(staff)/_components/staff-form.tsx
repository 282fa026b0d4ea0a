"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import type { ActionState } from "./action-state";
import { ErrorSummary, SelectField, TextAreaField, TextField, useFieldMessage, type SummaryItem } from "./form-fields";
import { useFormErrorText } from "./form-error-text";

export type FieldSpec = {
  /** The form field name; dotted names (`name.nb`) become nested input. */
  name: string;
  label: string;
  type?: "text" | "email" | "password" | "url" | "select" | "textarea";
  options?: { value: string; label: string }[];
  /** For selects: the label of an empty first choice. */
  emptyLabel?: string;
  required?: boolean;
  description?: string;
  autoComplete?: string;
  inputMode?: "text" | "numeric" | "email" | "url";
  defaultValue?: string;
  lang?: string;
  /** Span both columns of the form grid. */
  wide?: boolean;
};

type Props = {
  action: (state: ActionState | null, formData: FormData) => Promise<ActionState>;
  /** Prefix for element ids, unique on the page. */
  idPrefix: string;
  fields: FieldSpec[];
  submitLabel: string;
  /** A visible heading for the form's fieldset. */
  legend?: string;
  hidden?: Record<string, string>;
  /** Said after a successful submission. */
  successMessage?: string;
  /** For a value shown once (a new API token): its label and the hint under it. */
  secretLabel?: string;
  secretHint?: string;
  /** Fields side by side with the button, for one-line forms (change a role). */
  inline?: boolean;
};

/**
 * A staff form for a flat set of fields (publisher, member, user, token): the server action's
 * field errors next to the fields and in a summary, the submitted values kept on error, a
 * success message, and a secret value shown once when the action returns one.
 */
export function StaffForm({ action, idPrefix, fields, submitLabel, legend, hidden, successMessage, secretLabel, secretHint, inline }: Props) {
  const t = useTranslations("Staff.form");
  const translate = useFieldMessage();
  const formErrorText = useFormErrorText();
  const [state, formAction, pending] = useActionState(action, null);
  const id = (name: string) => `${idPrefix}-${name.replace(/\./g, "-")}`;
  const names = new Set(fields.map((f) => f.name));

  const summary: SummaryItem[] = [];
  if (state?.status === "error") summary.push({ text: formErrorText(state) });
  for (const [key, messages] of Object.entries(state?.fieldErrors ?? {})) {
    const field = fieldFor(key, names);
    const label = fields.find((f) => f.name === field)?.label;
    for (const message of messages) {
      const text = translate(message);
      summary.push({ href: field ? `#${id(field)}` : undefined, text: label ? `${label}: ${text.text}` : text.text, lang: text.lang });
    }
  }
  const errorsFor = (name: string) => {
    const list = Object.entries(state?.fieldErrors ?? {})
      .filter(([key]) => fieldFor(key, names) === name)
      .flatMap(([, messages]) => messages);
    return list.length > 0 ? list : undefined;
  };
  const kept = state?.status === "ok" ? undefined : state?.values;
  const formKey = state ? `${state.status}:${JSON.stringify(state.values ?? {})}` : "initial";

  const controls = fields.map((f) => {
    const common = {
      id: id(f.name),
      name: f.name,
      label: f.label,
      description: f.description,
      required: f.required,
      errors: errorsFor(f.name),
      defaultValue: f.type === "password" ? undefined : (kept?.[f.name] ?? f.defaultValue ?? ""),
      className: f.wide ? "fc-span-2" : undefined,
    };
    if (f.type === "select") {
      return <SelectField key={f.name} {...common} options={f.options ?? []} emptyLabel={f.emptyLabel} />;
    }
    if (f.type === "textarea") return <TextAreaField key={f.name} {...common} rows={4} lang={f.lang} />;
    return (
      <TextField
        key={f.name}
        {...common}
        type={f.type ?? "text"}
        autoComplete={f.autoComplete}
        inputMode={f.inputMode}
        lang={f.lang}
        spellCheck={f.type === "email" || f.type === "url" ? false : undefined}
      />
    );
  });

  return (
    <form key={formKey} action={formAction} className={inline ? "fc-inline-form" : "fc-stack fc-staff-form"} noValidate>
      {hidden && Object.entries(hidden).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
      {!inline && <ErrorSummary items={summary} heading={t("errorSummary")} focusKey={state} />}
      {inline && state?.status === "error" && (
        <p className="ds-validation-message" data-color="danger" role="alert">
          {formErrorText(state)}
        </p>
      )}
      {legend ? (
        <fieldset className="ds-fieldset">
          <legend className="ds-heading" data-size="xs">
            {legend}
          </legend>
          <div className="fc-form-grid">{controls}</div>
        </fieldset>
      ) : inline ? (
        controls
      ) : (
        <div className="fc-form-grid">{controls}</div>
      )}
      <div className="fc-form-actions">
        <button type="submit" className="ds-button" data-variant={inline ? "secondary" : "primary"} data-size={inline ? "sm" : undefined} disabled={pending}>
          {pending ? t("saving") : submitLabel}
        </button>
      </div>
      {state?.status === "ok" && (successMessage || state.message) && (
        <p className="ds-validation-message" data-color="success" role="status">
          {state.message ?? successMessage}
        </p>
      )}
      {state?.status === "ok" && state.secret && <SecretValue id={id("secret")} value={state.secret} label={secretLabel ?? ""} hint={secretHint} />}
    </form>
  );
}

/** The error key's field: the key itself or its nearest dotted ancestor among the fields. */
function fieldFor(key: string, names: ReadonlySet<string>): string | undefined {
  const segments = key.split(".");
  for (let length = segments.length; length > 0; length -= 1) {
    const candidate = segments.slice(0, length).join(".");
    if (names.has(candidate)) return candidate;
  }
  return names.has(`${key}.nb`) ? `${key}.nb` : undefined;
}

/** A value shown once, selectable, with a copy button. */
function SecretValue({ id, value, label, hint }: { id: string; value: string; label: string; hint?: string }) {
  const t = useTranslations("Staff.form");
  const [copied, setCopied] = useState(false);
  return (
    <div className="ds-alert fc-secret" data-color="success">
      <div className="ds-field">
        <label htmlFor={id} className="ds-label" data-weight="medium">
          {label}
        </label>
        {hint && (
          <p id={`${id}-hint`} data-field="description" className="fc-field-description">
            {hint}
          </p>
        )}
        <div className="fc-secret__row">
          <input
            id={id}
            className="ds-input fc-code"
            readOnly
            value={value}
            aria-describedby={hint ? `${id}-hint` : undefined}
            onFocus={(e) => e.currentTarget.select()}
          />
          <button
            type="button"
            className="ds-button"
            data-variant="secondary"
            onClick={async () => {
              await navigator.clipboard?.writeText(value).catch(() => undefined);
              setCopied(true);
            }}
          >
            {t("copy")}
          </button>
        </div>
        <p role="status" className="fc-muted">
          {copied ? t("copied") : ""}
        </p>
      </div>
    </div>
  );
}
