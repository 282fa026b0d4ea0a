import http from "node:http";
import type { AddressInfo } from "node:net";

export type Route = (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => void | Promise<void>;

export type TestFeedServer = { origin: string; close: () => Promise<void>; hits: string[] };

/** A real HTTP server on an ephemeral port of 127.0.0.1 for harvest tests; `route` answers every request. */
export async function startFeedServer(route: Route): Promise<TestFeedServer> {
  const hits: string[] = [];
  const sockets = new Set<import("node:net").Socket>();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    hits.push(url.pathname + url.search);
    Promise.resolve(route(req, res, url)).catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

export const CONTENT_TYPES: Record<string, string> = {
  rdf: "application/rdf+xml",
  ttl: "text/turtle",
  jsonld: "application/ld+json",
  json: "application/json",
  nt: "application/n-triples",
};
