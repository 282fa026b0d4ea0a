import { describe, expect, it } from "vitest";
import { createLogger } from "@/lib/log/logger";
import { requestIdFrom } from "@/lib/log/request-log";
import { storageError } from "@/lib/operations/storage-errors";

function capture() {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({ level: "info", production: true, destination: { write: (line: string) => void lines.push(JSON.parse(line)) } });
  return { logger, lines };
}

describe("logs", () => {
  it("are JSON lines with level names, and never carry credentials or e-mail addresses", () => {
    const { logger, lines } = capture();
    logger.child({ component: "http" }).info(
      {
        requestId: "req-12345678",
        headers: { authorization: "Bearer fjc_secret", cookie: "authjs.session-token=abc", accept: "text/html" },
        password: "correct-horse",
        token: "fjc_other",
        email: "kari@example.org",
        user: { email: "ola@example.org", password: "pw" },
        body: { contactPoint: { email: "geodata@alesund.kommune.no", name: "Geodata" } },
      },
      "request",
    );
    expect(lines).toHaveLength(1);
    const line = JSON.stringify(lines[0]);
    for (const secret of ["fjc_secret", "session-token", "correct-horse", "fjc_other", "example.org", "alesund.kommune.no", '"pw"']) {
      expect(line).not.toContain(secret);
    }
    expect(lines[0]).toMatchObject({ level: "info", component: "http", requestId: "req-12345678", msg: "request", headers: { accept: "text/html" } });
  });

  it("keep a sane request id from a proxy in front and replace anything else", () => {
    expect(requestIdFrom("lb-2f9c1e7a-0001")).toBe("lb-2f9c1e7a-0001");
    for (const bad of [undefined, "", "short", "has space in it", "x".repeat(200), "<script>alert(1)</script>"]) {
      expect(requestIdFrom(bad)).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});

describe("storage errors", () => {
  it("turn a full disk, a read-only file or a held lock into a 503 that says so, and leave other errors alone", () => {
    const sqlite = (code: string) => Object.assign(new Error(code), { code });
    expect(storageError(sqlite("SQLITE_FULL"))).toMatchObject({ status: 503, message: expect.stringContaining("storage is full") });
    expect(storageError(sqlite("SQLITE_READONLY_DBMOVED"))).toMatchObject({ status: 503, message: expect.stringContaining("read-only") });
    expect(storageError(sqlite("SQLITE_BUSY"))).toMatchObject({ status: 503, message: expect.stringContaining("Try again") });
    expect(storageError(sqlite("SQLITE_IOERR_WRITE"))).toMatchObject({ status: 503 });
    expect(storageError(sqlite("SQLITE_CONSTRAINT_UNIQUE"))).toBeNull();
    expect(storageError(new TypeError("x"))).toBeNull();
  });

  it("are found inside the errors that wrap them (drizzle's query errors carry the SQLite error as their cause)", () => {
    const full = Object.assign(new Error("database or disk is full"), { code: "SQLITE_FULL" });
    const wrapped = new Error("Failed to run the query 'insert into dataset_search …'", { cause: full });
    expect(storageError(wrapped)).toMatchObject({ status: 503, message: expect.stringContaining("storage is full") });
    expect(storageError(new Error("outer", { cause: wrapped }))).toMatchObject({ status: 503 });
    expect(storageError(new Error("x", { cause: new TypeError("y") }))).toBeNull();
  });
});
