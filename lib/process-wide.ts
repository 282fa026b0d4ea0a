/**
 * State that every bundle of the server must share. Next.js gives the instrumentation hook, route
 * handlers and pages each their own copy of a module, so a module-level cache would be built once
 * per bundle (the search index at 1,000,000 datasets took 15 s and 0.5 GB, twice or three times,
 * each time blocking the requests behind it). Kept on globalThis under a registered symbol.
 */
export function processWide<T>(name: string, create: () => T): T {
  const holder = globalThis as Record<symbol, unknown>;
  const key = Symbol.for(`fjordcat.${name}`);
  if (!(key in holder)) holder[key] = create();
  return holder[key] as T;
}
