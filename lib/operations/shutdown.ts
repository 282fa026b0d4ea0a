import type { HttpActivity } from "@/lib/log/request-log";
import { logger } from "@/lib/log/logger";

export type ShutdownHook = { name: string; run: () => void | Promise<void> };

type Registry = { hooks: ShutdownHook[]; installed: boolean; started: boolean };
const REGISTRY = Symbol.for("fjordcat.operations.shutdown");
type Holder = { [REGISTRY]?: Registry };

function registry(): Registry {
  const holder = globalThis as Holder;
  holder[REGISTRY] ??= { hooks: [], installed: false, started: false };
  return holder[REGISTRY];
}

/**
 * Something to do on shutdown once no request is in flight: stop a scheduler (waiting for its
 * running job), close the database. Hooks run in reverse order of registration, so what was
 * started last stops first and the database, opened first, closes last.
 */
export function onShutdown(name: string, run: ShutdownHook["run"]): void {
  registry().hooks.push({ name, run });
}

export type GracefulShutdownOptions = {
  activity: HttpActivity;
  /** After this long, requests still running are cut off and the jobs are not waited for any longer. */
  timeoutMs?: number;
  exit?: (code: number) => void;
};

function withTimeout(promise: Promise<unknown>, ms: number): Promise<"done" | "timeout"> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve("timeout"), ms);
    timer.unref();
    promise.then(
      () => {
        clearTimeout(timer);
        resolve("done");
      },
      () => {
        clearTimeout(timer);
        resolve("done");
      },
    );
  });
}

/**
 * Stop the server process gracefully: stop accepting connections, let the requests in flight
 * finish, run the shutdown hooks (background jobs finish their current run, the database
 * closes), then exit 0. Repeated signals (Ctrl-C reaches the whole process group) are ignored.
 */
export async function shutDown(signal: string, { activity, timeoutMs = 25_000, exit = process.exit }: GracefulShutdownOptions): Promise<void> {
  const state = registry();
  if (state.started) return;
  state.started = true;
  const log = logger("shutdown");
  const deadline = Date.now() + timeoutMs;
  log.info({ signal, inFlight: activity.inFlight() }, "shutting down: no new connections, finishing requests in flight");

  const closed = Promise.all(
    [...activity.servers].map((server) => new Promise<void>((resolve) => server.close(() => resolve()))),
  );
  const drained = await withTimeout(activity.idle(), Math.max(0, deadline - Date.now()));
  if (drained === "timeout") log.warn({ inFlight: activity.inFlight() }, "requests still running at the deadline are cut off");
  // Keep-alive connections that are now idle would hold `close` open: end them.
  for (const server of activity.servers) server.closeAllConnections();
  await withTimeout(closed, 1_000);

  let code = 0;
  for (const hook of [...state.hooks].reverse()) {
    const started = performance.now();
    try {
      const result = await withTimeout(Promise.resolve().then(hook.run), Math.max(1_000, deadline - Date.now()));
      if (result === "timeout") {
        log.warn({ hook: hook.name }, "shutdown step did not finish in time");
        code = 1;
      } else {
        log.info({ hook: hook.name, ms: Math.round(performance.now() - started) }, "shutdown step done");
      }
    } catch (error) {
      log.error({ hook: hook.name, err: error }, "shutdown step failed");
      code = 1;
    }
  }
  log.info({ code }, "stopped");
  exit(code);
}

/**
 * Handle SIGTERM and SIGINT in the server process. Under `next start` this needs
 * NEXT_MANUAL_SIG_HANDLE=true (set by `npm start`), or Next.js's own handler exits first.
 */
export function installGracefulShutdown(options: GracefulShutdownOptions): void {
  const state = registry();
  if (state.installed) return;
  state.installed = true;
  if (!process.env.NEXT_MANUAL_SIG_HANDLE) {
    logger("shutdown").warn(
      "NEXT_MANUAL_SIG_HANDLE is not set: Next.js may exit on SIGTERM before background jobs finish; start with `npm start`",
    );
  }
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.on(signal, () => void shutDown(signal, options));
  }
}
