import type { Locale } from "./config";
import type { Messages } from "./messages";

/** Typed message keys and locales for next-intl (useTranslations, getTranslations). */
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
