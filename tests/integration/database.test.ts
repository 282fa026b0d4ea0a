import { describe, expect, it } from "vitest";
import { getMigrationState, migrateDatabase } from "@/db/migrate";
import journal from "@/db/migrations/meta/_journal.json";
import { closeDb, getDb } from "@/lib/database";
import { resetEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { createTestDatabase } from "../helpers/test-database";

describe("database connection", () => {
  it("uses WAL, foreign keys and a busy timeout", () => {
    const t = createTestDatabase();
    try {
      expect(t.db.$client.pragma("journal_mode", { simple: true })).toBe("wal");
      expect(t.db.$client.pragma("foreign_keys", { simple: true })).toBe(1);
      expect(t.db.$client.pragma("busy_timeout", { simple: true })).toBe(5000);
    } finally {
      t.cleanup();
    }
  });

  it("tracks migrations: none applied, then all, and applying again changes nothing", () => {
    const t = createTestDatabase({ migrate: false });
    try {
      expect(getMigrationState(t.db)).toEqual({ applied: 0, expected: journal.entries.length, upToDate: false });
      migrateDatabase(t.db);
      expect(getMigrationState(t.db).upToDate).toBe(true);
      migrateDatabase(t.db);
      expect(getMigrationState(t.db).applied).toBe(journal.entries.length);
    } finally {
      t.cleanup();
    }
  });

  it("refuses to serve from an unmigrated database with a message that says what to run", () => {
    const t = createTestDatabase({ migrate: false });
    const previous = process.env.DATABASE_URL;
    process.env.DATABASE_URL = `file:${t.file}`;
    resetEnv();
    try {
      expect(() => getDb()).toThrow(AppError);
      expect(() => getDb()).toThrow(/is not migrated \(0 of \d+ migrations applied\)\. Run `npm run migrate`/);
    } finally {
      closeDb();
      process.env.DATABASE_URL = previous;
      resetEnv();
      t.cleanup();
    }
  });
});
