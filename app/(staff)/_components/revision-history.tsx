import { useTranslations } from "next-intl";
import type { StaffRevision } from "@/lib/catalogue/staff-queries";
import { DateTime } from "./date-time";

const MAX_VALUE_LENGTH = 300;

/** A stored value as short readable text: lists joined, objects as JSON, long texts cut. */
function valueText(value: unknown): string | null {
  if (value === null || value === undefined || value === "") return null;
  let text: string;
  if (typeof value === "string") text = value;
  else if (Array.isArray(value) && value.every((v) => typeof v !== "object" || v === null)) text = value.join(", ");
  else if (typeof value === "object") text = JSON.stringify(value);
  else text = String(value);
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH)}…` : text;
}

type Row = { path: string; before: unknown; after: unknown };

const isScalar = (value: unknown) => value === null || typeof value !== "object";

/** A value's leaves by dotted path; lists of plain values stay whole ("themes": [ENVI, TRAN]). */
function leaves(value: unknown, path: string, into: Map<string, unknown>): Map<string, unknown> {
  if (value === null || value === undefined || value === "") return into;
  if (typeof value === "object" && !(Array.isArray(value) && value.every(isScalar))) {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return into;
    for (const [key, child] of entries) leaves(child, `${path}.${key}`, into);
    return into;
  }
  into.set(path, value);
  return into;
}

/**
 * A change as rows per field: a contact point or a distribution that appeared reads as its fields
 * (`contactPoint.email: – → kart@…`), not as one JSON value.
 */
function rowsOf(change: { path: string; before: unknown; after: unknown }): Row[] {
  const before = leaves(change.before, change.path, new Map());
  const after = leaves(change.after, change.path, new Map());
  const paths = [...new Set([...before.keys(), ...after.keys()])];
  return paths
    .map((path) => ({ path, before: before.get(path), after: after.get(path) }))
    .filter((row) => JSON.stringify(row.before) !== JSON.stringify(row.after));
}

/**
 * Every change to the dataset, newest first: the action, who and when, and a readable diff of the
 * fields it changed (path, before → after).
 */
export function RevisionHistory({ revisions }: { revisions: readonly StaffRevision[] }) {
  const t = useTranslations("Staff.revisions");
  if (revisions.length === 0) return <p>{t("none")}</p>;
  return (
    <ol className="fc-revisions">
      {revisions.map((r) => {
        const rows = r.changes.flatMap(rowsOf);
        return (
          <li key={r.id} className="fc-revision">
            <h3 className="fc-revision__head">
              <span className="fc-revision__action">{t(`action.${r.action}`)}</span>{" "}
              <span className="fc-revision__meta">
                {t.rich("by", { actor: r.actor, when: () => <DateTime value={r.at} /> })}
              </span>
            </h3>
            {rows.length === 0 ? (
              <p className="fc-muted">{t("noChanges")}</p>
            ) : r.action === "create" ? (
              <details className="ds-details fc-revision__details">
                <summary>{t("fieldsSet", { count: rows.length })}</summary>
                <ChangeTable id={`revision-${r.id}`} rows={rows} caption={t("caption")} />
              </details>
            ) : (
              <ChangeTable id={`revision-${r.id}`} rows={rows} caption={t("caption")} />
            )}
          </li>
        );
      })}
    </ol>
  );
}

const STATES = ["draft", "published", "withdrawn"] as const;
const isState = (value: unknown): value is (typeof STATES)[number] => STATES.includes(value as never);

function ChangeTable({ id, rows, caption }: { id: string; rows: Row[]; caption: string }) {
  const t = useTranslations("Staff.revisions");
  const tStates = useTranslations("Staff.states");
  return (
    <div className="fc-table-scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
      <table className="ds-table fc-diff" data-size="sm">
        <caption id={`${id}-caption`} className="ds-sr-only">
          {caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t("field")}</th>
            <th scope="col">{t("before")}</th>
            <th scope="col">{t("after")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => {
            const before = c.path === "state" && isState(c.before) ? tStates(c.before) : valueText(c.before);
            const after = c.path === "state" && isState(c.after) ? tStates(c.after) : valueText(c.after);
            return (
              <tr key={c.path}>
                <th scope="row" className="fc-code">
                  {c.path}
                </th>
                <td className="fc-diff__before">{before ?? <span className="fc-muted">{t("empty")}</span>}</td>
                <td className="fc-diff__after">{after ?? <span className="fc-muted">{t("empty")}</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
