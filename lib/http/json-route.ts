import { AppError } from "@/lib/errors";
import { logger } from "@/lib/log/logger";
import { requestIdOf } from "@/lib/log/request-log";
import { storageError } from "@/lib/operations/storage-errors";

export const JSON_HEADERS = { "Content-Type": "application/json; charset=utf-8" } as const;

export function jsonResponse(body: unknown, init: ResponseInit = {}): Response {
  return new Response(JSON.stringify(body), {
    ...init,
    headers: { ...JSON_HEADERS, ...init.headers },
  });
}

/** `{ error: { code, message, fields? } }` with the status of the error's code. */
export function errorResponse(error: AppError): Response {
  return jsonResponse(error.toJSON(), { status: error.status });
}

/**
 * Wrap a JSON route handler: an AppError becomes its JSON error and status; a storage failure
 * (disk full, read-only, busy) a 503 that says so; anything else is logged with the request id
 * and answered with a generic 500 that leaks nothing.
 */
export function withJsonErrors<A extends unknown[]>(handler: (...args: A) => Response | Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      if (error instanceof AppError) return errorResponse(error);
      const requestId = requestIdOf(args[0]);
      const storage = storageError(error);
      if (storage) {
        logger("http").error({ err: error, requestId }, "write failed on storage");
        return errorResponse(storage);
      }
      logger("http").error({ err: error, requestId }, "unhandled error in route handler");
      return errorResponse(new AppError("internal", "Something went wrong on our side; it has been logged"));
    }
  };
}
