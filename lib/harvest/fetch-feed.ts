import fs from "node:fs";
import http from "node:http";
import https from "node:https";
import path from "node:path";
import type { Readable } from "node:stream";
import { pathToFileURL } from "node:url";
import { AppError } from "@/lib/errors";
import { assertPublicHost, guardedLookup } from "./network-guard";

/**
 * Reading a feed: an http(s) URL (redirects followed, each hop checked), or a local file for the
 * CLI. Every read has a deadline covering the whole body and a maximum size; both fail the job
 * with a clear message. Bodies are streamed, never buffered whole (except JSON, which needs it).
 */

export type FetchLimits = {
  /** The whole request, body included. */
  timeoutMs: number;
  maxBytes: number;
  allowPrivateNetwork: boolean;
  /** Local files are read only when the caller allows it (the CLI does; the server never). */
  allowFiles?: boolean;
};

export type FeedBody = {
  /** The final URL after redirects (or the file's file: URL). */
  url: string;
  /** The media type without parameters, lower case; "" when the server gave none. */
  contentType: string;
  chunks: AsyncIterable<Buffer>;
};

const MAX_REDIRECTS = 5;

const ACCEPT =
  "text/turtle, application/rdf+xml;q=0.9, application/ld+json;q=0.9, application/n-triples;q=0.8, application/trig;q=0.8, application/n-quads;q=0.8, application/json;q=0.7, */*;q=0.1";

export class FeedError extends AppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("unprocessable_entity", message, options);
    this.name = "FeedError";
  }
}

export function isHttpUrl(location: string): boolean {
  return /^https?:\/\//i.test(location);
}

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/** Chunks of a stream, refusing more than `maxBytes` and anything after the deadline. */
async function* limited(stream: Readable, limits: FetchLimits, deadline: number, what: string, onDone: () => void): AsyncGenerator<Buffer> {
  let bytes = 0;
  const remaining = Math.max(1, deadline - Date.now());
  const timer = setTimeout(() => stream.destroy(new FeedError(`${what}: no complete answer within ${Math.round(limits.timeoutMs / 1000)} s (timeout)`)), remaining);
  try {
    for await (const chunk of stream) {
      const buffer = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
      bytes += buffer.length;
      if (bytes > limits.maxBytes) {
        throw new FeedError(`${what} is larger than the maximum of ${megabytes(limits.maxBytes)} (too large)`);
      }
      yield buffer;
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new FeedError(`${what}: the connection failed while reading (${(error as Error).message}); the feed may be truncated`, { cause: error });
  } finally {
    clearTimeout(timer);
    stream.destroy();
    onDone();
  }
}

function request(url: URL, limits: FetchLimits, deadline: number): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === "https:" ? https : http;
    const req = client.request(
      url,
      {
        method: "GET",
        headers: { Accept: ACCEPT, "User-Agent": "Fjordcat harvester", "Accept-Encoding": "identity" },
        lookup: guardedLookup(limits.allowPrivateNetwork) as never,
        // A fresh connection per request: a kept-alive socket the server has just closed fails with ECONNRESET.
        agent: false,
      },
      resolve,
    );
    const timer = setTimeout(
      () => req.destroy(new FeedError(`${url.href}: no answer within ${Math.round(limits.timeoutMs / 1000)} s (timeout)`)),
      Math.max(1, deadline - Date.now()),
    );
    req.on("response", () => clearTimeout(timer));
    req.on("error", (error) => {
      clearTimeout(timer);
      if (error instanceof AppError) reject(error);
      else reject(new FeedError(`${url.href}: ${(error as NodeJS.ErrnoException).code ?? error.message} (the server could not be reached)`, { cause: error }));
    });
    req.end();
  });
}

/** Open a feed for reading: follows redirects, checks every hop's scheme and address. */
export async function openFeed(location: string, limits: FetchLimits): Promise<FeedBody> {
  if (!isHttpUrl(location)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(location) && !/^file:/i.test(location) && !/^[a-z]:\\/i.test(location)) {
      throw new AppError("bad_request", `Only http(s) URLs can be harvested, not ${location}`);
    }
    if (!limits.allowFiles) throw new AppError("bad_request", `Only http(s) URLs can be harvested, not ${location}`);
    return openFile(location.replace(/^file:(\/\/)?/i, ""), limits);
  }
  const deadline = Date.now() + limits.timeoutMs;
  let url = new URL(location);
  for (let hop = 0; ; hop++) {
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      throw new AppError("bad_request", `Only http(s) URLs can be harvested, not ${url.href}`);
    }
    assertPublicHost(url.hostname, limits.allowPrivateNetwork);
    const response = await request(url, limits, deadline);
    const status = response.statusCode ?? 0;
    if (status >= 300 && status < 400 && response.headers.location) {
      response.resume();
      if (hop >= MAX_REDIRECTS) throw new FeedError(`${location}: more than ${MAX_REDIRECTS} redirects`);
      url = new URL(response.headers.location, url);
      continue;
    }
    if (status !== 200) {
      response.resume();
      throw new FeedError(`${url.href} answered HTTP ${status}`);
    }
    const length = Number(response.headers["content-length"] ?? NaN);
    if (Number.isFinite(length) && length > limits.maxBytes) {
      response.destroy();
      throw new FeedError(`${url.href} is ${megabytes(length)}, more than the maximum of ${megabytes(limits.maxBytes)} (too large)`);
    }
    const contentType = (response.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
    const href = url.href;
    const chunks = limited(response, limits, deadline, href, () => undefined);
    // A declared length that the body does not reach means a cut connection: say so.
    return { url: href, contentType, chunks: Number.isFinite(length) ? checkLength(chunks, length, href) : chunks };
  }
}

async function* checkLength(chunks: AsyncIterable<Buffer>, expected: number, url: string): AsyncGenerator<Buffer> {
  let bytes = 0;
  for await (const chunk of chunks) {
    bytes += chunk.length;
    yield chunk;
  }
  if (bytes < expected) throw new FeedError(`${url}: the answer was cut off after ${bytes} of ${expected} bytes (truncated)`);
}

function openFile(file: string, limits: FetchLimits): FeedBody {
  const resolved = path.resolve(file);
  let size: number;
  try {
    size = fs.statSync(resolved).size;
  } catch {
    throw new AppError("not_found", `No such file: ${resolved}`);
  }
  if (size > limits.maxBytes) throw new FeedError(`${resolved} is ${megabytes(size)}, more than the maximum of ${megabytes(limits.maxBytes)} (too large)`);
  const stream = fs.createReadStream(resolved, { highWaterMark: 256 * 1024 });
  return { url: pathToFileURL(resolved).href, contentType: "", chunks: limited(stream, limits, Date.now() + limits.timeoutMs, resolved, () => undefined) };
}

/** The whole body as text (JSON formats need it whole; the size limit still applies). */
export async function readText(chunks: AsyncIterable<Buffer>): Promise<string> {
  const parts: Buffer[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts).toString("utf8");
}
