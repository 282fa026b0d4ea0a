import "server-only";
import { AuthError } from "next-auth";
import { getDb } from "@/lib/database";
import { env } from "@/lib/env";
import { OIDC_PROVIDER_ID, signIn, signOut } from "./auth";
import { credentialsSchema } from "./credentials";
import { checkSignInAllowed, clientAddress } from "./rate-limit";
import { requestHeaders, safeCallbackUrl } from "./session";

export type SignInFailure = { status: "invalid" | "rate_limited"; retryAfterSeconds?: number };

/**
 * Sign in with e-mail and password from a server action. On success Auth.js redirects (the thrown
 * redirect must propagate); otherwise the outcome says why, without telling whether the e-mail exists.
 */
export async function signInWithPassword({
  email,
  password,
  callbackUrl,
}: {
  email: unknown;
  password: unknown;
  callbackUrl?: string | null;
}): Promise<SignInFailure> {
  const parsed = credentialsSchema.safeParse({ email, password });
  if (!parsed.success) return { status: "invalid" };
  const verdict = checkSignInAllowed(getDb(), {
    email: parsed.data.email,
    address: clientAddress(await requestHeaders()),
  });
  if (verdict.limited) return { status: "rate_limited", retryAfterSeconds: verdict.retryAfterSeconds };
  try {
    await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: safeCallbackUrl(callbackUrl),
    });
  } catch (error) {
    if (error instanceof AuthError) {
      if ("code" in error && error.code === "rate_limited") return { status: "rate_limited" };
      return { status: "invalid" };
    }
    throw error;
  }
  return { status: "invalid" };
}

export async function signInWithOidc(callbackUrl?: string | null): Promise<void> {
  await signIn(OIDC_PROVIDER_ID, { redirectTo: safeCallbackUrl(callbackUrl) });
}

export async function signOutUser(): Promise<void> {
  await signOut({ redirectTo: "/" });
}

/** The sign-in methods on offer: password always, OpenID Connect when configured. */
export function getSignInOptions(): { oidc?: { id: string; name: string } } {
  return env.OIDC_ISSUER ? { oidc: { id: OIDC_PROVIDER_ID, name: env.OIDC_NAME } } : {};
}
