import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEALTHY_ARTICLES, startHostileServer, type HostileServer } from '../fixtures/hostile-server';

// `npm run collect:url` as a user runs it: a child process, no database, no server.

const run = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, '../..');
let srv: HostileServer;
beforeAll(async () => {
  srv = await startHostileServer();
});
afterAll(() => srv.close());

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, ['--import', 'tsx', 'server/src/cli/collect-url.ts', ...args], { cwd: repoRoot, timeout: 30_000 });
    return { code: 0, ...r };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

interface Out {
  kind: string;
  items: Array<{ url: string; title: string | null; published: string | null; text?: string; flags: string[] }>;
}

describe('collect:url', () => {
  it('a feed → its items as one JSON object', async () => {
    const r = await cli(srv.url('/healthy/feed.xml'), '--allow-private', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Out;
    expect(out.kind).toBe('feed');
    expect(out.items.map((i) => i.url)).toEqual(HEALTHY_ARTICLES.map((a) => srv.url(a.path)));
    expect(out.items[1]).toEqual({ url: srv.url('/healthy/a/2.html'), title: 'Kỷ niệm ngày thành lập Đảng', published: '2025-02-03T10:00:00+07:00', flags: [] });
  });

  it('an article page → title, canonical URL, published and text', async () => {
    const r = await cli(srv.url('/cp1258.html'), '--json', '--allow-private');
    const out = JSON.parse(r.stdout) as Out;
    expect(out.kind).toBe('page');
    expect(out.items).toHaveLength(1);
    expect(out.items[0]).toMatchObject({ title: 'Trang mã windows-1258', published: '2025-02-07T08:00:00+07:00', flags: ['date-from-text'] });
    expect(out.items[0]!.text).toContain('Tiếng Việt mã cũ: Ủy ban nhân dân huyện.');
  });

  it('a sitemap index, in plain text for people', async () => {
    const r = await cli(srv.url('/sitemap-index.xml'), '--allow-private');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('(sitemap)');
    expect(r.stdout).toContain(srv.url('/healthy/a/5.html'));
  });

  it('refuses loopback without --allow-private, with a readable error', async () => {
    const r = await cli(srv.url('/healthy/feed.xml'), '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({ error: { kind: 'private-address', message: expect.stringContaining('--allow-private') } });
  });
});

describe('collect:url on section pages without a feed', () => {
  it('a portal section page → kind listing, its 24 articles with ISO instants', async () => {
    const r = await cli(srv.url('/chinh-tri.htm'), '--allow-private', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Out;
    expect(out.kind).toBe('listing');
    expect(out.items).toHaveLength(24);
    expect(out.items[0]).toMatchObject({ url: srv.url('/chinh-tri/bai-viet-so-1-10225020100.htm'), title: 'Thủ tướng chủ trì phiên họp Chính phủ thường kỳ tháng 1 năm 2025', published: '2025-02-03T08:15:00+07:00' });
    for (const i of out.items) {
      expect(i.url).toMatch(/\/chinh-tri\/bai-viet-so-\d+-/);
      expect(i.published).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/);
    }
  });

  it('a Liferay list → its dates ("21/07/2022 | 10:00 AM", "Ngày đăng … | View count")', async () => {
    const r = await cli(srv.url('/web/sovanhoa/tin-tuc-su-kien'), '--allow-private', '--json');
    const out = JSON.parse(r.stdout) as Out;
    expect(out.kind).toBe('listing');
    expect(out.items.map((i) => i.published)).toEqual([
      '2022-07-21T10:00:00+07:00', '2022-07-18T14:30:00+07:00', '2022-07-15T07:45:00+07:00', '2020-09-09T17:07:00+07:00', '2020-09-02T08:20:00+07:00',
    ]);
    expect(out.items[0]!.title).toBe('Hội thi tuyên truyền lưu động chào mừng kỷ niệm Quốc khánh 2/9');
  });

  it('in plain text, the selector it suggests', async () => {
    const r = await cli(srv.url('/Pages/tin-hoat-dong.aspx'), '--allow-private');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('(listing)');
    expect(r.stdout).toContain('bộ chọn gợi ý: #ctl00_PlaceHolderMain_NewsList > ul.dfwp-list > li');
    expect(r.stdout).toContain('2026-03-05T15:34:00+07:00');
  });
});
