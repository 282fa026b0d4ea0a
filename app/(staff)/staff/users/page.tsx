import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Heading, Paragraph, Tag } from "@/app/_components/design-system";
import { requirePrincipal } from "@/lib/auth/session";
import { writablePublishers } from "@/lib/catalogue/staff-queries";
import { getDb } from "@/lib/database";
import { pickPlain } from "@/lib/i18n/pick-text";
import { listUsers } from "@/lib/users/commands";
import { Forbidden } from "../../_components/forbidden";
import { StaffForm } from "../../_components/staff-form";
import { staffRead } from "../../_components/staff-read";
import { createUserAction } from "./actions";
import { StaffTable } from "@/app/(staff)/_components/staff-table";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Staff.users");
  return { title: t("title"), robots: { index: false } };
}

/** Every user with their roles, and a form to create one (site administrators). */
export default async function UsersPage() {
  const principal = await requirePrincipal("/staff/users");
  const db = getDb();
  const read = await staffRead(() => listUsers(db, principal));
  if (read === "forbidden") return <Forbidden />;
  const users = read.value;
  const [t, tRoles, locale] = await Promise.all([getTranslations("Staff.users"), getTranslations("Staff.roles"), getLocale()]);
  const publishers = writablePublishers(db, principal);
  const names = new Map(publishers.map((p) => [p.slug, pickPlain(p.name, locale)]));
  return (
    <div className="fc-stack">
      <div className="fc-stack fc-stack--tight">
        <Heading level={1} size="lg">
          {t("title")}
        </Heading>
        <Paragraph>{t("intro")}</Paragraph>
      </div>

      <section aria-labelledby="users-heading" className="fc-stack fc-stack--tight">
        <Heading level={2} size="sm" id="users-heading">
          {t("listHeading", { count: users.length })}
        </Heading>
        <StaffTable labelledBy="users-heading">
          <thead>
            <tr>
              <th scope="col">{t("user")}</th>
              <th scope="col">{t("roles")}</th>
              <th scope="col">{t("status")}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <th scope="row">
                  {u.name ?? u.email}
                  {u.name && <span className="fc-block fc-muted">{u.email}</span>}
                </th>
                <td>
                  <ul className="fc-compact-list">
                    {u.siteAdmin && <li>{tRoles("siteAdmin")}</li>}
                    {u.memberships.map((m) => (
                      <li key={m.publisher}>
                        {tRoles(m.role)}: {names.get(m.publisher) ?? m.publisher}
                      </li>
                    ))}
                    {!u.siteAdmin && u.memberships.length === 0 && <li className="fc-muted">{t("noRoles")}</li>}
                  </ul>
                </td>
                <td>{u.disabled ? <Tag color="neutral">{t("disabled")}</Tag> : t("active")}</td>
              </tr>
            ))}
          </tbody>
        </StaffTable>
      </section>

      <section aria-labelledby="new-user-heading" className="fc-stack fc-stack--tight fc-narrow">
        <Heading level={2} size="sm" id="new-user-heading">
          {t("newHeading")}
        </Heading>
        <StaffForm
          action={createUserAction}
          idPrefix="user"
          submitLabel={t("create")}
          successMessage={t("created")}
          fields={[
            { name: "email", label: t("email"), type: "email", required: true, autoComplete: "off" },
            { name: "name", label: t("name"), autoComplete: "off" },
            {
              name: "password",
              label: t("password"),
              type: "password",
              required: true,
              description: t("passwordHelp"),
              autoComplete: "new-password",
            },
            {
              name: "role",
              label: t("role"),
              type: "select",
              required: true,
              options: [
                { value: "editor", label: tRoles("editor") },
                { value: "publisher-admin", label: tRoles("admin") },
                { value: "admin", label: tRoles("siteAdmin") },
              ],
            },
            {
              name: "publisher",
              label: t("publisher"),
              type: "select",
              description: t("publisherHelp"),
              emptyLabel: t("noPublisher"),
              options: publishers.map((p) => ({ value: p.slug, label: pickPlain(p.name, locale) })),
            },
          ]}
        />
      </section>
    </div>
  );
}
