import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { apiTokens } from "@/db/schema";
import { loadPrincipal, type Principal } from "@/lib/auth/principal";
import { AppError } from "@/lib/errors";
import { hashTokenSecret, looksLikeToken } from "./token-secret";

/** Only record last use once a minute, so reads through a token don't each cost a write. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * The principal behind an `Authorization: Bearer fjc_…` header: null when there is no header
 * (anonymous), a 401 when the header is malformed or the token unknown, revoked, expired or its
 * user disabled.
 */
export function principalFromAuthorization(db: Executor, header: string | null): Principal | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match?.[1] || !looksLikeToken(match[1])) {
    throw new AppError("unauthorized", "The Authorization header must be `Bearer fjc_…` with an API token");
  }
  const row = db.select().from(apiTokens).where(eq(apiTokens.tokenHash, hashTokenSecret(match[1]))).get();
  const now = new Date();
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now.toISOString())) {
    throw new AppError("unauthorized", "The API token is unknown, revoked or expired");
  }
  const principal = loadPrincipal(db, row.userId, "token");
  if (!principal) throw new AppError("unauthorized", "The API token's user is disabled");
  if (!row.lastUsedAt || now.getTime() - Date.parse(row.lastUsedAt) > LAST_USED_RESOLUTION_MS) {
    db.update(apiTokens).set({ lastUsedAt: now.toISOString() }).where(eq(apiTokens.id, row.id)).run();
  }
  return principal;
}
