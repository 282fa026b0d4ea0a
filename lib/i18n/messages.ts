import type { Locale } from "./config";
import type nb from "@/messages/nb.json";

export type Messages = typeof nb;

/** The interface texts of one locale (messages/<locale>.json). */
export async function loadMessages(locale: Locale): Promise<Messages> {
  const loaded = locale === "en" ? await import("@/messages/en.json") : await import("@/messages/nb.json");
  return loaded.default;
}
