import "@fontsource/inter/400.css";
import "@fontsource/inter/500.css";
import "@fontsource/inter/600.css";
import "@fontsource/inter/700.css";
import "@digdir/designsystemet-css";
import "@digdir/designsystemet-css/theme";
import "./globals.css";
import "./styles/layout.css";
import "./styles/home.css";
import "./styles/search.css";
import "./styles/facets.css";
import "./styles/dataset.css";

import type { Metadata, Viewport } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { env } from "@/lib/env";
import { SiteFooter } from "./_components/site-footer";
import { SiteHeader } from "./_components/site-header";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Meta");
  return {
    title: { default: `${t("siteName")}: ${t("tagline")}`, template: `%s · ${t("siteName")}` },
    description: t("description"),
    applicationName: t("siteName"),
    metadataBase: new URL(env.BASE_URL),
    icons: { icon: [{ url: "/favicon.svg", type: "image/svg+xml" }] },
    // Harvesters and feed readers discover the catalogue's RDF and the news feeds from any page.
    alternates: {
      types: {
        "text/turtle": "/catalog.ttl",
        "application/rdf+xml": "/catalog.rdf",
        "application/ld+json": "/catalog.jsonld",
        "application/atom+xml": "/feeds/datasets.atom",
        "application/rss+xml": "/feeds/datasets.rss",
      },
    },
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#ffffff" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, messages, t] = await Promise.all([getLocale(), getMessages(), getTranslations("Layout")]);
  return (
    <html lang={locale} data-color-scheme="light">
      <body>
        {/* Only the texts the client-side error boundary needs travel to the browser. */}
        <NextIntlClientProvider messages={{ Errors: { error: messages.Errors.error } }}>
          <a href="#main" className="ds-skip-link">
            {t("skipToContent")}
          </a>
          <div className="fc-page">
            <SiteHeader />
            <main id="main" className="fc-main" tabIndex={-1}>
              {children}
            </main>
            <SiteFooter />
          </div>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
