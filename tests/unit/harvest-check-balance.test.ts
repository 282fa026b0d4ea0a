import { describe, expect, it } from "vitest";
import { CHECK_WHEN_WAITING, CheckBalance, COUNTER, COUNTERS, SPARE_SHARE, WINDOW_MS, WriterWaits } from "@/lib/harvest/gather-protocol";

/**
 * Which thread checks a mapped record (lib/harvest/gather-protocol.ts): the writer when it has
 * recently waited for records or has a short backlog, the parse worker otherwise.
 */
function setup() {
  const counters = new Int32Array(new SharedArrayBuffer(COUNTERS * Int32Array.BYTES_PER_ELEMENT));
  let clock = 1_000;
  const balance = new CheckBalance(counters, () => clock);
  const waits = new WriterWaits(counters);
  return {
    counters,
    balance,
    waits,
    advance: (ms: number) => (clock += ms),
    setBacklog: (n: number) => {
      Atomics.store(counters, COUNTER.posted, Atomics.load(counters, COUNTER.consumed) + n);
    },
  };
}

describe("CheckBalance", () => {
  it("leaves the first records to the writer, which has nothing to do yet", () => {
    const { balance, setBacklog } = setup();
    setBacklog(MAX_BACKLOG);
    expect(balance.defer()).toBe(true);
  });

  it("checks in the worker when the writer did not wait in the last window and has a backlog", () => {
    const { balance, advance, setBacklog } = setup();
    advance(WINDOW_MS);
    setBacklog(CHECK_WHEN_WAITING);
    expect(balance.defer()).toBe(false);
    // A short backlog: the writer is about to wait.
    setBacklog(CHECK_WHEN_WAITING - 1);
    expect(balance.defer()).toBe(true);
  });

  it("leaves records to the writer for a window after one in which it waited, whatever its backlog", () => {
    const { balance, waits, advance, setBacklog } = setup();
    advance(WINDOW_MS);
    setBacklog(MAX_BACKLOG);
    expect(balance.defer()).toBe(false);
    // It waited SPARE_SHARE of the next window, in pieces of less than a millisecond.
    const pieces = Math.ceil((WINDOW_MS * SPARE_SHARE) / 0.25);
    for (let i = 0; i < pieces; i++) waits.add(0.25);
    advance(WINDOW_MS / 2);
    expect(balance.defer()).toBe(false); // (decided when the window ends)
    advance(WINDOW_MS / 2);
    expect(balance.defer()).toBe(true);
    advance(WINDOW_MS - 1);
    expect(balance.defer()).toBe(true);
    // A window without waiting: the backlog decides again.
    advance(1);
    expect(balance.defer()).toBe(false);
  });

  it("does not count waits under SPARE_SHARE of the window", () => {
    const { balance, waits, advance, setBacklog } = setup();
    setBacklog(MAX_BACKLOG);
    waits.add(WINDOW_MS * SPARE_SHARE - 1);
    advance(WINDOW_MS);
    expect(balance.defer()).toBe(false);
  });

  it("reads the writer's waiting across a wrap of the counter", () => {
    const { counters, balance, advance, setBacklog } = setup();
    setBacklog(MAX_BACKLOG);
    Atomics.store(counters, COUNTER.waitedMs, 2 ** 31 - 5);
    advance(WINDOW_MS);
    balance.defer(); // (the window in which the counter jumped)
    advance(WINDOW_MS);
    expect(balance.defer()).toBe(false);
    Atomics.add(counters, COUNTER.waitedMs, WINDOW_MS); // wraps to a negative Int32
    expect(Atomics.load(counters, COUNTER.waitedMs)).toBeLessThan(0);
    advance(WINDOW_MS);
    expect(balance.defer()).toBe(true);
  });
});

describe("WriterWaits", () => {
  it("adds whole milliseconds to the counter and carries the rest", () => {
    const { counters, waits } = setup();
    waits.add(0.4);
    waits.add(0.4);
    expect(Atomics.load(counters, COUNTER.waitedMs)).toBe(0);
    waits.add(0.4);
    expect(Atomics.load(counters, COUNTER.waitedMs)).toBe(1);
    waits.add(2.9);
    expect(Atomics.load(counters, COUNTER.waitedMs)).toBe(4);
  });
});

const MAX_BACKLOG = 64;
