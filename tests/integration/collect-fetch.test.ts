import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchError, HostLimiter, RobotsCache, ROBOTS_TOKEN, fetchResource, type FetchOptions } from '@tdtt/jobs/collect';
import { startHostileServer, startSelfSignedServer, type HostileServer } from '../fixtures/hostile-server';

// fetchResource against a real misbehaving server on 127.0.0.1. Short
// timeouts keep the slow cases fast.

let srv: HostileServer;
beforeAll(async () => {
  srv = await startHostileServer();
});
afterAll(() => srv.close());

const opts = (extra: FetchOptions = {}): FetchOptions => ({
  allowPrivate: ['loopback'],
  timeoutMs: 800,
  connectTimeoutMs: 500,
  maxBytes: 1024 * 1024,
  retries: 1,
  retryBaseMs: 10,
  maxRetryAfterMs: 1500,
  robots: new RobotsCache(ROBOTS_TOKEN),
  limiter: new HostLimiter({ minDelayMs: 0 }),
  ...extra,
});

describe('fetchResource failures are typed', () => {
  const cases: Array<[path: string, kind: FetchError['kind'], status: number | null]> = [
    ['/not-found.xml', 'http-status', 404],
    ['/server-error.xml', 'http-status', 500],
    ['/rate-limited.xml', 'http-status', 429],
    ['/empty-body.xml', 'empty', 200],
    ['/timeout.xml', 'timeout', null],
    ['/slow.xml', 'timeout', null],
    ['/huge.xml', 'too-large', 200],
    ['/loop-a', 'redirect-loop', 302],
    ['/to-private', 'private-address', null],
    ['/to-metadata', 'private-address', null],
    ['/private/feed.xml', 'robots-disallowed', null],
  ];
  it.each(cases)('%s → %s', async (path, kind, status) => {
    const r = await fetchResource(srv.url(path), opts({ retries: 0 }));
    expect(r).toBeInstanceOf(FetchError);
    const e = r as FetchError;
    expect(e.kind).toBe(kind);
    expect(e.status).toBe(status);
    expect(e.message).toMatch(/\p{L}/u);
  });

  it('429 with a long Retry-After reports the wait instead of blocking', async () => {
    const r = (await fetchResource(srv.url('/rate-limited.xml'), opts())) as FetchError;
    expect(r.retryAfterMs).toBe(120_000);
  });

  it('loopback is refused without the allowlist', async () => {
    const r = await fetchResource(srv.url('/healthy/feed.xml'), opts({ allowPrivate: [] }));
    expect(r).toMatchObject({ kind: 'private-address' });
  });

  it('an untrusted certificate is a tls error', async () => {
    const tls = await startSelfSignedServer();
    try {
      const r = await fetchResource(tls.origin + '/feed.xml', opts({ retries: 0 }));
      expect(r).toBeInstanceOf(FetchError);
      expect(r).toMatchObject({ kind: 'tls' });
    } finally {
      await tls.close();
    }
  });

  it('bad URLs are typed, not thrown', async () => {
    expect(await fetchResource('không phải url', opts())).toMatchObject({ kind: 'bad-url' });
    expect(await fetchResource('ftp://127.0.0.1/x', opts())).toMatchObject({ kind: 'bad-url' });
  });
});

describe('fetchResource successes', () => {
  it('honours Retry-After then succeeds', async () => {
    const r = await fetchResource(srv.url('/rate-limited-once.xml?k=retry'), opts());
    expect(r).not.toBeInstanceOf(FetchError);
    expect(r).toMatchObject({ status: 200, attempts: 2 });
  });

  it('conditional GET: ETag → 304 result with no body', async () => {
    const first = await fetchResource(srv.url('/healthy/feed.xml'), opts());
    if (first instanceof FetchError) throw first;
    expect(first.etag).toBe('"healthy-v1"');
    const second = await fetchResource(srv.url('/healthy/feed.xml'), opts({ etag: first.etag }));
    expect(second).toMatchObject({ status: 304, notModified: true, text: '' });
  });

  const decoded: Array<[path: string, charset: string, contains: string]> = [
    ['/gzip/feed.xml', 'utf-8', 'Hội nghị học tập Nghị quyết'],
    ['/br/article.html', 'utf-8', 'Nội dung nén brotli.'],
    ['/deflate/feed.xml', 'utf-8', 'Tuyên truyền bầu cử'],
    ['/cp1258.html', 'windows-1258', 'Tiếng Việt mã cũ: Ủy ban nhân dân huyện.'],
    ['/cp1258-feed.xml', 'windows-1258', 'Tin mã cũ: Ủy ban nhân dân huyện'],
    ['/utf16.html', 'utf-16le', 'Nội dung mã UTF-16: Hội đồng nhân dân.'],
  ];
  it.each(decoded)('%s decodes as %s', async (path, charset, contains) => {
    const r = await fetchResource(srv.url(path), opts());
    if (r instanceof FetchError) throw r;
    expect(r.charset).toBe(charset);
    expect(r.text).toContain(contains);
    expect(r.text).toBe(r.text.normalize('NFC'));
  });

  it('sends a User-Agent naming the monitor with a contact URL, and reads robots.txt once per host', async () => {
    const before = srv.hits.get('/robots.txt') ?? 0;
    const robots = new RobotsCache(ROBOTS_TOKEN);
    await fetchResource(srv.url('/healthy/a/1.html'), opts({ robots }));
    await fetchResource(srv.url('/healthy/a/2.html'), opts({ robots }));
    expect((srv.hits.get('/robots.txt') ?? 0) - before).toBe(1);
    const ua = srv.lastUserAgent() ?? '';
    expect(ua).toMatch(/tdtt-monitor/);
    expect(ua).toMatch(/\+https?:\/\//);
  });
});
