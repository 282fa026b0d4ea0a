/** Who performs a write: a signed-in user, or a named system actor ("seed", "harvest:3", "cli"). */
export type Actor = { userId?: string; label: string };

export const SYSTEM_ACTORS = {
  seed: { label: "seed" },
  cli: { label: "cli" },
} as const satisfies Record<string, Actor>;
