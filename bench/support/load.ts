import autocannon from "autocannon";

export type LoadResult = { requests: number; rps: number; p50: number; p95: number; p99: number; errors: number; non2xx: number };

/**
 * Drive a server with autocannon at `connections` concurrent connections for `seconds`, cycling
 * through `paths`, and report throughput and latency percentiles (p95 computed from every
 * response's time, which autocannon's summary does not give).
 *
 * All connections share one cursor into `paths`: each request takes the next path, so a list of
 * N distinct paths is served N apart. (With autocannon's own `requests` list every connection
 * walks the list from the start in step with the others, so 15 of 16 connections asked for a path
 * another had just asked for: a run meant to miss the server's result cache hit it instead.)
 */
export async function runLoad(
  baseUrl: string,
  paths: readonly string[],
  {
    connections = 16,
    seconds = 15,
    amount,
    headers,
  }: { connections?: number; seconds?: number; /** Stop after this many requests instead. */ amount?: number; headers?: Record<string, string> } = {},
): Promise<LoadResult> {
  const times: number[] = [];
  let cursor = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: baseUrl,
        connections,
        ...(amount ? { amount } : { duration: seconds }),
        ...(headers && { headers }),
        requests: [{ method: "GET", setupRequest: (request) => ({ ...request, path: paths[cursor++ % paths.length]! }) }],
      },
      (error, outcome) => (error ? reject(error) : resolve(outcome)),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => {
      times.push(responseTime);
    });
  });
  times.sort((a, b) => a - b);
  const at = (q: number) => Math.round((times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? NaN) * 10) / 10;
  return {
    requests: result.requests.total,
    rps: result.requests.average,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}
