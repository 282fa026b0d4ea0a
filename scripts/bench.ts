import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { runCli } from "./cli";

/**
 * `npm run bench [-- name …]`: run every bench/<name>.bench.ts (or the named ones). Each prints its
 * figures next to the reference it is measured against, as a ratio from the same run.
 */
runCli(async () => {
  const dir = path.resolve("bench");
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith("-"));
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".bench.ts"))
    .filter((f) => wanted.length === 0 || wanted.includes(f.replace(/\.bench\.ts$/, "")))
    .sort();
  if (files.length === 0) throw new Error(`No benchmark matches ${wanted.join(", ")}`);
  for (const file of files) {
    console.log(`\n=== ${file.replace(/\.bench\.ts$/, "")} ===`);
    const bench = (await import(pathToFileURL(path.join(dir, file)).href)) as { default: () => Promise<void> };
    await bench.default();
  }
});
