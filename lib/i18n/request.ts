import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE } from "./config";
import { loadMessages } from "./messages";
import { negotiateLocale } from "./negotiate";

/**
 * next-intl without locale routing: URLs carry no locale prefix (a dataset's page URL is also its
 * URI), so the language comes from the switcher's cookie, else from Accept-Language.
 */
export default getRequestConfig(async () => {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  const locale = negotiateLocale({
    cookie: cookieStore.get(LOCALE_COOKIE)?.value,
    acceptLanguage: headerList.get("accept-language"),
  });
  return { locale, messages: await loadMessages(locale), timeZone: "Europe/Oslo" };
});
