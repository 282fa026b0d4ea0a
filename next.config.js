import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native packages (better-sqlite3, esbuild for the harvest's parse worker): loaded from
  // node_modules at run time, never bundled.
  serverExternalPackages: ["better-sqlite3", "esbuild"],
  poweredByHeader: false,
  reactStrictMode: true,
  // Type checking and linting run in `npm test`; the production build must not repeat them.
  typescript: { ignoreBuildErrors: true },
  // RDF by file extension (ARCHITECTURE.md): `/datasets/<slug>` itself is the dataset page (and the
  // dataset's URI), so the feeds' route handlers live under /rdf. `/catalog.ttl`, `.rdf`, `.jsonld`
  // and `.nt` are routes of their own (app/(feeds)/catalog.<ext>/, no rewrite on the harvesters'
  // busiest path); any other extension falls back to the dynamic route, which answers 404 with the
  // formats there are.
  async rewrites() {
    return {
      beforeFiles: [{ source: "/datasets/:slug([^/.]+).:format([^/.]+)", destination: "/rdf/datasets/:slug/:format" }],
      fallback: [{ source: "/catalog.:format([^/.]+)", destination: "/rdf/catalog/:format" }],
    };
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
      // JSON answers and the RDF and news feeds: nothing in them may run or be framed (pages get
      // theirs, with a nonce, from proxy.ts, which these paths skip).
      ...["/api/:path*", "/catalog", "/catalog.:format([^/.]+)", "/datasets/:slug([^/.]+).:format([^/.]+)", "/feeds/:path*", "/rdf/:path*"].map((source) => ({
        source,
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }],
      })),
    ];
  },
};

export default withNextIntl(nextConfig);
