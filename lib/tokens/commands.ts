import { and, desc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { apiTokens, users } from "@/db/schema";
import { assertCan } from "@/lib/auth/permissions";
import type { Principal } from "@/lib/auth/principal";
import { AppError, validationError } from "@/lib/errors";
import { generateTokenSecret } from "./token-secret";

export const apiTokenInputSchema = z.strictObject({
  name: z.string().trim().min(1, "Give the token a name, e.g. what will use it").max(100, "At most 100 characters"),
  userId: z.string().min(1).optional(),
});

export type ApiTokenSummary = {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

/**
 * Create an API token for a user (yourself, or anyone for a site administrator). The secret is
 * returned once and never stored; it acts with the user's own permissions.
 */
export function createApiToken(
  db: Executor,
  principal: Principal | null,
  input: unknown,
): { id: string; token: string; prefix: string } {
  if (!principal) throw new AppError("unauthorized", "Sign in to do this");
  const parsed = apiTokenInputSchema.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error, "The token is not valid");
  const userId = parsed.data.userId ?? principal.userId;
  assertCan(principal, "token:manage", { userId });
  const user = db.select({ id: users.id, disabledAt: users.disabledAt }).from(users).where(eq(users.id, userId)).get();
  if (!user || user.disabledAt) throw new AppError("not_found", "No such active user");
  const { token, hash, prefix } = generateTokenSecret();
  const { id } = db
    .insert(apiTokens)
    .values({ userId, name: parsed.data.name, prefix, tokenHash: hash })
    .returning({ id: apiTokens.id })
    .get();
  return { id, token, prefix };
}

export function listApiTokens(
  db: Executor,
  principal: Principal | null,
  { userId }: { userId?: string } = {},
): ApiTokenSummary[] {
  const owner = userId ?? principal?.userId;
  assertCan(principal, "token:manage", { userId: owner });
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.userId, owner!))
    .orderBy(desc(apiTokens.createdAt))
    .all();
}

/** Revoke a token: it stops working at once; the row stays for the audit trail. */
export function revokeApiToken(db: Executor, principal: Principal | null, id: string): void {
  if (!principal) throw new AppError("unauthorized", "Sign in to do this");
  const token = db.select({ userId: apiTokens.userId }).from(apiTokens).where(eq(apiTokens.id, id)).get();
  if (!token) throw new AppError("not_found", "No such token");
  assertCan(principal, "token:manage", { userId: token.userId });
  db.update(apiTokens)
    .set({ revokedAt: new Date().toISOString() })
    .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
    .run();
}
