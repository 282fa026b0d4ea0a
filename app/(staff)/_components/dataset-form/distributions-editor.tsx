"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { SelectField, TextField } from "../form-fields";
import { emptyDistribution, fieldId, type DistributionValues, type FormLang } from "./form-values";
import { LangFields } from "./lang-fields";
import type { DatasetFormOptions } from "./options";

type Props = {
  distributions: DistributionValues[];
  onChange: (next: DistributionValues[], structural: boolean) => void;
  options: DatasetFormOptions;
  errorsFor: (path: string) => string[] | undefined;
  readOnly?: boolean;
};

/**
 * Add, edit, reorder and remove a dataset's distributions. Reordering is by "move up" / "move
 * down" buttons, so it works from the keyboard; focus follows the moved distribution and a live
 * region says where it went.
 */
export function DistributionsEditor({ distributions, onChange, options, errorsFor, readOnly }: Props) {
  const t = useTranslations("Staff.form");
  const [announcement, setAnnouncement] = useState("");
  // The element to focus once the list has re-rendered after a move, removal or addition.
  const pendingFocus = useRef<string | null>(null);
  const setFocusId = (id: string) => {
    pendingFocus.current = id;
  };

  useEffect(() => {
    if (!pendingFocus.current) return;
    document.getElementById(pendingFocus.current)?.focus();
    pendingFocus.current = null;
  });

  const update = (index: number, patch: Partial<DistributionValues>) =>
    onChange(
      distributions.map((d, i) => (i === index ? { ...d, ...patch } : d)),
      false,
    );

  const move = (index: number, by: -1 | 1) => {
    const target = index + by;
    if (target < 0 || target >= distributions.length) return;
    const next = [...distributions];
    const [moved] = next.splice(index, 1);
    next.splice(target, 0, moved!);
    onChange(next, true);
    const atEdge = target === 0 || target === next.length - 1;
    setFocusId(`distribution-${target}-${atEdge ? (by < 0 ? "down" : "up") : by < 0 ? "up" : "down"}`);
    setAnnouncement(t("moved", { from: index + 1, to: target + 1, total: next.length }));
  };

  const remove = (index: number) => {
    const next = distributions.filter((_, i) => i !== index);
    onChange(next, true);
    setFocusId(next.length === 0 ? "add-distribution" : `distribution-${Math.min(index, next.length - 1)}-heading`);
    setAnnouncement(t("removed", { n: index + 1 }));
  };

  const add = () => {
    const next = [...distributions, emptyDistribution()];
    onChange(next, false);
    setFocusId(fieldId(`distributions.${next.length - 1}.accessURL`));
    setAnnouncement(t("added", { n: next.length }));
  };

  const licenceOptions = options.licences.map((l) => ({ value: l.value, label: l.label }));
  const formatOptions = options.fileTypes.map((f) => ({ value: f.value, label: `${f.label} (${f.value})` }));

  return (
    <div className="fc-stack fc-dists">
      <p className="ds-sr-only" role="status" aria-live="polite">
        {announcement}
      </p>
      {distributions.length === 0 && <p className="fc-muted">{t("noDistributions")}</p>}
      <ol className="fc-dist-editor-list">
        {distributions.map((d, i) => {
          const path = `distributions.${i}`;
          const field = (name: string) => ({ id: fieldId(`${path}.${name}`), errors: errorsFor(`${path}.${name}`), readOnly });
          return (
            <li key={d.key} className="fc-dist-editor">
              <fieldset className="ds-fieldset">
                <legend className="fc-dist-editor__legend">
                  <span id={`distribution-${i}-heading`} tabIndex={-1} className="ds-heading" data-size="2xs">
                    {t("distributionN", { n: i + 1 })}
                  </span>
                </legend>
                {!readOnly && (
                  <div className="fc-dist-editor__tools" role="group" aria-label={t("distributionTools", { n: i + 1 })}>
                    <button
                      type="button"
                      id={`distribution-${i}-up`}
                      className="ds-button"
                      data-variant="tertiary"
                      data-size="sm"
                      disabled={i === 0}
                      onClick={() => move(i, -1)}
                    >
                      <span aria-hidden="true">↑ </span>
                      {t("moveUp")}
                      <span className="ds-sr-only"> {t("distributionN", { n: i + 1 })}</span>
                    </button>
                    <button
                      type="button"
                      id={`distribution-${i}-down`}
                      className="ds-button"
                      data-variant="tertiary"
                      data-size="sm"
                      disabled={i === distributions.length - 1}
                      onClick={() => move(i, 1)}
                    >
                      <span aria-hidden="true">↓ </span>
                      {t("moveDown")}
                      <span className="ds-sr-only"> {t("distributionN", { n: i + 1 })}</span>
                    </button>
                    <button
                      type="button"
                      id={`distribution-${i}-remove`}
                      className="ds-button"
                      data-variant="tertiary"
                      data-color="danger"
                      data-size="sm"
                      onClick={() => remove(i)}
                    >
                      {t("remove")}
                      <span className="ds-sr-only"> {t("distributionN", { n: i + 1 })}</span>
                    </button>
                  </div>
                )}
                <div className="fc-form-grid">
                  <TextField
                    {...field("accessURL")}
                    className="fc-span-2"
                    label={t("field.accessURL")}
                    description={t("help.accessURL")}
                    required
                    type="url"
                    inputMode="url"
                    value={d.accessURL}
                    onChange={(e) => update(i, { accessURL: e.target.value })}
                  />
                  <TextField
                    {...field("downloadURL")}
                    className="fc-span-2"
                    label={t("field.downloadURL")}
                    type="url"
                    inputMode="url"
                    value={d.downloadURL}
                    onChange={(e) => update(i, { downloadURL: e.target.value })}
                  />
                  <SelectField
                    {...field("format")}
                    label={t("field.format")}
                    description={t("help.format")}
                    options={formatOptions}
                    emptyLabel={t("noFormat")}
                    value={d.format}
                    disabled={readOnly}
                    onChange={(e) => update(i, { format: e.target.value })}
                  />
                  <TextField
                    {...field("mediaType")}
                    label={t("field.mediaType")}
                    description={t("help.mediaType")}
                    list="media-types"
                    autoComplete="off"
                    spellCheck={false}
                    value={d.mediaType}
                    onChange={(e) => update(i, { mediaType: e.target.value })}
                  />
                  <SelectField
                    {...field("license")}
                    label={t("field.distributionLicense")}
                    options={licenceOptions}
                    emptyLabel={t("sameAsDataset")}
                    value={d.license}
                    disabled={readOnly}
                    onChange={(e) => update(i, { license: e.target.value })}
                  />
                  <TextField
                    {...field("byteSize")}
                    label={t("field.byteSize")}
                    inputMode="numeric"
                    value={d.byteSize}
                    onChange={(e) => update(i, { byteSize: e.target.value })}
                  />
                </div>
                <LangFields
                  path={`${path}.title`}
                  legend={t("field.distributionTitle")}
                  values={d.title}
                  errorsFor={errorsFor}
                  readOnly={readOnly}
                  onChange={(lang: FormLang, value) => update(i, { title: { ...d.title, [lang]: value } })}
                />
                <LangFields
                  path={`${path}.description`}
                  legend={t("field.distributionDescription")}
                  values={d.description}
                  errorsFor={errorsFor}
                  readOnly={readOnly}
                  multiline
                  rows={3}
                  onChange={(lang: FormLang, value) => update(i, { description: { ...d.description, [lang]: value } })}
                />
              </fieldset>
            </li>
          );
        })}
      </ol>
      {!readOnly && (
        <div>
          <button type="button" id="add-distribution" className="ds-button" data-variant="secondary" onClick={add}>
            <span aria-hidden="true">+ </span>
            {t("addDistribution")}
          </button>
        </div>
      )}
      <datalist id="media-types">
        {options.mediaTypes.map((m) => (
          <option key={m.value} value={m.value}>
            {m.label}
          </option>
        ))}
      </datalist>
    </div>
  );
}
