/**
 * The Content-Security-Policy of every page: scripts only from this origin and with the request's
 * nonce (Next.js puts the nonce on its own inline scripts when it finds it in the request's CSP
 * header), no plugins, no framing (frame-ancestors), forms only back to this origin (and the
 * OpenID Connect provider, where sign-in forms lead). Styles allow inline style attributes, which
 * React and the design system use; they cannot run code.
 */
export function contentSecurityPolicy({
  nonce,
  development,
  formTargets = [],
}: {
  nonce: string;
  development: boolean;
  formTargets?: readonly string[];
}): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'", ...(development ? ["ws:"] : [])],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'", ...formTargets],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(" ")}`)
    .join("; ");
}

/** A fresh nonce per response: 128 random bits, base64. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
