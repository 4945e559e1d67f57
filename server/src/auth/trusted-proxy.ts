import { BlockList, isIP } from 'node:net';

/**
 * TRUST_PROXY entries: an IP address, a CIDR (IPv4 or IPv6) or `loopback` (127.0.0.0/8 and ::1).
 * Returns the problem with one entry, or null when it is valid.
 */
export function trustProxyEntryError(entry: string): string | null {
  if (entry === 'loopback') return null;
  const [addr, prefix, ...rest] = entry.split('/');
  const family = isIP(addr ?? '');
  if (family === 0 || rest.length > 0) return `"${entry}" không phải địa chỉ IP, CIDR hay "loopback"`;
  if (prefix !== undefined) {
    const bits = Number(prefix);
    if (!/^\d{1,3}$/.test(prefix) || bits > (family === 4 ? 32 : 128)) return `"${entry}": độ dài tiền tố không hợp lệ`;
  }
  return null;
}

export interface ProxyMatcher {
  (address: string): boolean;
}

/** Whether an address (as the socket or a forwarded header gives it) is one of the trusted proxies. */
export function proxyMatcher(entries: readonly string[]): ProxyMatcher {
  if (entries.length === 0) return () => false;
  const list = new BlockList();
  for (const entry of entries) {
    if (entry === 'loopback') {
      list.addSubnet('127.0.0.0', 8, 'ipv4');
      list.addAddress('::1', 'ipv6');
      continue;
    }
    const [addr, prefix] = entry.split('/') as [string, string | undefined];
    const type = isIP(addr) === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(addr, type);
    else list.addSubnet(addr, Number(prefix), type);
  }
  return (address) => {
    const a = normalizeAddress(address);
    const family = isIP(a);
    if (family === 0) return false;
    return list.check(a, family === 6 ? 'ipv6' : 'ipv4');
  };
}

/** `::ffff:10.0.0.1` (how a dual-stack socket reports IPv4) → `10.0.0.1`; `[::1]` → `::1`. */
export function normalizeAddress(address: string): string {
  let a = address.trim();
  if (a.startsWith('[') && a.includes(']')) a = a.slice(1, a.indexOf(']'));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a);
  return mapped ? mapped[1]! : a;
}

/**
 * The client behind a chain of proxies: walking X-Forwarded-For from the right (the hop nearest to
 * us), skip every trusted proxy; the first untrusted address is the client. Entries left of it were
 * written by the client itself and prove nothing.
 */
export function clientFromForwarded(peer: string, forwardedFor: string | undefined, trusted: ProxyMatcher): string {
  const direct = normalizeAddress(peer);
  if (!forwardedFor || !trusted(direct)) return direct;
  const hops = forwardedFor.split(',').map((h) => normalizeAddress(h)).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    if (isIP(hop) === 0) return direct; // garbage in the chain: do not guess past it
    if (!trusted(hop)) return hop;
  }
  // Every hop is a trusted proxy: the left-most is the origin.
  return hops[0] ?? direct;
}
