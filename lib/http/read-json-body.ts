import { AppError } from "@/lib/errors";

/** The largest JSON body a write accepts: a dataset with hundreds of distributions fits well within it. */
export const MAX_JSON_BODY_BYTES = 1024 * 1024;

/**
 * Read a request's JSON body: 415 unless it is JSON, 413 past `maxBytes` (counted while reading,
 * so a lying Content-Length does not help), 400 when it does not parse.
 */
export async function readJsonBody(request: Request, maxBytes = MAX_JSON_BODY_BYTES): Promise<unknown> {
  const text = await readTextBody(request, { types: /^application\/([\w.+-]+\+)?json\b/i, maxBytes });
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("bad_request", "The body is not valid JSON");
  }
}

/** Read a request's body as UTF-8 text: 415 unless its Content-Type matches `types`, 413 past `maxBytes`. */
export async function readTextBody(request: Request, { types, maxBytes }: { types: RegExp; maxBytes: number }): Promise<string> {
  const type = request.headers.get("content-type") ?? "";
  if (!types.test(type)) {
    throw new AppError("unsupported_media_type", `This Content-Type is not accepted here: ${type || "(none)"}`);
  }
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) throw new AppError("bad_request", "The request has no body");
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

const tooLarge = (maxBytes: number) =>
  new AppError("payload_too_large", `The body is larger than ${Math.round(maxBytes / 1024)} KiB`);
