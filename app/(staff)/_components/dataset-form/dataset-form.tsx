"use client";

import { useTranslations } from "next-intl";
import NextLink from "next/link";
import { useActionState, useState, type ReactNode } from "react";
import type { DatasetInput } from "@/lib/catalogue/schemas";
import type { ActionState } from "../action-state";
import { ErrorSummary, FieldErrors, SelectField, TextField, describedBy, errorId, useFieldMessage, type SummaryItem } from "../form-fields";
import { DistributionsEditor } from "./distributions-editor";
import {
  emptySpatial,
  fieldForError,
  fieldId,
  fieldPaths,
  formValuesFrom,
  toRegistration,
  type DatasetFormValues,
  type FormLang,
} from "./form-values";
import { LangFields } from "./lang-fields";
import { OpennessPreview } from "./openness-preview";
import type { DatasetFormOptions } from "./options";
import { useFormErrorText } from "../form-error-text";

type Props = {
  action: (state: ActionState | null, formData: FormData) => Promise<ActionState>;
  /** The dataset being edited, or null for a new one. */
  input: DatasetInput | null;
  /** The publisher a new dataset starts with. */
  publisher: string;
  options: DatasetFormOptions;
  submitLabel: string;
  cancelHref: string;
  /** Harvested records are shown, not edited. */
  readOnly?: boolean;
};

/**
 * THE dataset form: every field of the registration shape, grouped in fieldsets, with the live
 * Open Data KPI preview beside it. The values live here; on submit the registration shape goes to
 * the server action as JSON, and the server's field errors (dotted paths) come back next to the
 * fields and in a summary at the top. Values stay as typed when the server refuses them.
 */
