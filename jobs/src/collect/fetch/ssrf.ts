import { isIP } from 'node:net';

// SSRF guard: sources must be public. Loopback/private/link-local/CGNAT/
// multicast and friends are refused unless explicitly allowlisted.

function v4ToInt(ip: string): number {
  return ip.split('.').reduce((a, o) => (a << 8) + Number(o), 0) >>> 0;
}

const V4_BLOCKED: Array<[string, number]> = [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16],
  ['172.16.0.0', 12], ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15],
  ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
];

function inV4Cidr(ip: string, base: string, bits: number): boolean {
  const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
  return (v4ToInt(ip) & mask) === (v4ToInt(base) & mask);
}

function expandV6(ip: string): number[] | null {
  let s = ip.toLowerCase().replace(/%.*$/, '');
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (v4) {
    const n = v4ToInt(v4[1]!);
    s = s.slice(0, -v4[1]!.length) + ((n >>> 16).toString(16) + ':' + (n & 0xffff).toString(16));
  }
  const [head, tail] = s.split('::') as [string, string | undefined];
  const h = head ? head.split(':') : [];
  const t = tail !== undefined && tail ? tail.split(':') : [];
  const fill = tail !== undefined ? 8 - h.length - t.length : 0;
  const parts = [...h, ...Array(fill).fill('0'), ...t].map((x) => parseInt(x || '0', 16));
  return parts.length === 8 ? parts : null;
}

/** Is this IP literal a public unicast address? */
export function isPublicAddress(ip: string): boolean {
  const fam = isIP(ip);
  if (fam === 4) return !V4_BLOCKED.some(([b, n]) => inV4Cidr(ip, b, n));
  if (fam !== 6) return false;
  const p = expandV6(ip);
  if (!p) return false;
  if (p.every((x) => x === 0)) return false; // ::
  if (p.slice(0, 7).every((x) => x === 0) && p[7] === 1) return false; // ::1
  if (p.slice(0, 5).every((x) => x === 0) && p[5] === 0xffff) {
    return isPublicAddress(`${p[6]! >>> 8}.${p[6]! & 255}.${p[7]! >>> 8}.${p[7]! & 255}`); // v4-mapped
  }
  const first = p[0]!;
  if ((first & 0xfe00) === 0xfc00) return false; // fc00::/7 unique local
  if ((first & 0xffc0) === 0xfe80) return false; // link-local
  if ((first & 0xff00) === 0xff00) return false; // multicast
  if (first === 0x2001 && p[1] === 0x0db8) return false; // documentation
  if (first === 0x0064 && p[1] === 0xff9b) return false; // NAT64
  return true;
}

/**
 * Allowlist entries: a host name ("demo.local"), an IP, or an IPv4 CIDR
 * ("127.0.0.0/8"). The word "loopback" stands for 127.0.0.0/8, ::1 and localhost.
 */
export function isAllowlisted(hostOrIp: string, allow: readonly string[]): boolean {
  const h = hostOrIp.toLowerCase().replace(/^\[|\]$/g, '');
  for (const raw of allow) {
    const entry = raw.toLowerCase().trim();
    if (entry === 'loopback') {
      if (h === 'localhost' || h === '::1' || (isIP(h) === 4 && inV4Cidr(h, '127.0.0.0', 8))) return true;
      continue;
    }
    const cidr = /^(\d+\.\d+\.\d+\.\d+)\/(\d+)$/.exec(entry);
    if (cidr) {
      if (isIP(h) === 4 && inV4Cidr(h, cidr[1]!, Number(cidr[2]))) return true;
      continue;
    }
    if (entry === h) return true;
  }
  return false;
}

/** May we connect to this address, reached through this host name? */
export function addressAllowed(host: string, address: string, allow: readonly string[]): boolean {
  return isPublicAddress(address) || isAllowlisted(address, allow) || isAllowlisted(host, allow);
}
