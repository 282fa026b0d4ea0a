import "./account-menu.css";

import NextLink from "next/link";
import { getTranslations } from "next-intl/server";
import { getPrincipal } from "@/lib/auth/session";
import { signOutAction } from "../actions";

/**
 * The header's account corner: "Sign in" for visitors; for signed-in staff their name, a link to
 * the staff area and a sign-out button (a form POST, so it works without JavaScript).
 */
export async function AccountMenu() {
  const [principal, t] = await Promise.all([getPrincipal(), getTranslations("Auth.account")]);
  if (!principal) {
    return (
      <NextLink href="/sign-in" className="fc-account__link">
        {t("signIn")}
      </NextLink>
    );
  }
  return (
    <div className="fc-account">
      <NextLink href="/staff" className="fc-account__link">
        {t("staff")}
      </NextLink>
      <span className="fc-account__name">
        <span className="ds-sr-only">{t("signedInAs")} </span>
        {principal.name ?? principal.email}
      </span>
      <form action={signOutAction}>
        <button type="submit" className="fc-account__button">
          {t("signOut")}
        </button>
      </form>
    </div>
  );
}
