import type { Principal } from "@/lib/auth/principal";
import { getDb } from "@/lib/database";
import { principalFromAuthorization } from "@/lib/tokens/authenticate";

/**
 * The caller of a JSON API request: a Bearer API token, or anonymous. Session cookies are not
 * accepted by the JSON API, so a cross-site page cannot make a signed-in browser write through it
 * (no CSRF surface); the staff pages use server actions, which Next.js checks for same origin.
 */
export function apiPrincipal(request: Request): Principal | null {
  return principalFromAuthorization(getDb(), request.headers.get("authorization"));
}
