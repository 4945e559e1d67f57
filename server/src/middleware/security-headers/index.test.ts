import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inlineScriptHashes } from './index';

describe('inlineScriptHashes', () => {
  it('hashes each inline script body exactly, skips scripts with src', () => {
    const body = '\n\t\t\t{ __sveltekit_x = {}; import("/_app/x.js") }\n\t\t';
    const html = `<head><script type="module" src="/_app/a.js"></script></head><body><script>${body}</script><SCRIPT>b()</SCRIPT></body>`;
    const sha = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
    expect(inlineScriptHashes(html)).toEqual([sha(body), sha('b()')]);
    expect(inlineScriptHashes('<p>no scripts</p>')).toEqual([]);
  });
});
