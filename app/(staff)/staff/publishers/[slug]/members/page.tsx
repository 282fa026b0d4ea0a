import type { Metadata } from "next";
import NextLink from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Heading, Paragraph } from "@/app/_components/design-system";
import { TextInLanguage } from "@/app/_components/text-in-language";
import { requirePrincipal } from "@/lib/auth/session";
import { getDb } from "@/lib/database";
import { listMembers } from "@/lib/publishers/commands";
import { getPublisherBySlug } from "@/lib/publishers/queries";
import { ActionButton } from "../../../../_components/action-button";
import { Forbidden } from "../../../../_components/forbidden";
import { StaffForm } from "../../../../_components/staff-form";
import { staffRead } from "../../../../_components/staff-read";
import { addMemberAction, removeMemberAction, setMemberRoleAction } from "../../actions";
import { StaffTable } from "@/app/(staff)/_components/staff-table";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Staff.members");
  return { title: t("title"), robots: { index: false } };
}

/** A publisher's members and their roles: add (creating the user when new), change role, remove. */
export default async function MembersPage({ params }: Props) {
  const { slug } = await params;
  const principal = await requirePrincipal(`/staff/publishers/${slug}/members`);
  const db = getDb();
  const publisher = getPublisherBySlug(db, { slug });
  if (!publisher) notFound();
  const read = await staffRead(() => listMembers(db, principal, slug));
  if (read === "forbidden") return <Forbidden />;
  const members = read.value;
  const [t, tRoles] = await Promise.all([getTranslations("Staff.members"), getTranslations("Staff.roles")]);
  const roleOptions = [
    { value: "editor", label: tRoles("editor") },
    { value: "admin", label: tRoles("admin") },
  ];
  return (
    <div className="fc-stack">
      <nav aria-label={t("breadcrumbLabel")} className="fc-breadcrumbs">
        <NextLink href="/staff/publishers" className="ds-link">
          {t("backToList")}
        </NextLink>
      </nav>
      <div className="fc-stack fc-stack--tight">
        <Heading level={1} size="lg">
          {t("title")}: <TextInLanguage text={publisher.name} />
        </Heading>
        <Paragraph>{t("intro")}</Paragraph>
      </div>

      <section aria-labelledby="members-heading" className="fc-stack fc-stack--tight">
        <Heading level={2} size="sm" id="members-heading">
          {t("listHeading", { count: members.length })}
        </Heading>
        {members.length === 0 ? (
          <Paragraph>{t("none")}</Paragraph>
        ) : (
          <StaffTable labelledBy="members-heading">
            <thead>
              <tr>
                <th scope="col">{t("member")}</th>
                <th scope="col">{t("role")}</th>
                <th scope="col">{t("remove")}</th>
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <tr key={m.userId}>
                  <th scope="row">
                    {m.name ?? m.email}
                    {m.name && <span className="fc-block fc-muted">{m.email}</span>}
                  </th>
                  <td>
                    <StaffForm
                      inline
                      action={setMemberRoleAction.bind(null, slug, m.userId)}
                      idPrefix={`role-${m.userId}`}
                      submitLabel={t("changeRole")}
                      fields={[
                        {
                          name: "role",
                          label: t("roleFor", { member: m.name ?? m.email }),
                          type: "select",
                          options: roleOptions,
                          defaultValue: m.role,
                        },
                      ]}
                      successMessage={t("roleChanged")}
                    />
                  </td>
                  <td>
                    <ActionButton
                      action={removeMemberAction.bind(null, slug, m.userId)}
                      label={t("remove")}
                      labelSuffix={m.name ?? m.email}
                      confirm={t("confirmRemove", { member: m.name ?? m.email })}
                      variant="tertiary"
                      danger
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </StaffTable>
        )}
      </section>

      <section aria-labelledby="add-member-heading" className="fc-stack fc-stack--tight fc-narrow">
        <Heading level={2} size="sm" id="add-member-heading">
          {t("addHeading")}
        </Heading>
        <Paragraph>{t("addIntro")}</Paragraph>
        <StaffForm
          action={addMemberAction.bind(null, slug)}
          idPrefix="member"
          submitLabel={t("add")}
          successMessage={t("added")}
          fields={[
            { name: "email", label: t("email"), type: "email", required: true, autoComplete: "off" },
            { name: "name", label: t("name"), autoComplete: "off" },
            { name: "role", label: t("role"), type: "select", options: roleOptions, required: true },
            {
              name: "password",
              label: t("password"),
              type: "password",
              description: t("passwordHelp"),
              autoComplete: "new-password",
            },
          ]}
        />
      </section>
    </div>
  );
}
