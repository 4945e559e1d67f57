import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importErrorStatus, importPlanDocument } from '@tdtt/server/plan-import';
import { EXPECT, havePlans, plansDir, PLAN_FILES, readPlan, repoRoot } from './plan-expect';

const NEWS = `Bình Định: Khai mạc Hội chợ thương mại năm 2024

Sáng 12/10, tại Quảng trường tỉnh, UBND tỉnh Bình Định tổ chức khai mạc Hội chợ thương mại với hơn 300 gian hàng.
Phát biểu tại lễ khai mạc, lãnh đạo tỉnh cho biết kế hoạch phát triển thương mại năm 2025 sẽ tập trung vào xuất khẩu.
Hội chợ kéo dài đến hết ngày 18/10. Thời tiết những ngày tới được dự báo có mưa rào.`;

function seededBytes(n: number, seed = 7): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

describe('documents that are not plans get a clear message', () => {
  const cases: Array<[string, () => Uint8Array, string, string]> = [
    ['a news article', () => new TextEncoder().encode(NEWS), 'tin.txt', 'not-a-plan'],
    ['an empty file', () => new Uint8Array(0), 'rong.txt', 'empty'],
    ['a 20 MB file', () => new Uint8Array(20 * 1024 * 1024).fill(0x41), 'lon.txt', 'too-large'],
    ['binary junk', () => seededBytes(4096), 'rac.txt', 'not-text'],
    ['junk named .docx', () => seededBytes(4096, 3), 'rac.docx', 'unreadable'],
    ['junk named .pdf', () => seededBytes(4096, 5), 'rac.pdf', 'unreadable'],
    ['a zip that is not a Word file', () => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...seededBytes(200)]), 'x.docx', 'unreadable'],
    ['a broken old Word 97-2003 file', () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...seededBytes(500)]), 'kh.doc', 'unreadable|not-a-plan'], // LibreOffice may read junk as text
  ];
  it.each(cases)('%s', async (_name, bytes, filename, code) => {
    const r = await importPlanDocument(bytes(), filename);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toMatch(new RegExp(`^(?:${code})$`));
      const status = importErrorStatus(r.code);
      expect(status >= 400 && status < 500).toBe(true);
      expect(r.message).toMatch(/[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i);
    }
  });
});

describe.skipIf(!havePlans)('text encodings', () => {
  it('reads UTF-16 with a BOM', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(readPlan('001'), 'utf16le')]);
    const r = await importPlanDocument(bytes, '001.txt');
    if (!r.ok) throw new Error(r.message);
    EXPECT['001'](r.plan);
  });
  it('reads UTF-16 without a BOM', async () => {
    const r = await importPlanDocument(iconv.encode(readPlan('002'), 'utf16le'), '002.txt');
    if (!r.ok) throw new Error(r.message);
    EXPECT['002'](r.plan);
  });
  it('falls back to windows-1258 (decomposed tone marks)', async () => {
    // As Windows-1258 files are written: vowel letters precomposed, tone marks as combining characters.
    const split = [...readPlan('004')].map((c) => {
      const d = c.normalize('NFD');
      const tone = /[\u0300\u0301\u0303\u0309\u0323]/u.exec(d)?.[0];
      return tone ? d.replace(tone, '').normalize('NFC') + tone : c;
    });
    const bytes = iconv.encode(split.join(''), 'windows-1258');
    expect(iconv.decode(bytes, 'windows-1258').normalize('NFC')).toBe(readPlan('004').normalize('NFC'));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const r = await importPlanDocument(bytes, '004.txt');
    if (!r.ok) throw new Error(r.message);
    EXPECT['004'](r.plan);
  });
});

describe.skipIf(!havePlans || !fs.existsSync('/usr/bin/chromium'))('PDF', () => {
  let pdfPlan: Uint8Array;
  let pdfScan: Uint8Array;
  beforeAll(async () => {
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
    try {
      const page = await browser.newPage();
      const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
      const paras = readPlan('004').split('\n').map((l) => `<p>${esc(l) || '&nbsp;'}</p>`).join('');
      await page.setContent(`<div style="font:13px 'DejaVu Serif';width:16cm">${paras}</div>`);
      pdfPlan = new Uint8Array(await page.pdf({ format: 'A4' }));
      await page.setContent('<svg width="400" height="300"><rect width="400" height="300" fill="#ccc"/></svg>');
      pdfScan = new Uint8Array(await page.pdf({ format: 'A4' }));
    } finally {
      await browser.close();
    }
  }, 60_000);

  it('reads a PDF with a text layer (wrapped lines, page breaks) like the text', async () => {
    const r = await importPlanDocument(pdfPlan, '004.pdf');
    if (!r.ok) throw new Error(r.message);
    expect(r.format).toBe('pdf');
    EXPECT['004'](r.plan);
  });

  it('refuses a PDF without text (a scan) with a clear message', async () => {
    const r = await importPlanDocument(pdfScan, 'scan.pdf');
    expect(r).toMatchObject({ ok: false, code: 'scanned-pdf' });
  });
});

describe.skipIf(!havePlans)('npm run plan:parse', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-cli-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const run = (file: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'server/src/cli/plan-parse.ts'), file], { cwd: repoRoot, encoding: 'utf8' });

  it('prints the parsed plan as JSON', () => {
    const r = run(path.join(plansDir, PLAN_FILES['002']));
    expect(r.status).toBe(0);
    const plan = JSON.parse(r.stdout);
    EXPECT['002'](plan);
  });

  it('exits non-zero with a Vietnamese message for a non-plan', () => {
    const f = path.join(tmp, 'tin.txt');
    fs.writeFileSync(f, NEWS);
    const r = run(f);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('không phải là một kế hoạch');
  });
});
