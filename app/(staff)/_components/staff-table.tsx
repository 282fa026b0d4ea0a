import type { ReactNode } from "react";

/**
 * A staff list as a table: in a region that scrolls sideways on narrow screens (focusable, so the
 * keyboard can scroll it) and is named by the heading or caption `labelledBy` points at.
 */
export function StaffTable({ labelledBy, size, children }: { labelledBy: string; size?: "sm"; children: ReactNode }) {
  return (
    <div className="fc-table-scroll" role="region" aria-labelledby={labelledBy} tabIndex={0}>
      <table className="ds-table fc-staff-table" data-zebra="true" data-size={size}>
        {children}
      </table>
    </div>
  );
}
