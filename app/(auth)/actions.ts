"use server";

import { signInWithOidc, signInWithPassword, signOutUser } from "@/lib/auth/sign-in";
import type { SignInState } from "./sign-in-state";

/** Sign in with e-mail and password; on success Auth.js redirects to the callback URL. */
export async function signInAction(_state: SignInState, formData: FormData): Promise<SignInState> {
  const email = formData.get("email");
  const outcome = await signInWithPassword({
    email,
    password: formData.get("password"),
    callbackUrl: String(formData.get("callbackUrl") ?? ""),
  });
  return { ...outcome, email: typeof email === "string" ? email : undefined };
}

/** Sign in through the configured OpenID Connect provider. */
export async function signInWithOidcAction(formData: FormData): Promise<void> {
  await signInWithOidc(String(formData.get("callbackUrl") ?? ""));
}

export async function signOutAction(): Promise<void> {
  await signOutUser();
}
