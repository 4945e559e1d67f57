import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

// SSRF guard: sources must be public. Every special-purpose range (IANA
// registries, as ipaddr.js's range() tables them) is refused unless
// explicitly allowlisted, and an IPv6 address that carries an IPv4 address
// (mapped, compatible `::a.b.c.d`, SIIT, NAT64, 6to4, Teredo) is judged by the
// IPv4 address it carries: `[::127.0.0.1]` is loopback, not public.

type V4 = ipaddr.IPv4;
type V6 = ipaddr.IPv6;

function parse(ip: string): V4 | V6 | null {
  const s = ip.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!isIP(s)) return null;
  try {
    return ipaddr.parse(s);
  } catch {
    return null;
  }
}

function v4FromWords(hi: number, lo: number): V4 {
  return new ipaddr.IPv4([hi >>> 8, hi & 255, lo >>> 8, lo & 255]);
}

/** The IPv4 address an IPv6 address embeds, or null when it embeds none. */
export function embeddedV4(a: V6): V4 | null {
  const p = a.parts;
  switch (a.range()) {
    case 'ipv4Mapped': // ::ffff:a.b.c.d
    case 'rfc6145': // ::ffff:0:a.b.c.d
    case 'rfc6052': // 64:ff9b::a.b.c.d (NAT64)
      return v4FromWords(p[6]!, p[7]!);
    case '6to4': // 2002:AABB:CCDD::/48
      return v4FromWords(p[1]!, p[2]!);
    case 'teredo': // 2001::/32, client address XOR-ed in the last 32 bits
      return v4FromWords(p[6]! ^ 0xffff, p[7]! ^ 0xffff);
    default:
      break;
  }
  // IPv4-compatible ::a.b.c.d (deprecated, still routed by some stacks) and the local-use NAT64 64:ff9b:1::/48.
  if (p.slice(0, 6).every((x) => x === 0) && (p[6] !== 0 || p[7]! > 1)) return v4FromWords(p[6]!, p[7]!);
  if (p[0] === 0x64 && p[1] === 0xff9b && p[2] === 1) return v4FromWords(p[6]!, p[7]!);
  return null;
}

function publicV4(a: V4): boolean {
  return a.range() === 'unicast';
}

/** Is this IP literal (brackets allowed) a public unicast address? */
export function isPublicAddress(ip: string): boolean {
  const a = parse(ip);
  if (!a) return false;
  if (a.kind() === 'ipv4') return publicV4(a as V4);
  const v6 = a as V6;
  const inner = embeddedV4(v6);
  if (inner) return publicV4(inner);
  // Global unicast is 2000::/3; everything else (and every named range) is special.
  return v6.range() === 'unicast' && (v6.parts[0]! & 0xe000) === 0x2000;
}

/** The address to compare with allowlist entries: an embedded IPv4 stands for itself. */
function comparable(a: V4 | V6): V4 | V6 {
  return a.kind() === 'ipv6' ? embeddedV4(a as V6) ?? a : a;
}

/**
 * Allowlist entries: a host name ("demo.local"), an IP, or a CIDR
 * ("127.0.0.0/8", "fd00::/8"). The word "loopback" stands for 127.0.0.0/8, ::1 and localhost.
 */
export function isAllowlisted(hostOrIp: string, allow: readonly string[]): boolean {
  const h = hostOrIp.toLowerCase().replace(/^\[|\]$/g, '');
  const parsed = parse(h);
  const addr = parsed ? comparable(parsed) : null;
  for (const raw of allow) {
    const entry = raw.toLowerCase().trim();
    if (entry === 'loopback') {
      if (h === 'localhost' || (addr && addr.range() === 'loopback')) return true;
      continue;
    }
    if (entry.includes('/')) {
      if (!addr) continue;
      try {
        const [net, bits] = ipaddr.parseCIDR(entry);
        if (net.kind() === addr.kind() && addr.match(net as never, bits)) return true;
      } catch {
        /* not a CIDR: compared as a name below */
      }
      continue;
    }
    if (entry === h) return true;
    const e = parse(entry);
    if (e && addr && e.kind() === addr.kind() && e.toNormalizedString() === addr.toNormalizedString()) return true;
  }
  return false;
}

/** May we connect to this address, reached through this host name? */
export function addressAllowed(host: string, address: string, allow: readonly string[]): boolean {
  return isPublicAddress(address) || isAllowlisted(address, allow) || isAllowlisted(host, allow);
}
