import type { ReactNode } from "react";

export type Fact = { key: string; term: ReactNode; value: ReactNode };

/** A definition list of label/value pairs. Entries that are falsy (a condition that failed) are left out. */
export function FactList({ facts, className }: { facts: (Fact | false | "" | 0 | null | undefined)[]; className?: string }) {
  const shown = facts.filter((f): f is Fact => typeof f === "object" && f !== null && f.value != null && f.value !== "");
  if (shown.length === 0) return null;
  return (
    <dl className={className ?? "fc-facts"}>
      {shown.map((f) => (
        <div key={f.key} className="fc-facts__row">
          <dt>{f.term}</dt>
          <dd>{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}
