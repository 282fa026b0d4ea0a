import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { memberships, publishers, users, type MembershipRole } from "@/db/schema";
import type { Actor } from "@/lib/catalogue/actor";
import { AppError } from "@/lib/errors";

/**
 * Who is asking. Every write command in lib/ takes a principal and checks it itself
 * (lib/auth/permissions.ts); the entry points (server actions, JSON API, CLI) only find out who it is.
 * `null` is an anonymous caller.
 */
export type Principal = {
  userId: string;
  email: string;
  name: string | null;
  siteAdmin: boolean;
  /** Role per publisher id. */
  roles: ReadonlyMap<number, MembershipRole>;
  /** Publisher slugs by id, for messages and pickers. */
  publisherSlugs: ReadonlyMap<number, string>;
  /** How the caller proved who it is. */
  via: "session" | "token" | "cli";
};

/** Load the principal for a user id; null for unknown or disabled users. */
export function loadPrincipal(
  db: Executor,
  userId: string,
  via: Principal["via"],
  { includeDisabled = false }: { includeDisabled?: boolean } = {},
): Principal | null {
  const user = db
    .select({ id: users.id, email: users.email, name: users.name, siteAdmin: users.siteAdmin, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.id, userId))
    .get();
  if (!user || (user.disabledAt && !includeDisabled)) return null;
  const rows = db
    .select({ publisherId: memberships.publisherId, role: memberships.role, slug: publishers.slug })
    .from(memberships)
    .innerJoin(publishers, eq(publishers.id, memberships.publisherId))
    .where(eq(memberships.userId, userId))
    .all();
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    siteAdmin: user.siteAdmin,
    roles: new Map(rows.map((r) => [r.publisherId, r.role])),
    publisherSlugs: new Map(rows.map((r) => [r.publisherId, r.slug])),
    via,
  };
}

/** The principal for a user's e-mail (CLI), or a not_found error. */
export function loadPrincipalByEmail(
  db: Executor,
  email: string,
  via: Principal["via"],
  { includeDisabled = false }: { includeDisabled?: boolean } = {},
): Principal {
  const user = db.select({ id: users.id }).from(users).where(eq(users.email, email.trim().toLowerCase())).get();
  const principal = user && loadPrincipal(db, user.id, via, { includeDisabled });
  if (!principal) throw new AppError("not_found", `No active user with the e-mail ${email}`);
  return principal;
}

/**
 * The operator at the command line (`npm run user`, `npm run token`, imports): whoever can open the
 * database file can do everything, so the CLI acts as a site administrator, recorded as "cli".
 */
export function operatorPrincipal(): Principal {
  return { userId: "", email: "cli", name: "Command line", siteAdmin: true, roles: new Map(), publisherSlugs: new Map(), via: "cli" };
}

/** The actor recorded in revisions for a principal's writes. */
export function actorOf(principal: Principal): Actor {
  if (principal.via === "cli") return { label: "cli" };
  return { userId: principal.userId, label: principal.via === "token" ? `${principal.email} (API)` : principal.email };
}
