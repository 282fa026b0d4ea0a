/** When a source is next due, from its schedule; manual sources are never due. */
export type Schedule = "manual" | "hourly" | "daily" | "weekly";

const INTERVAL_MS: Record<Exclude<Schedule, "manual">, number> = {
  hourly: 60 * 60 * 1000,
  daily: 24 * 60 * 60 * 1000,
  weekly: 7 * 24 * 60 * 60 * 1000,
};

export function nextRunAfter(schedule: Schedule, from: Date): string | null {
  if (schedule === "manual") return null;
  return new Date(from.getTime() + INTERVAL_MS[schedule]).toISOString();
}
