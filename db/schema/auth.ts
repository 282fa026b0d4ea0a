import { relations } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { AdapterAccountType } from "next-auth/adapters";
import { publishers } from "./catalogue";
import { timestamp } from "./timestamp";

/** Auth.js users, plus the password hash for e-mail sign-in and the site-administrator flag. */
export const users = sqliteTable(
  "users",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    name: text("name"),
    email: text("email").notNull(),
    emailVerified: integer("emailVerified", { mode: "timestamp_ms" }),
    image: text("image"),
    /** scrypt hash in PHC-like form; null for accounts that only sign in through OpenID Connect. */
    passwordHash: text("password_hash"),
    siteAdmin: integer("site_admin", { mode: "boolean" }).notNull().default(false),
    disabledAt: text("disabled_at"),
    createdAt: timestamp("created_at"),
  },
  (t) => [uniqueIndex("users_email_unique").on(t.email)],
);

export const accounts = sqliteTable(
  "accounts",
  {
    userId: text("userId")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: text("type").$type<AdapterAccountType>().notNull(),
    provider: text("provider").notNull(),
    providerAccountId: text("providerAccountId").notNull(),
    refresh_token: text("refresh_token"),
    access_token: text("access_token"),
    expires_at: integer("expires_at"),
    token_type: text("token_type"),
    scope: text("scope"),
    id_token: text("id_token"),
    session_state: text("session_state"),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] })],
);

export const sessions = sqliteTable("sessions", {
  sessionToken: text("sessionToken").primaryKey(),
  userId: text("userId")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  expires: integer("expires", { mode: "timestamp_ms" }).notNull(),
});

export const verificationTokens = sqliteTable(
  "verificationTokens",
  {
    identifier: text("identifier").notNull(),
    token: text("token").notNull(),
    expires: integer("expires", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

export const MEMBERSHIP_ROLES = ["admin", "editor"] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

/** A user's role for one publisher: publisher administrator or editor. */
export const memberships = sqliteTable(
  "memberships",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    publisherId: integer("publisher_id")
      .notNull()
      .references(() => publishers.id, { onDelete: "cascade" }),
    role: text("role", { enum: MEMBERSHIP_ROLES }).notNull(),
    createdAt: timestamp("created_at"),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.publisherId] }),
    index("memberships_publisher_idx").on(t.publisherId),
  ],
);

export const usersRelations = relations(users, ({ many }) => ({
  memberships: many(memberships),
}));

export const membershipsRelations = relations(memberships, ({ one }) => ({
  user: one(users, { fields: [memberships.userId], references: [users.id] }),
  publisher: one(publishers, { fields: [memberships.publisherId], references: [publishers.id] }),
}));

export type User = typeof users.$inferSelect;
export type Membership = typeof memberships.$inferSelect;

/**
 * Bearer API tokens. The secret is shown once at creation; only its SHA-256 is stored. `prefix` is
 * the recognisable, non-secret start of the token (e.g. `fjc_3kq9Xa`) shown in lists so a user can
 * tell tokens apart. Revoking sets `revokedAt`; the row stays for the audit trail.
 */
export const apiTokens = sqliteTable(
  "api_tokens",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    tokenHash: text("token_hash").notNull(),
    createdAt: timestamp("created_at"),
    lastUsedAt: text("last_used_at"),
    expiresAt: text("expires_at"),
    revokedAt: text("revoked_at"),
  },
  (t) => [uniqueIndex("api_tokens_hash_unique").on(t.tokenHash), index("api_tokens_user_idx").on(t.userId)],
);

/**
 * Failed sign-in attempts, for rate limiting per account and per client address. `key` is
 * `account:<sha256 of the lower-cased e-mail>` or `address:<sha256 of the IP>`, so no personal data
 * is stored in clear. Old rows are pruned by the limiter.
 */
export const signInAttempts = sqliteTable(
  "sign_in_attempts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    key: text("key").notNull(),
    at: timestamp("at"),
  },
  (t) => [index("sign_in_attempts_key_idx").on(t.key, t.at)],
);

export type ApiToken = typeof apiTokens.$inferSelect;
