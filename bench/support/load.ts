import autocannon from "autocannon";

export type LoadResult = { requests: number; rps: number; p50: number; p95: number; p99: number; errors: number; non2xx: number };

/**
 * Drive a server with autocannon at `connections` concurrent connections for `seconds`, cycling
 * through `paths`, and report throughput and latency percentiles (p95 computed from every
 * response's time, which autocannon's summary does not give).
 */
export async function runLoad(baseUrl: string, paths: readonly string[], { connections = 16, seconds = 15 } = {}): Promise<LoadResult> {
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url: baseUrl, connections, duration: seconds, requests: paths.map((path) => ({ method: "GET", path })) },
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
