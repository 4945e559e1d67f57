import { decodeBody } from './charset';
import { FetchError, isRetryable, statusMessage, toFetchError } from './errors';
import { rawGet, type RawResponse } from './http-get';
import { resolveOptions, type FetchOptions, type ResolvedFetchOptions } from './options';
import { backoffMs, parseRetryAfter } from './retry-after';

export interface FetchResult {
  /** URL asked for. */
  requestedUrl: string;
  /** URL after redirects. */
  url: string;
  status: number;
  /** 304: the caller's ETag/Last-Modified still hold; body is empty. */
  notModified: boolean;
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
  bytes: Buffer;
  /** Body decoded (BOM/header/meta charset), NFC. Empty for 304. */
  text: string;
  charset: string;
  redirects: string[];
  attempts: number;
  durationMs: number;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function header(h: RawResponse['headers'], name: string): string | null {
  const v = h[name];
  return (Array.isArray(v) ? v[0] : v) ?? null;
}

async function checkRobots(u: URL, o: ResolvedFetchOptions): Promise<void> {
  if (!o.robots) return;
  const load = async (robotsUrl: string) => {
    const r = await fetchResource(robotsUrl, { ...o, robots: false, retries: 0, maxBytes: 512 * 1024, etag: null, lastModified: null });
    if (!(r instanceof FetchError)) return { status: r.status, text: r.text };
    if (r.status) return { status: r.status, text: '' };
    if (r.kind === 'timeout' || r.kind === 'network' || r.kind === 'too-large' || r.kind === 'empty') return null;
    throw r;
  };
  const verdict = await o.robots.allowed(u, load);
  if (verdict.crawlDelayMs && o.limiter) o.limiter.setHostDelay(u.host, verdict.crawlDelayMs);
  if (verdict.unreachableRetryMs !== undefined) {
    throw new FetchError('robots-unavailable', 'Không đọc được robots.txt của trang (máy chủ lỗi hoặc không trả lời): tạm chưa thu thập, sẽ thử lại sau', u.href, null, verdict.unreachableRetryMs);
  }
  if (!verdict.allowed) throw new FetchError('robots-disallowed', 'robots.txt của trang không cho phép thu thập địa chỉ này', u.href);
}

/** One attempt: follows redirects (each hop SSRF-checked and robots-checked). */
async function attempt(start: URL, o: ResolvedFetchOptions, t0: number): Promise<FetchResult> {
  const seen = new Set<string>();
  const redirects: string[] = [];
  let u = start;
  for (;;) {
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new FetchError('bad-url', `Giao thức không được hỗ trợ: ${u.protocol}`, u.href);
    seen.add(u.href);
    await checkRobots(u, o);
    const headers: Record<string, string> = {
      'user-agent': o.userAgent,
      accept: o.accept,
      'accept-encoding': 'gzip, deflate, br',
      'accept-language': 'vi,en;q=0.5',
    };
    if (o.etag) headers['if-none-match'] = o.etag;
    if (o.lastModified) headers['if-modified-since'] = o.lastModified;
    const get = () =>
      rawGet(u, {
        headers, connectTimeoutMs: o.connectTimeoutMs, timeoutMs: o.timeoutMs, maxBytes: o.maxBytes, allow: o.allowPrivate,
        skipBodyFor: (s) => REDIRECTS.has(s) || s === 304 || s >= 400,
      });
    const res = o.limiter ? await o.limiter.run(u.host, get) : await get();
    if (REDIRECTS.has(res.status)) {
      const loc = header(res.headers, 'location');
      if (!loc) throw new FetchError('http-status', `Chuyển hướng (HTTP ${res.status}) không có địa chỉ đích`, u.href, res.status);
      let next: URL;
      try {
        next = new URL(loc, u);
      } catch {
        throw new FetchError('bad-url', `Địa chỉ chuyển hướng không hợp lệ: ${loc}`, u.href, res.status);
      }
      if (seen.has(next.href)) throw new FetchError('redirect-loop', 'Chuyển hướng vòng lặp', u.href, res.status);
      if (redirects.length >= o.maxRedirects) throw new FetchError('redirect-loop', `Quá ${o.maxRedirects} lần chuyển hướng`, u.href, res.status);
      redirects.push(next.href);
      u = next;
      continue;
    }
    const base = {
      requestedUrl: start.href, url: u.href, status: res.status, contentType: header(res.headers, 'content-type'),
      etag: header(res.headers, 'etag'), lastModified: header(res.headers, 'last-modified'), redirects, attempts: 1,
    };
    if (res.status === 304) {
      return { ...base, notModified: true, bytes: res.body, text: '', charset: 'utf-8', durationMs: Date.now() - t0,
        etag: base.etag ?? o.etag, lastModified: base.lastModified ?? o.lastModified };
    }
    if (res.status < 200 || res.status >= 300) {
      const ra = parseRetryAfter(res.headers['retry-after'], Date.now());
      throw new FetchError('http-status', statusMessage(res.status), u.href, res.status, ra);
    }
    if (res.body.length === 0 || (res.body.length < 1024 && res.body.toString('latin1').trim() === '')) {
      throw new FetchError('empty', 'Máy chủ trả về nội dung rỗng', u.href, res.status);
    }
    const dec = decodeBody(res.body, base.contentType, o.charset);
    return { ...base, notModified: false, bytes: res.body, text: dec.text, charset: dec.charset, durationMs: Date.now() - t0 };
  }
}

/**
 * GET a resource politely and safely. Returns a result, or a FetchError
 * (never throws) so callers record it and move on.
 */
export async function fetchResource(url: string, opts: FetchOptions = {}): Promise<FetchResult | FetchError> {
  const o = resolveOptions(opts);
  let start: URL;
  try {
    start = new URL(url);
  } catch {
    return new FetchError('bad-url', `Địa chỉ URL không hợp lệ: ${url}`, url);
  }
  const t0 = Date.now();
  for (let i = 0; ; i++) {
    try {
      const r = await attempt(start, o, t0);
      return { ...r, attempts: i + 1 };
    } catch (err) {
      const fe = toFetchError(err, start.href);
      if (i >= o.retries || !isRetryable(fe)) return fe;
      let wait = backoffMs(i, o.retryBaseMs, o.retryMaxMs, o.random);
      if (fe.retryAfterMs !== null) {
        if (fe.retryAfterMs > o.maxRetryAfterMs) return fe; // too long to wait now: the scheduler will.
        wait = Math.max(wait, fe.retryAfterMs);
      }
      await o.sleep(wait);
    }
  }
}
