// Old and scanned documents (issue 19): a .doc and an .odt made by LibreOffice in the test, and a
// scanned PDF made from a page Chromium rendered to a picture, read through LibreOffice headless and
// tesseract (-l vie) by the import, with the structure a reader finds and the OCR warning.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPlanDocument, OCR_FLAG } from '@tdtt/server/plan-import';
import { tempDir, repoRoot } from '@tdtt/tests/support';
import { toDocx } from './plan-api-support';

const run = promisify(execFile);
const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
const TESSERACT = existsSync('/usr/bin/tesseract');
const CHROMIUM = existsSync('/usr/bin/chromium');
const plan = (name: string) => readFileSync(path.join(repoRoot, 'shared/src/plan/testdata', name), 'utf8');

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  tmp = tempDir('tdtt-plan-convert-');
});
afterAll(() => tmp?.remove());

/** The text as .docx, then converted by LibreOffice to `ext` (own profile: no clash with other tests). */
async function viaLibreOffice(text: string, ext: 'doc' | 'odt'): Promise<Uint8Array> {
  const dir = path.join(tmp.dir, ext);
  const src = path.join(tmp.dir, `plan-${ext}.docx`);
  writeFileSync(src, await toDocx(text));
  await run(SOFFICE!, ['--headless', '--norestore', `-env:UserInstallation=file://${tmp.dir}/profile-${ext}`, '--convert-to', ext, '--outdir', dir, src], { timeout: 120_000 });
  return new Uint8Array(readFileSync(path.join(dir, `plan-${ext}.${ext}`)));
}

describe.skipIf(!SOFFICE)('.doc and .odt through LibreOffice headless', () => {
  for (const ext of ['doc', 'odt'] as const) {
    it(`a Front plan saved as .${ext} reads as its text does`, async () => {
      const bytes = await viaLibreOffice(plan('mttq-two-windows.txt'), ext);
      expect(bytes[0]).toBe(ext === 'doc' ? 0xd0 : 0x50); // really an OLE / zip file
      const r = await importPlanDocument(bytes, `ke-hoach.${ext}`);
      if (!r.ok) throw new Error(r.message);
      expect(r.format).toBe(ext);
      expect([r.plan.code, r.plan.issuedOn, r.plan.signer]).toEqual(['45/KH-MTTQ-BTT', '2025-08-20', 'Trần Thị Bình']);
      expect(r.plan.phases.map((p) => [p.startsOn, p.endsOn, p.themes.length])).toEqual([
        ['2025-09-01', '2025-11-18', 5],
        ['2025-12-01', '2025-12-31', 5],
      ]);
      expect(r.plan.flags.map((f) => f.field)).not.toContain('source');
    }, 120_000);
  }
});

describe.skipIf(!TESSERACT || !CHROMIUM)('a scanned PDF through tesseract', () => {
  let scan: Uint8Array;
  beforeAll(async () => {
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
    try {
      // The page as a picture (as a scanner gives it), then that picture alone in a PDF: no text layer.
      const page = await browser.newPage({ viewport: { width: 900, height: 600 }, deviceScaleFactor: 2 });
      const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
      const body = plan('party-cth-2026.txt').split('\n').map((l) => `<p style="margin:0 0 6px">${esc(l) || '&nbsp;'}</p>`).join('');
      await page.setContent(`<body style="margin:40px;background:#fff"><div style="font:17px 'DejaVu Serif';width:800px;color:#000">${body}</div></body>`);
      const jpeg = await page.screenshot({ type: 'jpeg', quality: 90, fullPage: true });
      const h = await page.evaluate(() => document.documentElement.scrollHeight);
      await page.setContent(`<body style="margin:0"><img style="width:900px;display:block" src="data:image/jpeg;base64,${jpeg.toString('base64')}"></body>`);
      scan = new Uint8Array(await page.pdf({ width: '900px', height: `${h + 2}px`, printBackground: true }));
    } finally {
      await browser.close();
    }
  }, 120_000);

  it('reads the plan from the page image, with a warning that the text came from OCR', async () => {
    const r = await importPlanDocument(scan, 'ban-scan.pdf');
    if (!r.ok) throw new Error(r.message);
    expect(r.ocr).toBe(true);
    expect(r.plan.flags[0]).toEqual(OCR_FLAG);
    expect([r.plan.kind, r.plan.code, r.plan.issuedOn]).toEqual(['Chương trình hành động', '07-CTr/TU', '2025-11-05']);
    expect(r.plan.phases.map((p) => [p.startsOn, p.endsOn, p.themes.length])).toEqual([['2026-01-01', '2030-12-31', 3]]);
    expect(r.plan.phases[0]!.themes[1]!.text).toMatch(/đột phá chiến lược về hạ tầng/);
  }, 120_000);
});
