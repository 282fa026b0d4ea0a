/**
 * The path (with query) to return to after switching language: the Referer when it is on this
 * host, else the home page. Never an open redirect to another origin.
 */
export function safeReturnPath(referer: string | null | undefined, host: string | null | undefined): string {
  if (!referer || !host) return "/";
  try {
    const url = new URL(referer);
    if (url.host !== host) return "/";
    const path = `${url.pathname}${url.search}`;
    return path.startsWith("/") && !path.startsWith("//") ? path : "/";
  } catch {
    return "/";
  }
}
