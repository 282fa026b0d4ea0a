import "server-only";
import { and, eq } from "drizzle-orm";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { accounts, users } from "@/db/schema";
import { getDb } from "@/lib/database";
import { env } from "@/lib/env";
import { verifyCredentials } from "./credentials";
import { clientAddress } from "./rate-limit";

/** Too many failed attempts for this account or address; the code reaches the sign-in page. */
export class SignInRateLimited extends CredentialsSignin {
  override code = "rate_limited";
}

export const OIDC_PROVIDER_ID = "oidc";
const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

/**
 * The Auth.js instance. E-mail and password (scrypt hashes in `users`, rate-limited) for the
 * embedded default, plus an optional OpenID Connect provider from env (Entra ID, ID-porten,
 * Keycloak). Sessions are JWTs holding only the user id; who the user is and what they may do is
 * read from the database on every request (lib/auth/session.ts), so disabling a user or changing a
 * role takes effect at once. OpenID Connect does not register new users: the e-mail must belong to
 * a user that an administrator created, and the provider account is linked to it on first sign-in.
 */
function config(): NextAuthConfig {
  const providers: NextAuthConfig["providers"] = [
    Credentials({
      credentials: { email: { type: "email" }, password: { type: "password" } },
      authorize: async (credentials, request) => {
        const outcome = await verifyCredentials(getDb(), credentials, clientAddress(request.headers));
        if (outcome.status === "rate_limited") throw new SignInRateLimited();
        return outcome.status === "ok" ? outcome.user : null;
      },
    }),
  ];
  if (env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET) {
    providers.push({
      id: OIDC_PROVIDER_ID,
      name: env.OIDC_NAME,
      type: "oidc",
      issuer: env.OIDC_ISSUER,
      clientId: env.OIDC_CLIENT_ID,
      clientSecret: env.OIDC_CLIENT_SECRET,
      authorization: { params: { scope: "openid email profile" } },
    });
  }
  return {
    secret: env.AUTH_SECRET,
    trustHost: true,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers,
    logger: { error: (error) => { if (!(error instanceof CredentialsSignin)) console.error(error.name, error.message); } },
    callbacks: {
      signIn: ({ account, profile }) => {
        if (account?.provider !== OIDC_PROVIDER_ID) return true;
        const userId = linkOidcAccount(profile?.email, profile?.email_verified, account.providerAccountId);
        return userId ? true : "/sign-in?error=NotRegistered";
      },
      jwt: ({ token, user, account, profile }) => {
        if (account?.provider === OIDC_PROVIDER_ID) {
          const userId = findActiveUserId(profile?.email);
          if (userId) token.sub = userId;
        } else if (user?.id) {
          token.sub = user.id;
        }
        return token;
      },
      session: ({ session, token }) => {
        if (token.sub) session.user.id = token.sub;
        return session;
      },
    },
  };
}

function findActiveUserId(email: unknown): string | undefined {
  if (typeof email !== "string") return undefined;
  const user = getDb()
    .select({ id: users.id, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.email, email.trim().toLowerCase()))
    .get();
  return user && !user.disabledAt ? user.id : undefined;
}

/** Link an OpenID Connect account to the registered user with its (verified) e-mail. */
function linkOidcAccount(email: unknown, emailVerified: unknown, providerAccountId: string): string | undefined {
  if (emailVerified === false) return undefined;
  const userId = findActiveUserId(email);
  if (!userId) return undefined;
  const db = getDb();
  const linked = db
    .select({ userId: accounts.userId })
    .from(accounts)
    .where(and(eq(accounts.provider, OIDC_PROVIDER_ID), eq(accounts.providerAccountId, providerAccountId)))
    .get();
  if (linked) return linked.userId === userId ? userId : undefined;
  db.insert(accounts).values({ userId, type: "oidc", provider: OIDC_PROVIDER_ID, providerAccountId }).run();
  return userId;
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => config());
