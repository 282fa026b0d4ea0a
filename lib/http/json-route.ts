import { AppError } from "@/lib/errors";

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
 * Wrap a JSON route handler: an AppError becomes its JSON error and status; anything else is
 * logged and answered with a generic 500 that leaks nothing.
 */
export function withJsonErrors<A extends unknown[]>(handler: (...args: A) => Response | Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      if (error instanceof AppError) return errorResponse(error);
      console.error(error);
      return errorResponse(new AppError("internal", "Something went wrong on our side; it has been logged"));
    }
  };
}
