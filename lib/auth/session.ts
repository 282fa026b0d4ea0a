import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/lib/database";
import { auth } from "./auth";
import { loadPrincipal, type Principal } from "./principal";

/**
 * The signed-in user as a principal, read from the database once per request (so a disabled user
 * or a changed role takes effect at once); null when anonymous.
 */
export const getPrincipal = cache(async (): Promise<Principal | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  return userId ? loadPrincipal(getDb(), userId, "session") : null;
});

/** The signed-in principal, or a redirect to the sign-in page that comes back to `returnTo`. */
export async function requirePrincipal(returnTo: string): Promise<Principal> {
  const principal = await getPrincipal();
  if (!principal) redirect(`/sign-in?callbackUrl=${encodeURIComponent(safeCallbackUrl(returnTo))}`);
  return principal;
}

/** Only same-site paths are allowed as places to return to after sign-in. */
export function safeCallbackUrl(value: string | null | undefined): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/staff";
  return value;
}

/** The request's headers, for entry points that need the client address. */
export async function requestHeaders(): Promise<Headers> {
  return new Headers(await headers());
}
