import "@/app/styles/staff.css";

import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { can } from "@/lib/auth/permissions";
import { getPrincipal } from "@/lib/auth/session";
import { StaffNav } from "./_components/staff-nav";

/**
 * The staff area: a section navigation for the signed-in user (what they may reach) above the
 * page. Each page checks the session itself (`requirePrincipal`) and every action's command
 * checks permissions; the navigation only hides what would be refused anyway.
 */
export default async function StaffLayout({ children }: { children: ReactNode }) {
  const [principal, messages, t] = await Promise.all([getPrincipal(), getMessages(), getTranslations("Staff.nav")]);
  const isAdminAnywhere = principal ? principal.siteAdmin || [...principal.roles.values()].includes("admin") : false;
  const items = principal
    ? [
        { href: "/staff", label: t("home"), exact: true },
        { href: "/staff/datasets", label: t("datasets") },
        { href: "/staff/import", label: t("import") },
        ...(isAdminAnywhere ? [{ href: "/staff/publishers", label: t("publishers") }] : []),
        ...(isAdminAnywhere || [...principal.roles.keys()].some((id) => can(principal, "harvest:manage", { publisherId: id }))
          ? [{ href: "/staff/harvest", label: t("harvest") }]
          : []),
        ...(principal.siteAdmin ? [{ href: "/staff/users", label: t("users") }] : []),
        { href: "/staff/tokens", label: t("tokens") },
      ]
    : [];
  return (
    <NextIntlClientProvider messages={{ Errors: messages.Errors, Staff: messages.Staff }}>
      <div className="fc-staff">
        {items.length > 0 && <StaffNav label={t("label")} items={items} />}
        <div className="fc-container fc-staff__content">{children}</div>
      </div>
    </NextIntlClientProvider>
  );
}
