import { afterEach, describe, expect, it } from "vitest";
import { withBulkWrite } from "@/lib/harvest/bulk-write";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

/**
 * The connection settings of a harvest's write (lib/harvest/bulk-write.ts): statements reused, and
 * savepoint journals in memory, which must still roll a record back whole, and are put back after.
 */
let t: TestDatabase | undefined;
afterEach(() => {
  t?.cleanup();
  t = undefined;
});

const tempStore = (t: TestDatabase) => t.db.$client.pragma("temp_store", { simple: true });

describe("withBulkWrite", () => {
  it("reuses statements and keeps savepoint journals in memory while it runs, then puts the connection back", () => {
    t = createTestDatabase();
    const client = t.db.$client;
    const before = tempStore(t);
    expect(before).toBe(0);
    withBulkWrite(client, () => {
      expect(client.prepare("select 1")).toBe(client.prepare("select 1"));
      expect(tempStore(t!)).toBe(2);
    });
    expect(tempStore(t)).toBe(before);
    expect(client.prepare("select 1")).not.toBe(client.prepare("select 1"));
  });

  it("puts the connection back when the write throws", () => {
    t = createTestDatabase();
    const client = t.db.$client;
    expect(() =>
      withBulkWrite(client, () => {
        throw new Error("boom");
      }),
    ).toThrow("boom");
    expect(tempStore(t)).toBe(0);
    expect(client.prepare("select 1")).not.toBe(client.prepare("select 1"));
  });

  it("rolls back a savepoint that changed far more than the 64 KB SQLite keeps in memory by default", () => {
    t = createTestDatabase();
    const client = t.db.$client;
    client.exec("create table bulk_probe (id integer primary key, body text not null)");
    const insert = client.prepare("insert into bulk_probe (body) values (?)");
    const count = () => client.prepare("select count(*) from bulk_probe").pluck().get();
    const body = "x".repeat(3000);
    withBulkWrite(client, () => {
      client.transaction(() => {
        for (let i = 0; i < 200; i++) insert.run(body);
        client.prepare("savepoint record").run();
        // Rewrites the 200 rows' pages and adds ~1.5 MB: every page journalled.
        client.prepare("update bulk_probe set body = 'y'").run();
        for (let i = 0; i < 500; i++) insert.run(body);
        expect(count()).toBe(700);
        client.prepare("rollback to record").run();
        client.prepare("release record").run();
      })();
    });
    expect(count()).toBe(200);
    expect(client.prepare("select count(*) from bulk_probe where body = ?").pluck().get(body)).toBe(200);
  });
});
