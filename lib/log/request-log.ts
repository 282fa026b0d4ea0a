import { randomUUID } from "node:crypto";
import diagnosticsChannel from "node:diagnostics_channel";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { logger } from "./logger";

export const REQUEST_ID_HEADER = "x-request-id";

/** A request id from a proxy in front is kept when it looks like one; otherwise a new one is made. */
const ACCEPTABLE_ID = /^[\w.:@-]{8,128}$/;

export function requestIdFrom(value: string | string[] | null | undefined): string {
  const given = Array.isArray(value) ? value[0] : value;
  return given && ACCEPTABLE_ID.test(given) ? given : randomUUID();
}

/** The request id of a Request seen by a route handler or server function (set by the HTTP layer). */
export function requestIdOf(request: unknown): string | undefined {
  if (request instanceof Request) return request.headers.get(REQUEST_ID_HEADER) ?? undefined;
  return undefined;
}

/** What the HTTP layer is doing: the servers seen and the requests in flight (for graceful shutdown). */
export type HttpActivity = {
  servers: Set<Server>;
  inFlight: () => number;
  /** Resolves once no request is in flight. */
  idle: () => Promise<void>;
};

type State = { activity: HttpActivity; listeners: Set<() => void>; count: number };
const STATE = Symbol.for("fjordcat.log.http");
type Holder = { [STATE]?: State };

/** Quiet paths: static assets and health probes are logged at debug level only. */
function isQuiet(pathname: string): boolean {
  return pathname.startsWith("/_next/") || pathname === "/api/health" || pathname === "/favicon.ico";
}

/**
 * Give every HTTP request of this process an `x-request-id` (kept from a proxy in front, or new),
 * echo it on the response, and log one line per request when it ends: method, path (never the
 * query string, which may hold what people searched for), status, duration and bytes. It hooks
 * Node's own `http.server.request.start` diagnostics channel, so it works under `next start`
 * without a custom server; the request id header is set before Next.js reads the request, so
 * route handlers see it (`requestIdOf(request)`). Installed once per process.
 */
export function installRequestLogging(): HttpActivity {
  const holder = globalThis as Holder;
  if (holder[STATE]) return holder[STATE].activity;
  const log = logger("http");
  const state: State = {
    count: 0,
    listeners: new Set(),
    activity: {
      servers: new Set(),
      inFlight: () => state.count,
      idle: () =>
        state.count === 0
          ? Promise.resolve()
          : new Promise<void>((resolve) => {
              state.listeners.add(resolve);
            }),
    },
  };
  holder[STATE] = state;

  diagnosticsChannel.subscribe("http.server.request.start", (message) => {
    const { request, response, server } = message as { request: IncomingMessage; response: ServerResponse; server: Server };
    state.activity.servers.add(server);
    const requestId = requestIdFrom(request.headers[REQUEST_ID_HEADER]);
    request.headers[REQUEST_ID_HEADER] = requestId;
    response.setHeader(REQUEST_ID_HEADER, requestId);
    const started = performance.now();
    state.count += 1;
    response.once("close", () => {
      state.count -= 1;
      const pathname = (request.url ?? "/").split("?")[0] ?? "/";
      const status = response.statusCode;
      const line = {
        requestId,
        method: request.method,
        path: pathname,
        status,
        ms: Math.round((performance.now() - started) * 10) / 10,
        bytes: Number(response.getHeader("content-length")) || undefined,
        ...(response.writableFinished ? {} : { aborted: true }),
      };
      if (status >= 500) log.error(line, "request failed");
      else if (isQuiet(pathname)) log.debug(line, "request");
      else log.info(line, "request");
      if (state.count === 0) {
        for (const resolve of state.listeners) resolve();
        state.listeners.clear();
      }
    });
  });
  return state.activity;
}
