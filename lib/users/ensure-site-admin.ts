import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { users } from "@/db/schema";
import { hashPassword, verifyPassword } from "@/lib/auth/password";

export type EnsureAdminResult = "created" | "updated" | "unchanged";

/**
 * Make sure a site administrator with this e-mail exists and signs in with this password
 * (ADMIN_EMAIL / ADMIN_PASSWORD at start). An existing user is promoted and gets the password.
 */
export async function ensureSiteAdmin(
  db: Database,
  { email, password }: { email: string; password: string },
): Promise<EnsureAdminResult> {
  const normalised = email.trim().toLowerCase();
  const existing = db.select().from(users).where(eq(users.email, normalised)).get();
  if (!existing) {
    db.insert(users)
      .values({ email: normalised, name: "Administrator", passwordHash: await hashPassword(password), siteAdmin: true })
      .run();
    return "created";
  }
  const passwordMatches = existing.passwordHash ? await verifyPassword(password, existing.passwordHash) : false;
  if (existing.siteAdmin && passwordMatches && !existing.disabledAt) return "unchanged";
  db.update(users)
    .set({
      siteAdmin: true,
      disabledAt: null,
      ...(passwordMatches ? {} : { passwordHash: await hashPassword(password) }),
    })
    .where(eq(users.id, existing.id))
    .run();
  return "updated";
}
