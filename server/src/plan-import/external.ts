// The two Debian programs plan import calls: LibreOffice headless (.doc/.odt/.rtf → .docx) and
// tesseract (scanned pages → text). Each runs as a child process in its own process group with a
// time limit, in a temporary folder removed afterwards; never on the server's event loop.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const CONVERT_TIME_LIMIT_MS = 60_000;
export const OCR_TIME_LIMIT_MS = 60_000;

export function findProgram(names: string[]): string | null {
  for (const n of names) {
    for (const dir of (process.env['PATH'] ?? '/usr/bin').split(':')) {
      const p = path.join(dir, n);
      if (existsSync(p)) return p;
    }
  }
  return null;
}

export type RunResult = { ok: true; stdout: Buffer } | { ok: false; reason: 'timeout' | 'failed'; detail: string };

/** Runs a program; past the deadline its whole process group is killed (soffice forks soffice.bin). */
export function runProgram(file: string, args: string[], timeoutMs: number, env?: NodeJS.ProcessEnv): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(file, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: env ?? process.env });
    const out: Buffer[] = [];
    let err = '';
    let timedOut = false;
    const kill = () => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* already gone */
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, timeoutMs);
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => {
      if (err.length < 4000) err += d.toString();
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ ok: false, reason: 'failed', detail: e.message });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      kill(); // leftovers of the group
      if (timedOut) resolve({ ok: false, reason: 'timeout', detail: err });
      else if (code === 0) resolve({ ok: true, stdout: Buffer.concat(out) });
      else resolve({ ok: false, reason: 'failed', detail: err || `exit ${code}` });
    });
  });
}

async function withTempDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), 'tdtt-plan-'));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export type ToolResult<T> = { ok: true; value: T } | { ok: false; reason: 'missing' | 'timeout' | 'failed'; detail: string };

/** An old Word, OpenDocument or RTF file → .docx bytes, by LibreOffice headless (own profile: no lock with another soffice). */
export function convertToDocx(bytes: Uint8Array, ext: 'doc' | 'odt' | 'rtf'): Promise<ToolResult<Uint8Array>> {
  const soffice = findProgram(['soffice', 'libreoffice']);
  if (!soffice) return Promise.resolve({ ok: false, reason: 'missing', detail: 'soffice' });
  return withTempDir(async (dir) => {
    const input = path.join(dir, `input.${ext}`);
    await writeFile(input, bytes);
    const profile = pathToFileURL(path.join(dir, 'profile')).href;
    const r = await runProgram(
      soffice,
      ['--headless', '--norestore', '--nolockcheck', `-env:UserInstallation=${profile}`, '--convert-to', 'docx:MS Word 2007 XML', '--outdir', path.join(dir, 'out'), input],
      CONVERT_TIME_LIMIT_MS,
      { ...process.env, HOME: dir },
    );
    if (!r.ok) return r;
    const files = existsSync(path.join(dir, 'out')) ? await readdir(path.join(dir, 'out')) : [];
    const docx = files.find((f) => f.endsWith('.docx'));
    if (!docx) return { ok: false, reason: 'failed', detail: 'no output' };
    return { ok: true, value: new Uint8Array(await readFile(path.join(dir, 'out', docx))) };
  });
}

/** Page images (JPEG or PNM bytes) → text, page by page, by tesseract with its Vietnamese model. */
export function ocrImages(images: { ext: string; data: Uint8Array }[]): Promise<ToolResult<string>> {
  const tesseract = findProgram(['tesseract']);
  if (!tesseract) return Promise.resolve({ ok: false, reason: 'missing', detail: 'tesseract' });
  return withTempDir(async (dir) => {
    const deadline = Date.now() + OCR_TIME_LIMIT_MS;
    const pages: string[] = [];
    for (const [i, img] of images.entries()) {
      const file = path.join(dir, `page-${i}.${img.ext}`);
      await writeFile(file, img.data);
      const left = deadline - Date.now();
      if (left <= 0) return { ok: false, reason: 'timeout', detail: `page ${i + 1}` };
      // One thread: the server's other work keeps the second core.
      const r = await runProgram(tesseract, [file, 'stdout', '-l', 'vie', '--psm', '4'], left, { ...process.env, OMP_THREAD_LIMIT: '1' });
      if (!r.ok) return r;
      pages.push(r.stdout.toString('utf8'));
    }
    return { ok: true, value: pages.join('\n\f\n') };
  });
}
