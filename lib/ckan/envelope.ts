/**
 * CKAN's action API envelope (`{help, success, result}`) and its errors, as CKAN 2.10 answers them:
 * 400 "Bad request" for an unknown action or unreadable input, 404 "Not Found Error", 409
 * "Validation Error" (fields) and 409 "Search Query Error".
 */
export type CkanErrorType = "Bad Request" | "Not Found Error" | "Validation Error" | "Search Query Error";

const STATUS: Record<CkanErrorType, number> = {
  "Bad Request": 400,
  "Not Found Error": 404,
  "Validation Error": 409,
  "Search Query Error": 409,
};

export class CkanError extends Error {
  constructor(
    readonly type: CkanErrorType,
    message: string,
    readonly fields?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "CkanError";
  }

  get status(): number {
    return STATUS[this.type];
  }

  toJSON(): Record<string, unknown> {
    return this.type === "Validation Error"
      ? { __type: this.type, ...this.fields }
      : { __type: this.type, message: this.message };
  }
}

export const notFound = (what = "Not found") => new CkanError("Not Found Error", what);
export const validation = (field: string, message: string) =>
  new CkanError("Validation Error", `${field}: ${message}`, { [field]: [message] });

const CORS = { "Access-Control-Allow-Origin": "*" };

export function helpUrl(baseUrl: string, action: string): string {
  return `${baseUrl}/api/3/action/help_show?name=${encodeURIComponent(action)}`;
}

export function ckanResponse(baseUrl: string, action: string, result: unknown): Response {
  return new Response(JSON.stringify({ help: helpUrl(baseUrl, action), success: true, result }), {
    status: 200,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-cache", ...CORS },
  });
}

export function ckanErrorResponse(baseUrl: string, action: string, error: CkanError): Response {
  return new Response(JSON.stringify({ help: helpUrl(baseUrl, action), success: false, error: error.toJSON() }), {
    status: error.status,
    headers: { "Content-Type": "application/json; charset=utf-8", ...CORS },
  });
}
