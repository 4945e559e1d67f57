import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBody } from './charset';

// windows-1258 writes tone marks as combining characters: that is how real pages arrive.
const VI = 'Ủy ban nhân dân huyện tổ chức hội nghị';
const dir = path.join(import.meta.dirname, 'testdata');

describe('decodeBody', () => {
  const cp1258 = fs.readFileSync(path.join(dir, 'cp1258.html'));
  const cases: Array<[string, Buffer, string | null, string, string]> = [
    ['UTF-8 BOM wins over a wrong header', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`<p>${VI}</p>`)]), 'text/html; charset=iso-8859-1', 'utf-8', 'bom'],
    ['UTF-16LE BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(`<p>${VI}</p>`, 'utf-16le')]), 'text/html', 'utf-16le', 'bom'],
    ['UTF-16BE BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(`<p>${VI}</p>`, 'utf-16be')]), null, 'utf-16be', 'bom'],
    ['charset only in the HTTP header', cp1258, 'text/html; charset=windows-1258', 'windows-1258', 'header'],
    ['charset only in <meta>', cp1258, 'text/html', 'windows-1258', 'meta'],
    ['XML declaration', Buffer.concat([Buffer.from('<?xml version="1.0" encoding="windows-1258"?>\n'), cp1258]), 'application/xml', 'windows-1258', 'xml-decl'],
    ['nothing declared → UTF-8', Buffer.from(`<p>${VI}</p>`), null, 'utf-8', 'default'],
    ['unknown charset name → falls through', Buffer.from(`<p>${VI}</p>`), 'text/html; charset=x-bogus', 'utf-8', 'default'],
  ];
  it.each(cases)('%s', (_n, bytes, ct, charset, source) => {
    const d = decodeBody(bytes, ct);
    expect(d.charset).toBe(charset);
    expect(d.source).toBe(source);
    expect(d.text).toBe(d.text.normalize('NFC'));
    expect(d.text).toContain(VI);
  });
});
