"use client";

import en from "@/messages/en.json";
import nb from "@/messages/nb.json";

/**
 * The last resort when the root layout itself fails: its own document, no theme, both languages
 * (the reader's language cannot be known here).
 */
export default function GlobalError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="nb">
      <body style={{ fontFamily: "system-ui, sans-serif", margin: "2rem auto", maxWidth: "40rem", padding: "0 1rem", lineHeight: 1.5, color: "#1e2b3c" }}>
        <title>{nb.Errors.global.title}</title>
        <main>
          <h1>{nb.Errors.global.heading}</h1>
          <p>{nb.Errors.global.body}</p>
          <div lang="en">
            <h2>{en.Errors.global.heading}</h2>
            <p>{en.Errors.global.body}</p>
          </div>
          <p>
            <button type="button" onClick={() => retry()} style={{ font: "inherit", padding: "0.5rem 1rem" }}>
              {nb.Errors.global.retry} / <span lang="en">{en.Errors.global.retry}</span>
            </button>{" "}
            {/* A full page load on purpose: the root layout failed, so no client-side navigation. */}
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
            <a href="/">
              {nb.Errors.global.home} / <span lang="en">{en.Errors.global.home}</span>
            </a>
          </p>
        </main>
      </body>
    </html>
  );
}
