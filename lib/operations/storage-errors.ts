import { AppError } from "@/lib/errors";

/**
 * SQLite failures that are about the storage, not the request: the disk (or DATABASE_MAX_SIZE_MB)
 * is full, the database file or its folder is read-only, the disk fails, or another process held
 * the write lock past the busy timeout. They become a 503 with a message an operator and a client
 * can act on, instead of a 500; nothing was saved, since the write transaction rolled back.
 * Anything else returns null (a bug: log it and answer 500). The SQLite error may come wrapped
 * (drizzle's query errors carry it as their cause): the causes are looked through.
 */
export function storageError(error: unknown): AppError | null {
  let code: unknown;
  for (let e = error, depth = 0; e && depth < 5 && code === undefined; e = (e as { cause?: unknown }).cause, depth++) {
    const own = (e as { code?: unknown }).code;
    if (typeof own === "string" && own.startsWith("SQLITE_")) code = own;
  }
  if (typeof code !== "string") return null;
  const options = { cause: error };
  if (code === "SQLITE_FULL") {
    return new AppError(
      "unavailable",
      "The catalogue's storage is full, so the change was not saved. Reading still works; try again after an operator has freed space.",
      options,
    );
  }
  if (code.startsWith("SQLITE_READONLY") || code === "SQLITE_CANTOPEN" || code === "SQLITE_PERM") {
    return new AppError(
      "unavailable",
      "The catalogue is read-only at the moment, so the change was not saved. Reading still works.",
      options,
    );
  }
  if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) {
    return new AppError("unavailable", "The catalogue is busy with another change; nothing was saved. Try again in a moment.", options);
  }
  if (code.startsWith("SQLITE_IOERR")) {
    return new AppError(
      "unavailable",
      "The catalogue could not write to its storage, so the change was not saved. Reading may still work.",
      options,
    );
  }
  return null;
}
