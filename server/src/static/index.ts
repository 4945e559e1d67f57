import { createReadStream, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { MiddlewareHandler } from 'hono';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves the built SvelteKit SPA: files under `root`, and index.html for any other path so
 * client-side routes work on reload. Hashed assets under _app/immutable are cached for a year.
 */
export function serveWebApp(opts: { root: string }): MiddlewareHandler {
  const root = path.resolve(opts.root);
  return async function serveWebAppMiddleware(c, next) {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    let rel: string;
    try {
      rel = decodeURIComponent(new URL(c.req.url).pathname);
    } catch {
      return next();
    }
    let file = path.join(root, rel);
    if (!file.startsWith(root)) return next(); // path traversal
    if (!existsSync(file) || !statSync(file).isFile()) {
      if (path.extname(rel) && !rel.endsWith('.html')) return next(); // a missing asset is a 404, not the app
      file = path.join(root, 'index.html');
      if (!existsSync(file)) {
        return c.text('Chưa xây dựng giao diện web: chạy "npm run build".', 503);
      }
    }
    const headers: Record<string, string> = { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' };
    headers['cache-control'] = rel.startsWith('/_app/immutable/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    if (c.req.method === 'HEAD') return c.body(null, 200, headers);
    return c.body(Readable.toWeb(createReadStream(file)) as ReadableStream, 200, headers);
  };
}
