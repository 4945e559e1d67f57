import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Context, MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/**
 * `'sha256-…'` sources of the inline scripts of an HTML page (SvelteKit's static adapter puts its
 * bootstrap in one inline <script> of index.html), so the CSP allows exactly those and no other
 * inline script.
 */
export function inlineScriptHashes(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\bsrc\s*=/i.test(m[1]!)) continue;
    out.push(`'sha256-${createHash('sha256').update(m[2]!, 'utf8').digest('base64')}'`);
  }
  return out;
}

/** The hashes of the built app's index.html, read again whenever the file changes (a rebuild). */
function indexHashes(webDir: string): () => string[] {
  const file = path.join(webDir, 'index.html');
  let seen = -1;
  let hashes: string[] = [];
  return () => {
    let mtime: number;
    try {
      mtime = statSync(file).mtimeMs;
    } catch {
      return [];
    }
    if (mtime !== seen) {
      hashes = inlineScriptHashes(readFileSync(file, 'utf8'));
      seen = mtime;
    }
    return hashes;
  };
}

/**
 * Security headers on every response (docs/security-headers.md): a Content-Security-Policy that lets
 * the app load only its own scripts (plus the hashed bootstrap), styles, images and API; no framing
 * (frame-ancestors 'none', X-Frame-Options DENY); nosniff; no Referer sent to other sites.
 */
export function securityHeaders(opts: { webDir: string }): MiddlewareHandler {
  const hashes = indexHashes(opts.webDir);
  const scriptHashes = (_c: Context) => hashes().join(' ');
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", scriptHashes],
      // Svelte and chart.js set style attributes; styles cannot run code, scripts are what CSP guards here.
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
    xContentTypeOptions: 'nosniff',
    // Only meaningful over HTTPS, where a proxy in front sets it for its own domain.
    strictTransportSecurity: false,
  });
}
