import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** What the production build is made from: if any of it changes, `npm start` builds again. */
const INPUTS = ["app", "lib", "db", "public", "messages", "next.config.js", "tsconfig.json", "package-lock.json", "postcss.config.mjs"];
const SKIP = new Set(["node_modules", ".next", "migrations"]);
export const FINGERPRINT_FILE = path.join(".next", "fjordcat-build-fingerprint");

function* files(entry: string): Generator<string> {
  if (!fs.existsSync(entry)) return;
  const stat = fs.statSync(entry);
  if (stat.isFile()) {
    yield entry;
    return;
  }
  for (const name of fs.readdirSync(entry).sort()) {
    if (SKIP.has(name) || name.endsWith(".test.ts")) continue;
    yield* files(path.join(entry, name));
  }
}

/** A content hash of every build input (paths and bytes), independent of file times. */
export function computeBuildFingerprint(root = process.cwd()): string {
  const hash = createHash("sha256");
  for (const input of INPUTS) {
    for (const file of files(path.join(root, input))) {
      hash.update(path.relative(root, file));
      hash.update("\0");
      hash.update(fs.readFileSync(file));
      hash.update("\0");
    }
  }
  return hash.digest("hex");
}

export function isBuildCurrent(root = process.cwd()): boolean {
  const file = path.join(root, FINGERPRINT_FILE);
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID")) || !fs.existsSync(file)) return false;
  return fs.readFileSync(file, "utf8").trim() === computeBuildFingerprint(root);
}

export function recordBuildFingerprint(root = process.cwd()): void {
  fs.writeFileSync(path.join(root, FINGERPRINT_FILE), computeBuildFingerprint(root));
}
