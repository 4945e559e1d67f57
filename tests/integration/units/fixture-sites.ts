// Units' websites on 127.0.0.1, one server (one host) each, since robots.txt is per host: a home page
// declaring its RSS feed, one whose robots.txt names a sitemap, and one with nothing usable.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export type SiteKind = 'feed' | 'sitemap' | 'empty';

export async function fixtureSite(kind: SiteKind, name = 'Sở'): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const base = `http://${req.headers.host}`;
    const send = (status: number, type: string, body: string) => {
      res.writeHead(status, { 'content-type': type });
      res.end(body);
    };
    const u = req.url ?? '/';
    if (u === '/robots.txt') return send(200, 'text/plain', `User-agent: *\nAllow: /\n${kind === 'sitemap' ? `Sitemap: ${base}/sitemap.xml\n` : ''}`);
    if (u === '/') {
      const link = kind === 'feed' ? '<link rel="alternate" type="application/rss+xml" href="/rss.xml">' : '';
      return send(200, 'text/html; charset=utf-8', `<html><head><title>${name}</title>${link}</head><body><p>Đang xây dựng</p></body></html>`);
    }
    if (u === '/rss.xml' && kind === 'feed') {
      return send(200, 'application/rss+xml', `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${name}</title><link>${base}/</link>
<item><title>Đẩy mạnh chuyển đổi số</title><link>${base}/tin/1</link><pubDate>Mon, 16 Jun 2025 08:00:00 +0700</pubDate></item></channel></rss>`);
    }
    if (u === '/sitemap.xml' && kind === 'sitemap') {
      return send(200, 'application/xml', `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${base}/tin/1</loc></url></urlset>`);
    }
    send(404, 'text/plain', 'không có');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((r) => server.close(() => r())) };
}
