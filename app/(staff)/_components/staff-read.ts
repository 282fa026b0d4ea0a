import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors";

/**
 * Run a staff query for a page: its value, or `"forbidden"` when the command refuses the user
 * (the page then shows its 403 content). Not found becomes the 404 page; anything else is thrown.
 */
export async function staffRead<T>(read: () => T | Promise<T>): Promise<{ value: T } | "forbidden"> {
  try {
    return { value: await read() };
  } catch (error) {
    if (error instanceof AppError && (error.code === "forbidden" || error.code === "unauthorized")) return "forbidden";
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}
