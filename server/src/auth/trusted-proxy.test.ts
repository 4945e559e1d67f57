import { describe, expect, it } from 'vitest';
import { clientFromForwarded, proxyMatcher, trustProxyEntryError } from './trusted-proxy';

describe('trustProxyEntryError', () => {
  it.each(['loopback', '10.0.0.1', '10.0.0.0/8', '::1', 'fd00::/8', '192.168.1.0/24'])('accepts %s', (e) => expect(trustProxyEntryError(e)).toBeNull());
  it.each(['proxy.local', '10.0.0.0/33', '::/129', '10.0.0.1/8/2', '10.0.0', '10.0.0.0/x'])('refuses %s', (e) => expect(trustProxyEntryError(e)).toMatch(/"/));
});

describe('clientFromForwarded', () => {
  const trusted = proxyMatcher(['loopback', '10.0.0.0/8']);

  it('ignores the header when the peer is not a trusted proxy', () => {
    expect(clientFromForwarded('203.0.113.5', '1.2.3.4', trusted)).toBe('203.0.113.5');
    expect(clientFromForwarded('203.0.113.5', '1.2.3.4', proxyMatcher([]))).toBe('203.0.113.5');
  });

  it('takes the right-most hop that is not a trusted proxy', () => {
    // The client wrote "6.6.6.6"; our proxies appended the real client and an inner proxy.
    expect(clientFromForwarded('127.0.0.1', '6.6.6.6, 198.51.100.9, 10.1.2.3', trusted)).toBe('198.51.100.9');
    expect(clientFromForwarded('::ffff:127.0.0.1', '198.51.100.9', trusted)).toBe('198.51.100.9');
  });

  it('uses the left-most hop when every hop is a trusted proxy, the peer when the header is empty or garbled', () => {
    expect(clientFromForwarded('127.0.0.1', '10.0.0.7, 10.0.0.8', trusted)).toBe('10.0.0.7');
    expect(clientFromForwarded('127.0.0.1', undefined, trusted)).toBe('127.0.0.1');
    expect(clientFromForwarded('127.0.0.1', 'nonsense', trusted)).toBe('127.0.0.1');
  });

  it('matches IPv6 ranges and IPv4-mapped peers', () => {
    const v6 = proxyMatcher(['fd00::/8']);
    expect(v6('fd12::1')).toBe(true);
    expect(v6('fe80::1')).toBe(false);
    expect(trusted('::ffff:10.2.3.4')).toBe(true);
    expect(trusted('[::1]')).toBe(true);
  });
});
