import NextLink from "next/link";
import { useTranslations } from "next-intl";
import { AccountMenu } from "@/app/(auth)/_components/account-menu";
import { LanguageSwitcher } from "./language-switcher";
import { MainNav } from "./main-nav";

/** The portal's banner: name and region, main navigation, the language switcher and the account corner. */
export function SiteHeader() {
  const t = useTranslations("Layout");
  const meta = useTranslations("Meta");
  return (
    <header className="fc-header">
      <div className="fc-container fc-header__inner">
        <NextLink href="/" className="fc-brand">
          <svg className="fc-brand__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
            <rect width="32" height="32" rx="7" fill="currentColor" />
            <path d="M5 21c3.5-4 7-4 10.5 0s7 4 11.5 0" fill="none" stroke="#fff" strokeWidth="2.5" strokeLinecap="round" />
            <path d="M7 14l5-6 4 4 3-3 6 5" fill="none" stroke="#fff" strokeWidth="2.5" strokeLinejoin="round" strokeLinecap="round" />
          </svg>
          <span className="fc-brand__text">
            <span className="fc-brand__name">{meta("siteName")}</span>
            <span className="fc-brand__tagline">{meta("tagline")}</span>
          </span>
        </NextLink>
        <div className="fc-header__tools">
          <MainNav
            label={t("mainNav")}
            items={[
              { href: "/datasets", label: t("navDatasets") },
              { href: "/publishers", label: t("navPublishers") },
              { href: "/kpi", label: t("navKpi") },
            ]}
          />
          <LanguageSwitcher />
          <AccountMenu />
        </div>
      </div>
    </header>
  );
}
