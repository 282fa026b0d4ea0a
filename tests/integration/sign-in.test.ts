import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { verifyCredentials } from "@/lib/auth/credentials";
import { hashPassword } from "@/lib/auth/password";
import { SIGN_IN_LIMITS } from "@/lib/auth/rate-limit";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

/** E-mail and password sign-in with its rate limits per account and per address. */
let t: TestDatabase;
beforeAll(async () => {
  t = createTestDatabase();
  t.db.insert(users).values([
    { email: "kari@example.org", passwordHash: await hashPassword("correct-horse-battery-staple") },
    { email: "ola@example.org", passwordHash: await hashPassword("correct-horse-battery-staple") },
    { email: "gone@example.org", passwordHash: await hashPassword("correct-horse-battery-staple"), disabledAt: "2026-01-01T00:00:00Z" },
  ]).run();
});
afterAll(() => t.cleanup());

const attempt = (email: string, password: string, address = "192.0.2.1") => verifyCredentials(t.db, { email, password }, address);

describe("sign-in", () => {
  it("accepts the right password (e-mail case and spaces don't matter)", async () => {
    const outcome = await attempt("  Kari@Example.org ", "correct-horse-battery-staple");
    expect(outcome).toMatchObject({ status: "ok", user: { email: "kari@example.org" } });
  });

  it("answers the same for a wrong password, an unknown e-mail and a disabled account", async () => {
    expect(await attempt("ola@example.org", "wrong", "192.0.2.9")).toEqual({ status: "invalid" });
    expect(await attempt("nobody@example.org", "wrong", "192.0.2.9")).toEqual({ status: "invalid" });
    expect(await attempt("gone@example.org", "correct-horse-battery-staple", "192.0.2.9")).toEqual({ status: "invalid" });
    expect(await attempt("not an e-mail", "x", "192.0.2.9")).toEqual({ status: "invalid" });
  });

  it("locks an account after repeated failures, even with the right password, from any address", async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.ACCOUNT_LIMIT; i++) await attempt("ola@example.org", `guess-${i}`, `198.51.100.${i}`);
    const locked = await attempt("ola@example.org", "correct-horse-battery-staple", "203.0.113.50");
    expect(locked.status).toBe("rate_limited");
    expect(locked.status === "rate_limited" && locked.retryAfterSeconds).toBeGreaterThan(0);
    expect((await attempt("kari@example.org", "correct-horse-battery-staple", "203.0.113.50")).status).toBe("ok");
  });

  it("limits one address trying many accounts", async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.ADDRESS_LIMIT; i++) await attempt(`spray-${i}@example.org`, "password123", "203.0.113.7");
    expect((await attempt("kari@example.org", "correct-horse-battery-staple", "203.0.113.7")).status).toBe("rate_limited");
    expect((await attempt("kari@example.org", "correct-horse-battery-staple", "203.0.113.8")).status).toBe("ok");
  });
});
