import http from 'node:http';
import https from 'node:https';
import dns from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import zlib from 'node:zlib';
import type { Readable } from 'node:stream';
import { AbortReason, FetchError, toFetchError } from './errors';
import { addressAllowed } from './ssrf';

// One GET, no redirects followed: the SSRF check runs at DNS time for the
// address actually connected, timeouts and the byte cap are enforced here.

export interface RawResponse {
  url: string;
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export interface RawGetOptions {
  headers: Record<string, string>;
  connectTimeoutMs: number;
  /** Whole exchange, body included. */
  timeoutMs: number;
  maxBytes: number;
  allow: readonly string[];
  /** Statuses whose body we do not want (redirects, 304, errors): read nothing. */
  skipBodyFor?: (status: number) => boolean;
}

function guardedLookup(host: string, allow: readonly string[]): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const list = addresses as dns.LookupAddress[];
      const ok = list.find((a) => addressAllowed(host, a.address, allow));
      if (!ok) return callback(new AbortReason('private-address', `Địa chỉ ${list[0]?.address ?? '?'} không phải địa chỉ công khai`), '', 0);
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, [ok]);
      callback(null, ok.address, ok.family);
    });
  };
}

// Keep-alive pools, one per allowlist: a socket vetted under one allowlist
// is never reused by a request made under another.
const agents = new Map<string, { http: http.Agent; https: https.Agent }>();
function agentFor(protocol: string, allow: readonly string[]): http.Agent {
  const key = [...allow].sort().join(',');
  let a = agents.get(key);
  if (!a) {
    const opts = { keepAlive: true, maxSockets: 4, maxFreeSockets: 2, timeout: 30_000, scheduling: 'lifo' as const };
    agents.set(key, (a = { http: new http.Agent(opts), https: new https.Agent(opts) }));
  }
  return protocol === 'https:' ? a.https : a.http;
}

function decoderFor(encoding: string | undefined): zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | null {
  const e = (encoding ?? '').trim().toLowerCase();
  if (e === 'gzip' || e === 'x-gzip') return zlib.createGunzip();
  if (e === 'deflate') return zlib.createUnzip();
  if (e === 'br') return zlib.createBrotliDecompress();
  return null;
}

export function rawGet(url: URL, opts: RawGetOptions): Promise<RawResponse> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && !addressAllowed(host, host, opts.allow)) {
    return Promise.reject(new FetchError('private-address', `Địa chỉ ${host} không phải địa chỉ công khai`, url.href));
  }
  const mod = url.protocol === 'https:' ? https : http;
  return new Promise<RawResponse>((resolve, reject) => {
    let settled = false;
    const timers: NodeJS.Timeout[] = [];
    const finish = (err: unknown, res?: RawResponse) => {
      if (settled) return;
      settled = true;
      timers.forEach(clearTimeout);
      if (err) reject(toFetchError(err, url.href));
      else resolve(res!);
    };
    const req = mod.request(url, {
      method: 'GET',
      headers: opts.headers,
      lookup: guardedLookup(host, opts.allow),
      agent: agentFor(url.protocol, opts.allow),
    });
    const totalMs = Math.max(1, opts.timeoutMs);
    const abort = (kind: 'timeout', message: string) => {
      finish(new AbortReason(kind, message));
      req.destroy();
    };
    timers.push(setTimeout(() => abort('timeout', `Quá thời gian chờ tổng (${totalMs} ms)`), totalMs));
    req.on('socket', (sock) => {
      if (!sock.connecting) return; // a kept-alive socket, already connected
      const t = setTimeout(
        () => abort('timeout', `Quá thời gian chờ kết nối (${opts.connectTimeoutMs} ms)`),
        opts.connectTimeoutMs,
      );
      timers.push(t);
      sock.once(url.protocol === 'https:' ? 'secureConnect' : 'connect', () => clearTimeout(t));
    });
    req.on('error', (e) => finish(e));
    req.on('response', (res) => {
      const status = res.statusCode ?? 0;
      if (opts.skipBodyFor?.(status)) {
        res.resume();
        res.destroy();
        return finish(null, { url: url.href, status, headers: res.headers, body: Buffer.alloc(0) });
      }
      const declared = Number(res.headers['content-length']);
      if (Number.isFinite(declared) && declared > opts.maxBytes) {
        res.destroy();
        req.destroy();
        return finish(new FetchError('too-large', `Nội dung quá lớn (${declared} byte > ${opts.maxBytes})`, url.href, status));
      }
      const decoder = decoderFor(res.headers['content-encoding']);
      const stream: Readable = decoder ? res.pipe(decoder) : res;
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (c: Buffer) => {
        size += c.length;
        if (size > opts.maxBytes) {
          finish(new FetchError('too-large', `Nội dung vượt giới hạn ${opts.maxBytes} byte`, url.href, status));
          res.destroy();
          req.destroy();
          decoder?.destroy();
          return;
        }
        chunks.push(c);
      });
      stream.on('error', (e) => finish(e));
      res.on('error', (e) => finish(e));
      res.on('aborted', () => finish(new AbortReason('network', 'Kết nối bị ngắt khi đang nhận dữ liệu')));
      stream.on('end', () => finish(null, { url: url.href, status, headers: res.headers, body: Buffer.concat(chunks, size) }));
    });
    req.end();
  });
}
