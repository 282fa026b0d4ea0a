import fs from "node:fs";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import type { Database } from "@/db/client";

/**
 * The feed's stored fragments: each published dataset's statements, as Turtle or N-Triples, written
 * once for each form a feed is asked in (profile, format, base URL, catalogue) and kept in an SQLite
 * file beside the database, so that a Hydra page is its head followed by 100 stored fragments
 * (about 1 ms) instead of 100 datasets loaded, run through the profiles and written (about 10 ms).
 *
 * - A fragment is kept with its dataset's stamp (lib/dcat/stored-fragments.ts: the dataset's, its
 *   publisher's and its data services' last changes), and used only while the stamp is the
 *   database's: an edit makes it stale, and it is written again the next time it is asked for.
 *   Nothing has to tell the store that something changed, so no write path can forget to.
 * - The file is named by the database's identity (migration 0007: random, set when the database
 *   is created) and by the code that writes fragments (the feed worker's bundle, see
 *   feed-worker.ts, and n3's version): a new database at the same path, or a new release that
 *   writes other text, starts from an empty file, and the old files are deleted.
 * - It is a cache, never the only copy of anything: it is not backed up, and when it cannot be
 *   opened or written (a read-only folder, a full disk, a damaged file), the feed is written from
 *   the database as before, with the error logged once.
 */

/** The folder beside a database file that its stored fragments are kept in. */
export function fragmentFolder(databaseFile: string): string {
  return `${databaseFile}.feed-fragments`;
}

/** The database's identity (migration 0007); undefined for a database migrated before it. */
export function databaseIdentityOf(db: Database): string | undefined {
  try {
    return (db.$client.prepare("select id from database_identity limit 1").pluck().get() as string | undefined) ?? undefined;
  } catch {
    return undefined;
  }
}

export type StoredFragment = { stamp: string; body: Uint8Array };

export class FragmentStore {
  private readonly db: BetterSqlite3.Database;
  private readonly variants = new Map<string, number>();
  private readonly statements: {
    variant: BetterSqlite3.Statement;
    addVariant: BetterSqlite3.Statement;
    read: BetterSqlite3.Statement;
    readStamps: BetterSqlite3.Statement;
    write: BetterSqlite3.Statement;
  };

  /** Open (or create) the store of `databaseFile` for this database identity and code version; older stores are deleted. */
  constructor(databaseFile: string, identity: string, codeVersion: string) {
    const folder = fragmentFolder(databaseFile);
    fs.mkdirSync(folder, { recursive: true });
    const name = `${safeName(identity)}-${safeName(codeVersion)}.sqlite`;
    for (const entry of fs.readdirSync(folder)) {
      // Another database's or another release's: never read again. (A server of another release
      // still running on the same database keeps its open file; it is only unlinked.)
      if (!entry.startsWith(name)) fs.rmSync(path.join(folder, entry), { force: true });
    }
    const file = path.join(folder, name);
    try {
      this.db = openStore(file);
    } catch (error) {
      // Damaged (not a database, or corrupt): a cache, so started again empty.
      if (!(error instanceof BetterSqlite3.SqliteError && /^SQLITE_(NOTADB|CORRUPT)/.test(error.code))) throw error;
      for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${file}${suffix}`, { force: true });
      this.db = openStore(file);
    }
    this.statements = {
      variant: this.db.prepare("select id from variants where key = ?").pluck(),
      addVariant: this.db.prepare("insert into variants (key) values (?) on conflict (key) do nothing"),
      // By id range: a page's published ids are a run of consecutive ids with few gaps.
      read: this.db.prepare("select dataset_id, stamp, body from fragments where variant = ? and dataset_id between ? and ?").raw(true),
      readStamps: this.db.prepare("select dataset_id, stamp from fragments where variant = ? and dataset_id between ? and ?").raw(true),
      write: this.db.prepare(
        `insert into fragments (variant, dataset_id, stamp, body) values (?, ?, ?, ?)
         on conflict (variant, dataset_id) do update set stamp = excluded.stamp, body = excluded.body`,
      ),
    };
  }

  private variantId(key: string): number {
    let id = this.variants.get(key);
    if (id === undefined) {
      this.statements.addVariant.run(key);
      id = this.statements.variant.get(key) as number;
      this.variants.set(key, id);
    }
    return id;
  }

  /** The stored fragments of these datasets in one variant, whatever their stamps. */
  read(variant: string, ids: readonly number[]): Map<number, StoredFragment> {
    const found = new Map<number, StoredFragment>();
    for (const [id, stamp, body] of this.rows<[number, string, Uint8Array]>(this.statements.read, variant, ids)) found.set(id, { stamp, body });
    return found;
  }

  /** The stamps of these datasets' stored fragments in one variant (without reading the fragments). */
  readStamps(variant: string, ids: readonly number[]): Map<number, string> {
    return new Map(this.rows<[number, string]>(this.statements.readStamps, variant, ids));
  }

  private rows<Row extends [number, ...unknown[]]>(statement: BetterSqlite3.Statement, variant: string, ids: readonly number[]): Row[] {
    if (ids.length === 0) return [];
    let low = ids[0]!;
    let high = low;
    for (const id of ids) {
      if (id < low) low = id;
      if (id > high) high = id;
    }
    const wanted = new Set(ids);
    return (statement.all(this.variantId(variant), low, high) as Row[]).filter((row) => wanted.has(row[0]));
  }

  /** Keep these fragments (in one transaction), replacing what was kept for the same datasets. */
  write(variant: string, fragments: ReadonlyMap<number, StoredFragment>): void {
    if (fragments.size === 0) return;
    const id = this.variantId(variant);
    this.db.transaction(() => {
      for (const [datasetId, { stamp, body }] of fragments) this.statements.write.run(id, datasetId, stamp, body);
    })();
  }

  /** How many fragments are kept, per variant key (tests, diagnostics). */
  counts(): Map<string, number> {
    const rows = this.db.prepare("select v.key, count(f.dataset_id) from variants v left join fragments f on f.variant = v.id group by v.id").raw(true).all() as [string, number][];
    return new Map(rows);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

function openStore(file: string): BetterSqlite3.Database {
  const db = new BetterSqlite3(file);
  try {
    // Two feed workers open and write it; one waits for the other's transaction (a few ms).
    db.pragma("busy_timeout = 5000");
    db.pragma("journal_mode = WAL");
    // A cache: an application crash loses nothing (WAL), and an operating-system crash at worst
    // loses recent fragments, which are written again when asked for.
    db.pragma("synchronous = NORMAL");
    db.exec(`
      create table if not exists variants (id integer primary key, key text not null unique);
      create table if not exists fragments (
        variant integer not null,
        dataset_id integer not null,
        stamp text not null,
        body blob not null,
        primary key (variant, dataset_id)
      );`);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** A file-name-safe form of an identity or version. */
function safeName(value: string): string {
  return value.replace(/[^A-Za-z0-9.]+/g, "_").slice(0, 64);
}