export function DatasetForm({ action, input, publisher, options, submitLabel, cancelHref, readOnly }: Props) {
  const t = useTranslations("Staff.form");
  const translate = useFieldMessage();
  const formErrorText = useFormErrorText();
  const [values, setValues] = useState<DatasetFormValues>(() => formValuesFrom(input, publisher));
  const [state, formAction, pending] = useActionState(action, null);
  // After rows are moved or removed, errors keyed by row index no longer point at the right row.
  const [rowsChangedSince, setRowsChangedSince] = useState<ActionState | null>(null);

  const paths = fieldPaths(values);
  const errorsByField = new Map<string, string[]>();
  const formLevel: string[] = [];
  const summary: SummaryItem[] = [];
  for (const [key, messages] of Object.entries(state?.fieldErrors ?? {})) {
    if (rowsChangedSince === state && /^(distributions|spatial)\.\d/.test(key)) continue;
    const field = fieldForError(key, paths);
    if (field) {
      errorsByField.set(field, [...(errorsByField.get(field) ?? []), ...messages]);
    } else {
      formLevel.push(...messages);
    }
    for (const message of messages) {
      const text = translate(message);
      summary.push({
        href: field ? `#${fieldId(field)}` : undefined,
        text: `${labelForPath(field ?? key, t)}: ${text.text}`,
        lang: text.lang,
      });
    }
  }
  summary.sort((a, b) => formOrder(a.href) - formOrder(b.href));
  if (state?.status === "error") summary.unshift({ text: formErrorText(state) });
  const errorsFor = (path: string) => errorsByField.get(path);

  const set = <K extends keyof DatasetFormValues>(key: K, value: DatasetFormValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const setLang = (key: "title" | "description" | "keywords") => (lang: FormLang, value: string) =>
    setValues((v) => ({ ...v, [key]: { ...v[key], [lang]: value } }));
  const toggle = (key: "themes" | "languages", code: string, on: boolean) =>
    setValues((v) => ({ ...v, [key]: on ? [...v[key], code] : v[key].filter((c) => c !== code) }));

  const placeUris = new Map(options.places.map((p) => [p.label.toLocaleLowerCase("nb"), p.uri]));

  return (
    <div className="fc-dataset-form">
      <form action={formAction} className="fc-stack fc-dataset-form__main" noValidate aria-describedby="form-required-note">
        <input type="hidden" name="dataset" value={JSON.stringify(toRegistration(values))} />
        <ErrorSummary items={summary} heading={t("errorSummary")} focusKey={state} />
        <p id="form-required-note" className="fc-muted">
          {t("requiredNote")}
        </p>

        <Section id="section-about" heading={t("section.about")}>
          {options.publishers.length > 1 ? (
            <SelectField
              id={fieldId("publisher")}
              label={t("field.publisher")}
              options={options.publishers}
              required
              disabled={readOnly}
              value={values.publisher}
              errors={errorsFor("publisher")}
              onChange={(e) => set("publisher", e.target.value)}
            />
          ) : (
            <p>
              <span className="ds-label" data-weight="medium">
                {t("field.publisher")}:
              </span>{" "}
              {options.publishers[0]?.label ?? values.publisher}
              <FieldErrors id={fieldId("publisher")} errors={errorsFor("publisher")} />
            </p>
          )}
          <LangFields
            path="title"
            legend={t("field.title")}
            description={t("help.title")}
            values={values.title}
            onChange={setLang("title")}
            errorsFor={errorsFor}
            nbRequired
            maxLength={300}
            readOnly={readOnly}
          />
          <LangFields
            path="description"
            legend={t("field.description")}
            description={t("help.description")}
            values={values.description}
            onChange={setLang("description")}
            errorsFor={errorsFor}
            nbRequired
            multiline
            rows={6}
            readOnly={readOnly}
          />
          <LangFields
            path="keywords"
            legend={t("field.keywords")}
            description={t("help.keywords")}
            values={values.keywords}
            onChange={setLang("keywords")}
            errorsFor={errorsFor}
            readOnly={readOnly}
          />
        </Section>

        <Section id="section-themes" heading={t("section.themes")}>
          <CheckboxGroup
            path="themes"
            legend={t("field.themes")}
            description={t("help.themes")}
            required
            options={options.themes}
            selected={values.themes}
            errors={errorsFor("themes")}
            disabled={readOnly}
            onToggle={(code, on) => toggle("themes", code, on)}
          />
          <CheckboxGroup
            path="languages"
            legend={t("field.languages")}
            options={options.languages}
            selected={values.languages}
            errors={errorsFor("languages")}
            disabled={readOnly}
            onToggle={(code, on) => toggle("languages", code, on)}
          />
        </Section>

        <Section id="section-access" heading={t("section.access")}>
          <fieldset
            className="ds-fieldset"
            aria-describedby={describedBy(errorsFor("accessRights") && errorId(fieldId("accessRights")))}
          >
            <legend className="ds-label" data-weight="medium">
              {t("field.accessRights")}
              <span className="fc-required"> ({t("required")})</span>
            </legend>
            {options.accessRights.map((a, i) => (
              <div className="ds-field" key={a.value}>
                <input
                  type="radio"
                  className="ds-input"
                  name="accessRights"
                  id={i === 0 ? fieldId("accessRights") : `${fieldId("accessRights")}-${a.value}`}
                  value={a.value}
                  checked={values.accessRights === a.value}
                  disabled={readOnly}
                  aria-describedby={`${fieldId("accessRights")}-${a.value}-description`}
                  onChange={() => set("accessRights", a.value)}
                />
                <label className="ds-label" htmlFor={i === 0 ? fieldId("accessRights") : `${fieldId("accessRights")}-${a.value}`}>
                  {a.label}
                </label>
                <p id={`${fieldId("accessRights")}-${a.value}-description`} data-field="description" className="fc-field-description">
                  {a.description}
                </p>
              </div>
            ))}
            <FieldErrors id={fieldId("accessRights")} errors={errorsFor("accessRights")} />
          </fieldset>
          <div className="fc-form-grid">
            <SelectField
              id={fieldId("license")}
              className="fc-span-2"
              label={t("field.license")}
              description={t("help.license")}
              options={options.licences.map((l) => ({ value: l.value, label: l.label }))}
              emptyLabel={t("noLicence")}
              value={values.license}
              disabled={readOnly}
              errors={errorsFor("license")}
              onChange={(e) => set("license", e.target.value)}
            />
            <SelectField
              id={fieldId("accrualPeriodicity")}
              label={t("field.accrualPeriodicity")}
              options={options.frequencies}
              emptyLabel={t("noFrequency")}
              value={values.accrualPeriodicity}
              disabled={readOnly}
              errors={errorsFor("accrualPeriodicity")}
              onChange={(e) => set("accrualPeriodicity", e.target.value)}
            />
          </div>
        </Section>

        <Section id="section-distributions" heading={t("section.distributions")} intro={t("help.distributions")}>
          <FieldErrors id={fieldId("distributions")} errors={errorsFor("distributions")} />
          <DistributionsEditor
            distributions={values.distributions}
            options={options}
            errorsFor={errorsFor}
            readOnly={readOnly}
            onChange={(next, structural) => {
              set("distributions", next);
              if (structural) setRowsChangedSince(state);
            }}
          />
        </Section>

        <Section id="section-contact" heading={t("section.contact")} intro={t("help.contactPoint")}>
          <div className="fc-form-grid">
            <TextField
              id={fieldId("contactPoint.name")}
              label={t("field.contactName")}
              autoComplete="off"
              value={values.contactPoint.name}
              readOnly={readOnly}
              errors={errorsFor("contactPoint.name")}
              onChange={(e) => set("contactPoint", { ...values.contactPoint, name: e.target.value })}
            />
            <TextField
              id={fieldId("contactPoint.email")}
              label={t("field.contactEmail")}
              type="email"
              autoComplete="off"
              value={values.contactPoint.email}
              readOnly={readOnly}
              errors={errorsFor("contactPoint.email")}
              onChange={(e) => set("contactPoint", { ...values.contactPoint, email: e.target.value })}
            />
            <TextField
              id={fieldId("contactPoint.url")}
              className="fc-span-2"
              label={t("field.contactUrl")}
              type="url"
              inputMode="url"
              value={values.contactPoint.url}
              readOnly={readOnly}
              errors={errorsFor("contactPoint.url")}
              onChange={(e) => set("contactPoint", { ...values.contactPoint, url: e.target.value })}
            />
          </div>
        </Section>

        <Section id="section-coverage" heading={t("section.coverage")}>
          <fieldset className="ds-fieldset">
            <legend className="ds-label" data-weight="medium">
              {t("field.spatial")}
            </legend>
            <p className="fc-field-description" data-field="description">
              {t("help.spatial")}
            </p>
            <FieldErrors id={fieldId("spatial")} errors={errorsFor("spatial")} />
            {values.spatial.map((s, i) => {
              const path = `spatial.${i}`;
              const update = (patch: Partial<typeof s>) =>
                set(
                  "spatial",
                  values.spatial.map((row, j) => (j === i ? { ...row, ...patch } : row)),
                );
              return (
                <div key={s.key} className="fc-spatial-row" role="group" aria-label={t("placeN", { n: i + 1 })}>
                  <div className="fc-form-grid">
                    <TextField
                      id={fieldId(`${path}.label`)}
                      label={t("field.placeLabel")}
                      list="known-places"
                      value={s.label}
                      readOnly={readOnly}
                      errors={errorsFor(`${path}.label`)}
                      onChange={(e) => {
                        const known = placeUris.get(e.target.value.trim().toLocaleLowerCase("nb"));
                        update({ label: e.target.value, ...(known && !s.uri ? { uri: known } : {}) });
                      }}
                    />
                    <TextField
                      id={fieldId(`${path}.uri`)}
                      label={t("field.placeUri")}
                      type="url"
                      inputMode="url"
                      value={s.uri}
                      readOnly={readOnly}
                      errors={errorsFor(`${path}.uri`)}
                      onChange={(e) => update({ uri: e.target.value })}
                    />
                    <TextField
                      id={fieldId(`${path}.bbox`)}
                      className="fc-span-2"
                      label={t("field.bbox")}
                      description={t("help.bbox")}
                      spellCheck={false}
                      value={s.bbox}
                      readOnly={readOnly}
                      errors={errorsFor(`${path}.bbox`)}
                      onChange={(e) => update({ bbox: e.target.value })}
                    />
                  </div>
                  {!readOnly && (
                    <button
                      type="button"
                      className="ds-button"
                      data-variant="tertiary"
                      data-color="danger"
                      data-size="sm"
                      onClick={() => {
                        set("spatial", values.spatial.filter((_, j) => j !== i));
                        setRowsChangedSince(state);
                      }}
                    >
                      {t("removePlace", { n: i + 1 })}
                    </button>
                  )}
                </div>
              );
            })}
            {!readOnly && (
              <div>
                <button
                  type="button"
                  className="ds-button"
                  data-variant="secondary"
                  onClick={() => set("spatial", [...values.spatial, emptySpatial()])}
                >
                  <span aria-hidden="true">+ </span>
                  {t("addPlace")}
                </button>
              </div>
            )}
            <datalist id="known-places">
              {options.places.map((p) => (
                <option key={p.label} value={p.label} />
              ))}
            </datalist>
          </fieldset>
          <fieldset className="ds-fieldset">
            <legend className="ds-label" data-weight="medium">
              {t("field.temporal")}
            </legend>
            <div className="fc-form-grid">
              <TextField
                id={fieldId("temporal.start")}
                label={t("field.temporalStart")}
                description={t("help.date")}
                placeholder="2024-01-01"
                value={values.temporal.start}
                readOnly={readOnly}
                errors={errorsFor("temporal.start")}
                onChange={(e) => set("temporal", { ...values.temporal, start: e.target.value })}
              />
              <TextField
                id={fieldId("temporal.end")}
                label={t("field.temporalEnd")}
                description={t("help.date")}
                placeholder="2024-12-31"
                value={values.temporal.end}
                readOnly={readOnly}
                errors={errorsFor("temporal.end")}
                onChange={(e) => set("temporal", { ...values.temporal, end: e.target.value })}
              />
            </div>
          </fieldset>
        </Section>

        <Section id="section-more" heading={t("section.more")}>
          <div className="fc-form-grid">
            <TextField
              id={fieldId("landingPage")}
              className="fc-span-2"
              label={t("field.landingPage")}
              description={t("help.landingPage")}
              type="url"
              inputMode="url"
              value={values.landingPage}
              readOnly={readOnly}
              errors={errorsFor("landingPage")}
              onChange={(e) => set("landingPage", e.target.value)}
            />
            <TextField
              id={fieldId("issued")}
              label={t("field.issued")}
              description={t("help.date")}
              value={values.issued}
              readOnly={readOnly}
              errors={errorsFor("issued")}
              onChange={(e) => set("issued", e.target.value)}
            />
            <TextField
              id={fieldId("modified")}
              label={t("field.modified")}
              description={t("help.date")}
              value={values.modified}
              readOnly={readOnly}
              errors={errorsFor("modified")}
              onChange={(e) => set("modified", e.target.value)}
            />
          </div>
          {formLevel.length > 0 && <FieldErrors id="form-level" errors={formLevel} />}
        </Section>

        {!readOnly && (
          <div className="fc-form-actions">
            <button type="submit" className="ds-button" data-variant="primary" disabled={pending} aria-disabled={pending || undefined}>
              {pending ? t("saving") : submitLabel}
            </button>
            <NextLink href={cancelHref} className="ds-link">
              {t("cancel")}
            </NextLink>
          </div>
        )}
      </form>
      <aside className="fc-dataset-form__aside" aria-label={t("previewLabel")}>
        <OpennessPreview values={values} options={options} />
      </aside>
    </div>
  );
}

function Section({ id, heading, intro, children }: { id: string; heading: string; intro?: string; children: ReactNode }) {
  return (
    <section className="fc-form-section" aria-labelledby={id}>
      <h2 id={id} className="ds-heading" data-size="xs">
        {heading}
      </h2>
      {intro && <p className="fc-muted fc-form-section__intro">{intro}</p>}
      {children}
    </section>
  );
}

type CheckboxGroupProps = {
  path: string;
  legend: string;
  description?: string;
  required?: boolean;
  options: readonly { value: string; label: string }[];
  selected: readonly string[];
  errors?: string[];
  disabled?: boolean;
  onToggle: (code: string, on: boolean) => void;
};

function CheckboxGroup({ path, legend, description, required, options, selected, errors, disabled, onToggle }: CheckboxGroupProps) {
  const t = useTranslations("Staff.form");
  const id = fieldId(path);
  return (
    <fieldset
      className="ds-fieldset"
      aria-describedby={describedBy(description && `${id}-description`, errors && errorId(id))}
    >
      <legend className="ds-label" data-weight="medium">
        {legend}
        {required && <span className="fc-required"> ({t("required")})</span>}
      </legend>
      {description && (
        <p id={`${id}-description`} data-field="description" className="fc-field-description">
          {description}
        </p>
      )}
      <div className="fc-checkbox-grid">
        {options.map((o, i) => {
          const inputId = i === 0 ? id : `${id}-${o.value}`;
          return (
            <div className="ds-field" key={o.value}>
              <input
                type="checkbox"
                className="ds-input"
                id={inputId}
                value={o.value}
                checked={selected.includes(o.value)}
                disabled={disabled}
                aria-invalid={errors ? true : undefined}
                onChange={(e) => onToggle(o.value, e.target.checked)}
              />
              <label className="ds-label" htmlFor={inputId}>
                {o.label}
              </label>
            </div>
          );
        })}
      </div>
      <FieldErrors id={id} errors={errors} />
    </fieldset>
  );
}

/** The order of the form's fields, so the error summary reads top to bottom. */
const FORM_ORDER = [
  "publisher",
  "title",
  "description",
  "keywords",
  "themes",
  "languages",
  "accessRights",
  "license",
  "accrualPeriodicity",
  "distributions",
  "contactPoint",
  "spatial",
  "temporal",
  "landingPage",
  "issued",
  "modified",
];

/** A summary link's place in the form: section first, then row index and language order. */
function formOrder(href: string | undefined): number {
  if (!href) return Number.MAX_SAFE_INTEGER;
  const segments = href.replace(/^#field-/, "").split("-");
  const section = FORM_ORDER.indexOf(segments[0] ?? "");
  const row = /^\d+$/.test(segments[1] ?? "") ? Number(segments[1]) : 0;
  const lang = ["nb", "nn", "en"].indexOf(segments[segments.length - 1] ?? "");
  return (section < 0 ? FORM_ORDER.length : section) * 1_000_000 + row * 1000 + Math.max(0, lang);
}

type Translate = ReturnType<typeof useTranslations<"Staff.form">>;

const FIELD_KEYS: Record<string, string> = {
  publisher: "publisher",
  title: "title",
  description: "description",
  keywords: "keywords",
  themes: "themes",
  accessRights: "accessRights",
  license: "license",
  accrualPeriodicity: "accrualPeriodicity",
  languages: "languages",
  landingPage: "landingPage",
  issued: "issued",
  modified: "modified",
  distributions: "distributions",
  spatial: "spatial",
  temporal: "temporal",
  "contactPoint.name": "contactName",
  "contactPoint.email": "contactEmail",
  "contactPoint.url": "contactUrl",
  "temporal.start": "temporalStart",
  "temporal.end": "temporalEnd",
  accessURL: "accessURL",
  downloadURL: "downloadURL",
  format: "format",
  mediaType: "mediaType",
  byteSize: "byteSize",
  "spatial.label": "placeLabel",
  "spatial.uri": "placeUri",
  "spatial.bbox": "bbox",
  "distribution.title": "distributionTitle",
  "distribution.description": "distributionDescription",
  "distribution.license": "distributionLicense",
};

/** A field's name for the error summary: "Title (Bokmål)", "Distribution 2: Access URL". */
function labelForPath(path: string, t: Translate): string {
  const segments = path.split(".");
  const langSuffix = (lang: string | undefined) =>
    lang === "nb" || lang === "nn" || lang === "en" ? ` (${t(`lang.${lang}`)})` : "";
  const name = (key: string | undefined) => (key && FIELD_KEYS[key] ? t(`field.${FIELD_KEYS[key]}` as "field.title") : key ?? "");
  const [top, index, field, lang] = segments;
  if (top === "distributions" && index !== undefined && /^\d+$/.test(index)) {
    const prefix = t("distributionN", { n: Number(index) + 1 });
    if (!field) return prefix;
    const key = ["title", "description", "license"].includes(field) ? `distribution.${field}` : field;
    return `${prefix}: ${name(key)}${langSuffix(lang)}`;
  }
  if (top === "spatial" && index !== undefined && /^\d+$/.test(index)) {
    const prefix = t("placeN", { n: Number(index) + 1 });
    return field ? `${prefix}: ${name(`spatial.${field}`)}` : prefix;
  }
  const twoPart = segments.slice(0, 2).join(".");
  if (top === "contactPoint" && FIELD_KEYS[twoPart]) return `${t("section.contact")}: ${name(twoPart)}`;
  if (FIELD_KEYS[twoPart]) return name(twoPart);
  return `${name(top)}${langSuffix(segments[1])}`;
}
