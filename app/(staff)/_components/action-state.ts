import { unstable_rethrow } from "next/navigation";
import { AppError, type ErrorCode, type FieldErrors } from "@/lib/errors";

/**
 * What a staff server action answers: the outcome, every field error keyed by dotted path
 * (`title.nb`, `distributions.1.accessURL`), a form-level error and the submitted values to show
 * again (never passwords). `secret` carries a value shown once (a new API token).
 */
export type ActionState = {
  status: "invalid" | "error" | "ok";
  fieldErrors?: FieldErrors;
  /** The error's code, so the page can say it in the reader's language. */
  code?: ErrorCode;
  formError?: string;
  values?: Record<string, string>;
  message?: string;
  secret?: string;
  /** Any structured result the page shows (the CSV dry run's report). */
  result?: unknown;
};

/**
 * The state for a failed command. Next.js control flow (redirect, notFound) is rethrown; errors
 * that are not AppErrors are logged and reported without their message.
 */
export function failureState(error: unknown, values?: Record<string, string>): ActionState {
  unstable_rethrow(error);
  if (error instanceof AppError) {
    if (error.code === "unprocessable_entity" && error.fields) {
      return { status: "invalid", code: error.code, fieldErrors: error.fields, formError: error.message, values };
    }
    return { status: "error", code: error.code, formError: error.message, values };
  }
  console.error("staff action failed", error);
  return { status: "error", code: "internal", values };
}

/**
 * The submitted text fields of a form, for sending back with the state. Fields named in `omit`
 * (passwords) are left out; files are never included.
 */
export function formValues(formData: FormData, omit: readonly string[] = []): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of formData.entries()) {
    if (typeof value === "string" && !name.startsWith("$") && !omit.includes(name)) values[name] = value;
  }
  return values;
}

/**
 * Dotted form field names (`name.nb`, `contact.email`) as a nested object; empty values are left
 * out so optional fields stay absent and the schema reports required ones. Values are trimmed,
 * except passwords.
 */
export function nestedInput(values: Record<string, string>, names: readonly string[]): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const name of names) {
    const raw = values[name] ?? "";
    if (raw.trim() === "") continue;
    const value = /password/i.test(name) ? raw : raw.trim();
    const path = name.split(".");
    let target = input;
    for (const key of path.slice(0, -1)) {
      target = (target[key] ??= {}) as Record<string, unknown>;
    }
    target[path[path.length - 1]!] = value;
  }
  return input;
}
