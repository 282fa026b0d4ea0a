import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";

describe("environment", () => {
  it("has working defaults for the embedded demo", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBe("file:./data/catalogue.db");
    expect(env.PORT).toBe(3000);
    expect(env.SEED_DEMO).toBe(true);
  });
  it("requires AUTH_SECRET in production, with a message that says what to do", () => {
    const attempt = () => parseEnv({ NODE_ENV: "production" });
    expect(attempt).toThrow(EnvError);
    expect(attempt).toThrow(/AUTH_SECRET is required in production/);
    expect(() => parseEnv({ NODE_ENV: "production", AUTH_SECRET: "x".repeat(40) })).not.toThrow();
  });
  it("names every bad variable at once", () => {
    try {
      parseEnv({ PORT: "http", SEED_DEMO: "maybe", BASE_URL: "ftp://example.org" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError);
      const { problems } = error as EnvError;
      expect(problems.some((p) => p.startsWith("PORT"))).toBe(true);
      expect(problems.some((p) => p.startsWith("SEED_DEMO"))).toBe(true);
      expect(problems.some((p) => p.startsWith("BASE_URL"))).toBe(true);
    }
  });
  it("refuses a PostgreSQL URL for now with an explanation", () => {
    expect(() => parseEnv({ DATABASE_URL: "postgres://db/catalogue" })).toThrow(/not supported yet/);
  });
  it("treats empty strings as unset", () => {
    expect(parseEnv({ ADMIN_EMAIL: "", PORT: "" }).PORT).toBe(3000);
  });
});
