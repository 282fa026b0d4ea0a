"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { isLocale, LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE } from "./config";
import { safeReturnPath } from "./return-path";

/**
 * The language switcher: remember the chosen interface language and go back to the page the
 * reader was on. Works as a plain form POST without JavaScript.
 */
export async function switchLocale(formData: FormData): Promise<void> {
  const locale = formData.get("locale");
  const headerList = await headers();
  if (isLocale(locale)) {
    (await cookies()).set(LOCALE_COOKIE, locale, {
      path: "/",
      maxAge: LOCALE_COOKIE_MAX_AGE,
      sameSite: "lax",
      httpOnly: false,
      secure: headerList.get("x-forwarded-proto") === "https",
    });
  }
  const host = headerList.get("x-forwarded-host") ?? headerList.get("host");
  redirect(safeReturnPath(headerList.get("referer"), host));
}
