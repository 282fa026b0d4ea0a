/** The sign-in action's answer when it did not sign in (success redirects). The e-mail is kept; the password never. */
export type SignInState = { status: "invalid" | "rate_limited"; retryAfterSeconds?: number; email?: string } | null;
