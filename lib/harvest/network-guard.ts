import dns from "node:dns";
import net from "node:net";
import { AppError } from "@/lib/errors";

/**
 * Harvest requests never reach the portal's own network unless HARVEST_ALLOW_PRIVATE_NETWORK is
 * set: the address a host name resolves to is checked at connect time (a `lookup` hook on the
 * socket), so a DNS answer that changes between a check and the request cannot slip through.
 */

const V4_BLOCKS: ReadonlyArray<readonly [string, number]> = [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
];

const V6_BLOCKS: ReadonlyArray<readonly [string, number]> = [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
];

const blockList = new net.BlockList();
for (const [address, prefix] of V4_BLOCKS) blockList.addSubnet(address, prefix, "ipv4");
for (const [address, prefix] of V6_BLOCKS) blockList.addSubnet(address, prefix, "ipv6");

/** Loopback, private (RFC 1918, ULA), link-local, CGNAT, multicast or unspecified addresses. */
export function isPrivateAddress(address: string): boolean {
  const family = net.isIPv4(address) ? "ipv4" : net.isIPv6(address) ? "ipv6" : null;
  if (!family) return true;
  if (family === "ipv6") {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped?.[1]) return blockList.check(mapped[1], "ipv4");
  }
  return blockList.check(address, family);
}

export function privateNetworkError(host: string, address: string): AppError {
  return new AppError(
    "forbidden",
    `Refused: ${host} resolves to ${address}, a loopback or private network address (set HARVEST_ALLOW_PRIVATE_NETWORK=true to allow it)`,
  );
}

/** A literal IP host that is private, checked before connecting (the lookup hook is not called for IPs). */
export function assertPublicHost(hostname: string, allowPrivateNetwork: boolean): void {
  const host = hostname.replace(/^\[|\]$/g, "");
  if (!allowPrivateNetwork && net.isIP(host) && isPrivateAddress(host)) throw privateNetworkError(host, host);
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

/** `dns.lookup` for http.request that refuses private addresses unless they are allowed. */
export function guardedLookup(allowPrivateNetwork: boolean) {
  return (hostname: string, options: dns.LookupOptions, callback: LookupCallback): void => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "");
      const list = addresses as dns.LookupAddress[];
      if (!allowPrivateNetwork) {
        const bad = list.find((a) => isPrivateAddress(a.address));
        if (bad) return callback(privateNetworkError(hostname, bad.address) as unknown as NodeJS.ErrnoException, "");
      }
      if (options.all) return callback(null, list);
      const first = list[0];
      if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: "ENOTFOUND" }), "");
      callback(null, first.address, first.family);
    });
  };
}
