import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { users } from "@/db/schema";
import { verifyPassword } from "./password";
import { checkSignInAllowed, clearSignInFailures, recordSignInFailure, type SignInSubject } from "./rate-limit";

export const credentialsSchema = z.object({
  email: z.email("Enter your e-mail address").max(320).transform((v) => v.trim().toLowerCase()),
  password: z.string().min(1, "Enter your password").max(1000),
});

export type CredentialsOutcome =
  | { status: "ok"; user: { id: string; email: string; name: string | null } }
  | { status: "invalid" }
  | { status: "rate_limited"; retryAfterSeconds: number };

/**
 * Check an e-mail and password, within the rate limits. The same answer ("invalid") for an unknown
 * e-mail, a wrong password and a disabled account, so sign-in reveals nothing about who is registered.
 */
export async function verifyCredentials(
  db: Executor,
  input: unknown,
  address: string | null,
): Promise<CredentialsOutcome> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return { status: "invalid" };
  const subject: SignInSubject = { email: parsed.data.email, address };
  const verdict = checkSignInAllowed(db, subject);
  if (verdict.limited) return { status: "rate_limited", retryAfterSeconds: verdict.retryAfterSeconds };

  const user = db
    .select({ id: users.id, email: users.email, name: users.name, passwordHash: users.passwordHash, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.email, parsed.data.email))
    .get();
  const ok = user?.passwordHash && !user.disabledAt ? await verifyPassword(parsed.data.password, user.passwordHash) : false;
  if (!ok || !user) {
    recordSignInFailure(db, subject);
    return { status: "invalid" };
  }
  clearSignInFailures(db, subject);
  return { status: "ok", user: { id: user.id, email: user.email, name: user.name } };
}
