import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Heading, Paragraph, Tag } from "@/app/_components/design-system";
import { requirePrincipal } from "@/lib/auth/session";
import { getDb } from "@/lib/database";
import { listApiTokens } from "@/lib/tokens/commands";
import { ActionButton } from "../../_components/action-button";
import { DateTime } from "../../_components/date-time";
import { StaffForm } from "../../_components/staff-form";
import { createTokenAction, revokeTokenAction } from "./actions";
import { StaffTable } from "@/app/(staff)/_components/staff-table";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Staff.tokens");
  return { title: t("title"), robots: { index: false } };
}

/** The user's API tokens for the JSON API: create (shown once), see prefix and last use, revoke. */
export default async function TokensPage() {
  const principal = await requirePrincipal("/staff/tokens");
  const t = await getTranslations("Staff.tokens");
  const tokens = listApiTokens(getDb(), principal);
  return (
    <div className="fc-stack">
      <div className="fc-stack fc-stack--tight">
        <Heading level={1} size="lg">
          {t("title")}
        </Heading>
        <Paragraph className="fc-lead">{t("intro")}</Paragraph>
        <Paragraph>
          {t.rich("usage", { code: (chunks) => <code className="fc-code">{chunks}</code> })}
        </Paragraph>
      </div>

      <section aria-labelledby="new-token-heading" className="fc-stack fc-stack--tight fc-narrow">
        <Heading level={2} size="sm" id="new-token-heading">
          {t("newHeading")}
        </Heading>
        <StaffForm
          action={createTokenAction}
          idPrefix="token"
          submitLabel={t("create")}
          fields={[{ name: "name", label: t("name"), description: t("nameHelp"), required: true, autoComplete: "off" }]}
          secretLabel={t("secretLabel")}
          secretHint={t("secretHint")}
        />
      </section>

      <section aria-labelledby="tokens-heading" className="fc-stack fc-stack--tight">
        <Heading level={2} size="sm" id="tokens-heading">
          {t("listHeading")}
        </Heading>
        {tokens.length === 0 ? (
          <Paragraph>{t("none")}</Paragraph>
        ) : (
          <StaffTable labelledBy="tokens-heading">
            <thead>
              <tr>
                <th scope="col">{t("name")}</th>
                <th scope="col">{t("prefix")}</th>
                <th scope="col">{t("created")}</th>
                <th scope="col">{t("lastUsed")}</th>
                <th scope="col">{t("status")}</th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => (
                <tr key={token.id}>
                  <th scope="row">{token.name}</th>
                  <td className="fc-code">{token.prefix}…</td>
                  <td>
                    <DateTime value={token.createdAt} />
                  </td>
                  <td>{token.lastUsedAt ? <DateTime value={token.lastUsedAt} /> : <span className="fc-muted">{t("never")}</span>}</td>
                  <td>
                    {token.revokedAt ? (
                      <Tag color="neutral">{t("revoked")}</Tag>
                    ) : (
                      <ActionButton
                        action={revokeTokenAction.bind(null, token.id)}
                        label={t("revokeShort")}
                        labelSuffix={`«${token.name}»`}
                        confirm={t("confirmRevoke", { name: token.name })}
                        variant="tertiary"
                        danger
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </StaffTable>
        )}
      </section>
    </div>
  );
}
