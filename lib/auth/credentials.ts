import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { users } from "@/db/schema";
import { randomUUID } from "node:crypto";
import { hashPassword, verifyPassword } from "./password";
import { checkSignInAllowed, clearSignInFailures, recordSignInFailure, type SignInSubject } from "./rate-limit";

export const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("Enter your e-mail address").max(320)),
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
  // Unknown and password-less accounts cost a hash too, so the answer's timing tells nothing.
  const ok = await verifyPassword(parsed.data.password, user?.passwordHash ?? (await timingDecoy()));
  if (user?.disabledAt) return invalid(db, subject);
  if (!ok || !user) return invalid(db, subject);
  clearSignInFailures(db, subject);
  return { status: "ok", user: { id: user.id, email: user.email, name: user.name } };
}

function invalid(db: Executor, subject: SignInSubject): CredentialsOutcome {
  recordSignInFailure(db, subject);
  return { status: "invalid" };
}

let decoy: Promise<string> | undefined;
/** A hash of a random password, made once, to verify against when there is no real hash. */
function timingDecoy(): Promise<string> {
  decoy ??= hashPassword(randomUUID());
  return decoy;
}
