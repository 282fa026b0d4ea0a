import { and, asc, eq, ne } from "drizzle-orm";
import { z } from "zod";
import type { Database, Executor } from "@/db/client";
import { datasets, MEMBERSHIP_ROLES, memberships, publishers, users, type MembershipRole } from "@/db/schema";
import { assertCan } from "@/lib/auth/permissions";
import type { Principal } from "@/lib/auth/principal";
import { AppError, validationError } from "@/lib/errors";
import { indexDataset } from "@/lib/search/index-dataset";
import { createUserRecord, newUserSchema } from "@/lib/users/commands";
import { createPublisher } from "./create-publisher";
import { publisherInputSchema } from "./schemas";

/**
 * Publisher management: site administrators create and edit publishers; publisher administrators
 * (and site administrators) manage the publisher's members and their roles.
 */

function findPublisher(tx: Executor, slug: string): { id: number; slug: string } {
  const row = tx.select({ id: publishers.id, slug: publishers.slug }).from(publishers).where(eq(publishers.slug, slug)).get();
  if (!row) throw new AppError("not_found", `No publisher has the slug ${slug}`);
  return row;
}

export function createPublisherCommand(db: Database, principal: Principal | null, input: unknown): { slug: string } {
  assertCan(principal, "publisher:manage");
  return db.transaction((tx) => ({ slug: createPublisher(tx, { input: input as never }).slug }), { behavior: "immediate" });
}

const publisherUpdateSchema = publisherInputSchema.omit({ slug: true });

/**
 * Edit a publisher's names, organisation number, homepage and e-mail. The slug and URI never
 * change. Its datasets are re-indexed in the same transaction, as the publisher name is searchable.
 */
export function updatePublisher(db: Database, principal: Principal | null, slug: string, input: unknown): { slug: string } {
  assertCan(principal, "publisher:manage");
  const parsed = publisherUpdateSchema.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error, "The publisher is not valid");
  const data = parsed.data;
  return db.transaction(
    (tx) => {
      const publisher = findPublisher(tx, slug);
      if (data.orgNumber) {
        const clash = tx
          .select({ id: publishers.id })
          .from(publishers)
          .where(and(eq(publishers.orgNumber, data.orgNumber), ne(publishers.id, publisher.id)))
          .get();
        if (clash) {
          throw new AppError("conflict", `A publisher with organisation number ${data.orgNumber} exists`, {
            fields: { orgNumber: ["Already registered"] },
          });
        }
      }
      const now = new Date().toISOString();
      tx.update(publishers)
        .set({
          nameNb: data.name.nb,
          nameNn: data.name.nn ?? null,
          nameEn: data.name.en ?? null,
          orgNumber: data.orgNumber ?? null,
          homepage: data.homepage ?? null,
          email: data.email ?? null,
          updatedAt: now,
        })
        .where(eq(publishers.id, publisher.id))
        .run();
      const ids = tx.select({ id: datasets.id }).from(datasets).where(eq(datasets.publisherId, publisher.id)).all();
      tx.update(datasets).set({ updatedAt: now }).where(eq(datasets.publisherId, publisher.id)).run();
      for (const { id } of ids) indexDataset(tx, id);
      return { slug: publisher.slug };
    },
    { behavior: "immediate" },
  );
}

export type Member = { userId: string; email: string; name: string | null; role: MembershipRole };

export function listMembers(db: Executor, principal: Principal | null, publisherSlug: string): Member[] {
  const publisher = findPublisher(db, publisherSlug);
  assertCan(principal, "publisher:manage-members", { publisherId: publisher.id });
  return db
    .select({ userId: users.id, email: users.email, name: users.name, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.publisherId, publisher.id))
    .orderBy(asc(users.email))
    .all();
}

const roleSchema = z.enum(MEMBERSHIP_ROLES, { error: "Choose administrator or editor" });

export const addMemberSchema = z.strictObject({
  email: z.string().trim().toLowerCase().pipe(z.email("Must be an e-mail address").max(320)),
  role: roleSchema,
  name: newUserSchema.shape.name,
  password: newUserSchema.shape.password.optional(),
});

/**
 * Give a user a role at a publisher. A new e-mail creates the user, with the initial password the
 * administrator gives (required then); an existing user keeps their password.
 */
export async function addMember(db: Database, principal: Principal | null, publisherSlug: string, input: unknown): Promise<Member> {
  const publisher = findPublisher(db, publisherSlug);
  assertCan(principal, "publisher:manage-members", { publisherId: publisher.id });
  const parsed = addMemberSchema.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error, "The member is not valid");
  const { email, role, name, password } = parsed.data;
  const existing = db.select({ id: users.id }).from(users).where(eq(users.email, email)).get();
  if (!existing && !password) {
    throw new AppError("unprocessable_entity", "A new user needs an initial password", {
      fields: { password: ["Give an initial password (at least 12 characters) for the new user"] },
    });
  }
  const newUser = existing ? undefined : await createUserRecord({ email, name, password: password! });
  return db.transaction(
    (tx) => {
      const userId = existing?.id ?? tx.insert(users).values(newUser!).returning({ id: users.id }).get().id;
      const already = tx
        .select({ role: memberships.role })
        .from(memberships)
        .where(and(eq(memberships.userId, userId), eq(memberships.publisherId, publisher.id)))
        .get();
      if (already) throw new AppError("conflict", `${email} is already a member`, { fields: { email: ["Already a member"] } });
      tx.insert(memberships).values({ userId, publisherId: publisher.id, role }).run();
      return { userId, email, name: name ?? null, role };
    },
    { behavior: "immediate" },
  );
}

export function setMemberRole(db: Database, principal: Principal | null, publisherSlug: string, userId: string, role: unknown): void {
  const publisher = findPublisher(db, publisherSlug);
  assertCan(principal, "publisher:manage-members", { publisherId: publisher.id });
  const parsedRole = roleSchema.safeParse(role);
  if (!parsedRole.success) throw validationError(parsedRole.error, "Unknown role");
  db.transaction(
    (tx) => {
      guardLastAdministrator(tx, publisher.id, userId, principal!);
      const changed = tx
        .update(memberships)
        .set({ role: parsedRole.data })
        .where(and(eq(memberships.userId, userId), eq(memberships.publisherId, publisher.id)))
        .run().changes;
      if (changed === 0) throw new AppError("not_found", "This user is not a member");
    },
    { behavior: "immediate" },
  );
}

export function removeMember(db: Database, principal: Principal | null, publisherSlug: string, userId: string): void {
  const publisher = findPublisher(db, publisherSlug);
  assertCan(principal, "publisher:manage-members", { publisherId: publisher.id });
  db.transaction(
    (tx) => {
      guardLastAdministrator(tx, publisher.id, userId, principal!);
      const removed = tx
        .delete(memberships)
        .where(and(eq(memberships.userId, userId), eq(memberships.publisherId, publisher.id)))
        .run().changes;
      if (removed === 0) throw new AppError("not_found", "This user is not a member");
    },
    { behavior: "immediate" },
  );
}

/** A publisher administrator may not demote or remove themselves when they are the last one. */
function guardLastAdministrator(tx: Executor, publisherId: number, userId: string, principal: Principal): void {
  if (principal.siteAdmin || userId !== principal.userId) return;
  const admins = tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.publisherId, publisherId), eq(memberships.role, "admin")))
    .all();
  if (admins.length <= 1) {
    throw new AppError("conflict", "You are this publisher's last administrator; add another one first");
  }
}
