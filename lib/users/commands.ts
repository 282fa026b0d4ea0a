import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Database, Executor } from "@/db/client";
import { memberships, publishers, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { assertCan } from "@/lib/auth/permissions";
import type { Principal } from "@/lib/auth/principal";
import { AppError, validationError } from "@/lib/errors";

/** The three staff roles as the CLI and the user form name them. */
export const USER_ROLES = ["admin", "publisher-admin", "editor"] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const newUserSchema = z.strictObject({
  email: z.string().trim().toLowerCase().pipe(z.email("Must be an e-mail address").max(320)),
  name: z.string().trim().min(1).max(200, "At most 200 characters").optional(),
  password: z.string().min(12, "At least 12 characters").max(1000, "At most 1000 characters"),
});

export const createUserSchema = newUserSchema
  .extend({
    role: z.enum(USER_ROLES, { error: "Choose admin, publisher-admin or editor" }),
    publisher: z.string().max(100).optional(),
  })
  .refine((u) => u.role === "admin" || !!u.publisher, {
    message: "Publisher administrators and editors belong to a publisher",
    path: ["publisher"],
  });

/** A users row for a new account, with its password hashed (scrypt). */
export async function createUserRecord(input: z.input<typeof newUserSchema>) {
  const parsed = newUserSchema.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error, "The user is not valid");
  return {
    email: parsed.data.email,
    name: parsed.data.name ?? null,
    passwordHash: await hashPassword(parsed.data.password),
  };
}

/**
 * Create a user with a role: site administrator, or administrator/editor of one publisher.
 * Site administrators only (and the CLI, which acts as one on the server's own database).
 */
export async function createUser(db: Database, principal: Principal | null, input: unknown): Promise<{ id: string; email: string }> {
  assertCan(principal, "site:admin");
  const parsed = createUserSchema.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error, "The user is not valid");
  const { role, publisher: publisherSlug, ...account } = parsed.data;
  const record = await createUserRecord(account);
  return db.transaction(
    (tx) => {
      if (tx.select({ id: users.id }).from(users).where(eq(users.email, record.email)).get()) {
        throw new AppError("conflict", `A user with the e-mail ${record.email} exists`, { fields: { email: ["Already registered"] } });
      }
      const publisher = publisherSlug ? findPublisherId(tx, publisherSlug) : undefined;
      const { id } = tx
        .insert(users)
        .values({ ...record, siteAdmin: role === "admin" })
        .returning({ id: users.id })
        .get();
      if (publisher !== undefined) {
        tx.insert(memberships).values({ userId: id, publisherId: publisher, role: role === "editor" ? "editor" : "admin" }).run();
      }
      return { id, email: record.email };
    },
    { behavior: "immediate" },
  );
}

function findPublisherId(tx: Executor, slug: string): number {
  const row = tx.select({ id: publishers.id }).from(publishers).where(eq(publishers.slug, slug)).get();
  if (!row) throw new AppError("unprocessable_entity", `Unknown publisher ${slug}`, { fields: { publisher: ["No publisher has this slug"] } });
  return row.id;
}

export type UserSummary = {
  id: string;
  email: string;
  name: string | null;
  siteAdmin: boolean;
  disabled: boolean;
  memberships: { publisher: string; role: "admin" | "editor" }[];
};

export function listUsers(db: Executor, principal: Principal | null): UserSummary[] {
  assertCan(principal, "site:admin");
  const rows = db.select().from(users).orderBy(asc(users.email)).all();
  const roles = db
    .select({ userId: memberships.userId, role: memberships.role, slug: publishers.slug })
    .from(memberships)
    .innerJoin(publishers, eq(publishers.id, memberships.publisherId))
    .all();
  return rows.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    siteAdmin: u.siteAdmin,
    disabled: u.disabledAt !== null,
    memberships: roles.filter((r) => r.userId === u.id).map((r) => ({ publisher: r.slug, role: r.role })),
  }));
}

/** Disable or re-enable a user: a disabled user cannot sign in and their API tokens stop working. */
export function setUserDisabled(db: Database, principal: Principal | null, userId: string, disabled: boolean): void {
  assertCan(principal, "site:admin");
  if (userId === principal.userId && disabled) throw new AppError("conflict", "You cannot disable yourself");
  const changed = db
    .update(users)
    .set({ disabledAt: disabled ? new Date().toISOString() : null })
    .where(eq(users.id, userId))
    .run().changes;
  if (changed === 0) throw new AppError("not_found", "No such user");
}
