import { describe, expect, it } from 'vitest';
import { addressAllowed, isAllowlisted, isPublicAddress } from './ssrf';
import { isPathAllowed, parseRobots } from './robots';
import { backoffMs, parseRetryAfter } from './retry-after';
import { FetchError, isRetryable, toFetchError } from './errors';

describe('isPublicAddress', () => {
  const cases: Array<[string, boolean]> = [
    ['8.8.8.8', true], ['203.162.4.191', true], ['127.0.0.1', false], ['127.8.9.10', false], ['10.1.2.3', false],
    ['172.16.0.1', false], ['172.31.255.255', false], ['172.32.0.1', true], ['192.168.1.1', false], ['169.254.169.254', false],
    ['100.64.0.1', false], ['0.0.0.0', false], ['224.0.0.1', false], ['255.255.255.255', false],
    ['::1', false], ['::', false], ['fe80::1', false], ['fd00::1', false], ['::ffff:127.0.0.1', false], ['::ffff:8.8.8.8', true],
    ['2001:db8::1', false], ['2404:6800:4005:80b::200e', true], ['not-an-ip', false],
    // Every IPv4 special range (IANA), not only the private ones.
    ['192.0.0.8', false], ['192.88.99.1', false], ['198.18.0.1', false], ['198.51.100.7', false], ['203.0.113.9', false], ['233.252.0.1', false],
    // IPv6 forms of a reserved IPv4 address are reserved; of a public one, public.
    ['::127.0.0.1', false], ['[::127.0.0.1]', false], ['::7f00:1', false], ['::ffff:7f00:1', false], ['::ffff:0:127.0.0.1', false],
    ['64:ff9b::127.0.0.1', false], ['64:ff9b::10.0.0.1', false], ['64:ff9b:1::a9fe:a9fe', false], ['64:ff9b::8.8.8.8', true],
    ['2002:7f00:1::1', false], ['2002:a9fe:a9fe::1', false], ['2002:808:808::1', true],
    ['2001:0:4136:e378:8000:63bf:80ff:fffe', false], // Teredo, client 127.0.0.1
    ['::8.8.8.8', true], ['[::ffff:169.254.169.254]', false], ['::ffff:10.0.0.1', false],
    // IPv6 special ranges: discard, site-local, benchmarking, ORCHID, 6bone-era reserved, outside 2000::/3.
    ['100::1', false], ['fec0::1', false], ['2001:2::1', false], ['2001:20::1', false], ['3fff::1', false], ['4000::1', false], ['ff02::1', false],
  ];
  it.each(cases)('%s → %s', (ip, pub) => expect(isPublicAddress(ip)).toBe(pub));
});

describe('allowlist', () => {
  const cases: Array<[string, string, string[], boolean]> = [
    ['localhost', '127.0.0.1', ['loopback'], true],
    ['127.0.0.1', '127.0.0.1', ['loopback'], true],
    ['x.test', '10.0.0.5', ['loopback'], false],
    ['x.test', '10.0.0.5', ['10.0.0.0/8'], true],
    ['demo.local', '192.168.0.9', ['demo.local'], true],
    ['evil.test', '127.0.0.1', [], false],
    ['vnexpress.net', '111.65.250.2', [], true],
  ];
  it.each(cases)('%s at %s with %j → %s', (host, addr, allow, ok) => expect(addressAllowed(host, addr, allow)).toBe(ok));
  it('matches IPv6 loopback', () => expect(isAllowlisted('[::1]', ['loopback'])).toBe(true));
  it('matches IPv6 CIDRs and the IPv4 an IPv6 form carries', () => {
    expect(isAllowlisted('fd00::5', ['fd00::/8'])).toBe(true);
    expect(isAllowlisted('::ffff:10.0.0.5', ['10.0.0.0/8'])).toBe(true);
    expect(isAllowlisted('::ffff:127.0.0.1', ['loopback'])).toBe(true);
    expect(addressAllowed('evil.test', '::127.0.0.1', [])).toBe(false);
  });
});

describe('robots.txt', () => {
  const txt = `# comment
User-agent: *
Disallow: /private/
Disallow: /*.pdf$
Allow: /private/public-page.html

User-agent: tdtt-monitor
User-agent: other
Disallow: /admin
Crawl-delay: 2
`;
  const mine = parseRobots(txt, 'tdtt-monitor');
  const star = parseRobots(txt, 'somebot');
  const cases: Array<[string, typeof mine, string, boolean]> = [
    ['own group ignores *', mine, '/private/x', true],
    ['own group', mine, '/admin/users', false],
    ['* group', star, '/private/x', false],
    ['longest allow wins', star, '/private/public-page.html', true],
    ['wildcard and $', star, '/files/a.pdf', false],
    ['$ anchors', star, '/files/a.pdf?x=1', true],
    ['root allowed', star, '/', true],
  ];
  it.each(cases)('%s', (_n, rules, p, ok) => expect(isPathAllowed(rules, p)).toBe(ok));
  it('reads Crawl-delay', () => {
    expect(mine.crawlDelayMs).toBe(2000);
    expect(star.crawlDelayMs).toBeNull();
  });
  it('empty robots allows everything', () => expect(isPathAllowed(parseRobots('', 'x'), '/a')).toBe(true));
});

describe('Retry-After and backoff', () => {
  const now = Date.parse('2025-02-03T00:00:00Z');
  const cases: Array<[string | undefined, number | null]> = [
    ['120', 120_000], ['0', 0], ['Mon, 03 Feb 2025 00:00:30 GMT', 30_000], ['Sun, 02 Feb 2025 00:00:00 GMT', 0], ['soon', null], [undefined, null],
  ];
  it.each(cases)('%s → %s', (v, ms) => expect(parseRetryAfter(v, now)).toBe(ms));
  it('backoff grows exponentially with jitter in [50 %, 100 %], capped', () => {
    expect(backoffMs(0, 1000, 30_000, () => 0)).toBe(500);
    expect(backoffMs(0, 1000, 30_000, () => 1)).toBe(1000);
    expect(backoffMs(3, 1000, 30_000, () => 1)).toBe(8000);
    expect(backoffMs(10, 1000, 30_000, () => 1)).toBe(30_000);
  });
});

describe('toFetchError maps raw errors to a closed set', () => {
  const cases: Array<[string, string]> = [
    ['ECONNREFUSED', 'network'], ['ENOTFOUND', 'network'], ['ECONNRESET', 'network'], ['ETIMEDOUT', 'timeout'],
    ['CERT_HAS_EXPIRED', 'tls'], ['ERR_TLS_CERT_ALTNAME_INVALID', 'tls'], ['DEPTH_ZERO_SELF_SIGNED_CERT', 'tls'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'tls'], ['ERR_INVALID_URL', 'bad-url'],
  ];
  it.each(cases)('%s → %s', (code, kind) => {
    const e = toFetchError(Object.assign(new Error('x'), { code }), 'https://a.vn/');
    expect(e).toBeInstanceOf(FetchError);
    expect(e.kind).toBe(kind);
    expect(e.message).not.toBe('');
  });
  it('retries only what may pass next time', () => {
    const mk = (kind: FetchError['kind'], status: number | null = null) => new FetchError(kind, 'm', 'u', status);
    expect([mk('timeout'), mk('network'), mk('http-status', 503), mk('http-status', 429)].every(isRetryable)).toBe(true);
    expect([mk('http-status', 404), mk('too-large'), mk('private-address'), mk('tls'), mk('robots-disallowed')].some(isRetryable)).toBe(false);
  });
});
