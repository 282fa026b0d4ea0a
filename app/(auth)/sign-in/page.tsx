import "@/app/styles/staff.css";

import type { Metadata } from "next";
import NextLink from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { Alert, Heading, Paragraph } from "@/app/_components/design-system";
import { getPrincipal, safeCallbackUrl } from "@/lib/auth/session";
import { getSignInOptions } from "@/lib/auth/sign-in";
import { signInWithOidcAction } from "../actions";
import { SignInForm } from "./sign-in-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Auth.signIn");
  return { title: t("title"), robots: { index: false } };
}

type Props = { searchParams: Promise<{ callbackUrl?: string; error?: string }> };

/** Errors Auth.js reports in the URL (OpenID Connect): said in words, never echoed. */
const URL_ERRORS = new Set(["NotRegistered", "AccessDenied", "Configuration", "OAuthSignin", "OAuthCallback", "CredentialsSignin"]);

/** Staff sign in: e-mail and password, and the organisation's OpenID Connect provider when configured. */
export default async function SignInPage({ searchParams }: Props) {
  const { callbackUrl: wanted, error } = await searchParams;
  const callbackUrl = safeCallbackUrl(wanted);
  const [t, messages, principal] = await Promise.all([getTranslations("Auth.signIn"), getMessages(), getPrincipal()]);
  const { oidc } = getSignInOptions();
  const urlError = error && URL_ERRORS.has(error) ? error : error ? "other" : undefined;
  return (
    <div className="fc-container fc-sign-in">
      <div className="fc-stack">
        <Heading level={1} size="lg">
          {t("title")}
        </Heading>
        <Paragraph>{t("intro")}</Paragraph>
        {principal && (
          <Alert color="info">
            <Paragraph>
              {t.rich("alreadySignedIn", {
                name: principal.name ?? principal.email,
                link: (chunks) => (
                  <NextLink href={callbackUrl} className="ds-link">
                    {chunks}
                  </NextLink>
                ),
              })}
            </Paragraph>
          </Alert>
        )}
        {urlError && (
          <Alert color="danger">
            <Paragraph>{urlError === "NotRegistered" ? t("notRegistered") : urlError === "CredentialsSignin" ? t("invalid") : t("otherError")}</Paragraph>
          </Alert>
        )}
        <NextIntlClientProvider messages={{ Errors: messages.Errors, Auth: messages.Auth }}>
          <SignInForm callbackUrl={callbackUrl} />
        </NextIntlClientProvider>
        {oidc && (
          <div className="fc-stack fc-stack--tight fc-sign-in__oidc">
            <p className="fc-sign-in__or">{t("or")}</p>
            <form action={signInWithOidcAction}>
              <input type="hidden" name="callbackUrl" value={callbackUrl} />
              <button type="submit" className="ds-button" data-variant="secondary">
                {t("oidc", { name: oidc.name })}
              </button>
            </form>
          </div>
        )}
      </div>
    </div>
  );
}
