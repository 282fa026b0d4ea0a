import { createHash } from "node:crypto";
import { and, count, eq, gte, inArray, lt, min } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { signInAttempts } from "@/db/schema";

/**
 * Sign-in rate limiting, per account and per client address: at most `ACCOUNT_LIMIT` failed
 * attempts for one e-mail and `ADDRESS_LIMIT` from one address within `WINDOW_MS`. Failures are
 * stored (hashed keys, no personal data in clear) so the limits hold across restarts; a successful
 * sign-in clears the account's failures.
 */
export const SIGN_IN_LIMITS = { ACCOUNT_LIMIT: 5, ADDRESS_LIMIT: 20, WINDOW_MS: 15 * 60_000 } as const;

export type SignInSubject = { email: string; address: string | null };

const hash = (value: string) => createHash("sha256").update(value).digest("hex").slice(0, 32);

function keysFor({ email, address }: SignInSubject) {
  return {
    account: `account:${hash(email.trim().toLowerCase())}`,
    address: address ? `address:${hash(address)}` : undefined,
  };
}

export type RateLimitVerdict = { limited: false } | { limited: true; retryAfterSeconds: number };

/** Whether another attempt for this account or from this address must wait, and for how long. */
export function checkSignInAllowed(db: Executor, subject: SignInSubject, now = Date.now()): RateLimitVerdict {
  const keys = keysFor(subject);
  const since = new Date(now - SIGN_IN_LIMITS.WINDOW_MS).toISOString();
  const verdicts = [
    [keys.account, SIGN_IN_LIMITS.ACCOUNT_LIMIT] as const,
    ...(keys.address ? [[keys.address, SIGN_IN_LIMITS.ADDRESS_LIMIT] as const] : []),
  ].map(([key, limit]) => {
    const row = db
      .select({ failures: count(), oldest: min(signInAttempts.at) })
      .from(signInAttempts)
      .where(and(eq(signInAttempts.key, key), gte(signInAttempts.at, since)))
      .get();
    if (!row || row.failures < limit || !row.oldest) return 0;
    return Math.ceil((Date.parse(row.oldest) + SIGN_IN_LIMITS.WINDOW_MS - now) / 1000);
  });
  const wait = Math.max(0, ...verdicts);
  return wait > 0 ? { limited: true, retryAfterSeconds: wait } : { limited: false };
}

/** Record a failed attempt (and prune attempts older than the window). */
export function recordSignInFailure(db: Executor, subject: SignInSubject, now = Date.now()): void {
  const keys = keysFor(subject);
  const at = new Date(now).toISOString();
  db.insert(signInAttempts)
    .values([{ key: keys.account, at }, ...(keys.address ? [{ key: keys.address, at }] : [])])
    .run();
  db.delete(signInAttempts)
    .where(lt(signInAttempts.at, new Date(now - SIGN_IN_LIMITS.WINDOW_MS).toISOString()))
    .run();
}

/** A successful sign-in clears the account's failures (not the address's). */
export function clearSignInFailures(db: Executor, subject: SignInSubject): void {
  const keys = keysFor(subject);
  db.delete(signInAttempts).where(inArray(signInAttempts.key, [keys.account])).run();
}

/** The client address of a request as Next.js's server reports it (first x-forwarded-for hop). */
export function clientAddress(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip") || null;
}
