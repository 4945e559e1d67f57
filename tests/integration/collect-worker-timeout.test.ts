import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExtractPool, HostLimiter, ParseError, type FetchOptions } from '@tdtt/jobs/collect';
import { collectSource, inspectUrl } from '@tdtt/jobs/pipeline';
import { WorkerTaskTimeout } from '@tdtt/jobs/workers';
import { MemoryStore, sourceRecord, startHostileServer, type HostileServer } from '../fixtures/hostile-server';

// A page that makes extraction spin must not hold a worker: the task is stopped at the pool's
// timeout, its worker replaced, and the run goes on with the other articles.

let srv: HostileServer;
const pool = new ExtractPool({ size: 1, execArgv: ['--import', 'tsx'], taskTimeoutMs: 1500 });
beforeAll(async () => {
  srv = await startHostileServer();
});
afterAll(async () => {
  await pool.close();
  await srv.close();
});

const fetch: FetchOptions = { allowPrivate: ['loopback'], timeoutMs: 5000, retries: 0, limiter: new HostLimiter({ minDelayMs: 0 }) };

describe('worker task timeout', () => {
  it('a spinning page fails with WorkerTaskTimeout; the same pool then extracts a normal page', async () => {
    const res = await fetch_(srv.url('/spin.html'));
    const now = new Date('2025-03-01T00:00:00+07:00');
    const err = await pool.extract({ html: res, url: srv.url('/spin.html'), now }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkerTaskTimeout);
    expect((err as Error).message).toMatch(/Quá 2 giây xử lý/);
    const ok = await pool.extract({ html: await fetch_(srv.url('/healthy/a/1.html')), url: srv.url('/healthy/a/1.html'), now });
    expect(ok.title).toBe('Hội nghị học tập Nghị quyết');
  }, 30_000);

  it('in a collection run: the spinning article is an issue, the good one is stored', async () => {
    const store = new MemoryStore();
    const s = await collectSource(sourceRecord(1, srv.url('/spin-feed.xml')), { store, fetch, now: () => new Date('2025-03-01T00:00:00+07:00'), extract: pool.extract });
    expect(s.ok).toBe(true);
    expect(store.postsOf(1).map((p) => p.title)).toEqual(['Bài tốt']);
    expect(s.errors).toContainEqual(expect.objectContaining({ url: srv.url('/spin.html'), kind: 'extract-failed', message: expect.stringMatching(/Quá 2 giây/) }));
  }, 30_000);
});

describe('"Tải thử" of a spinning page', () => {
  it('answers a readable extraction failure instead of holding the caller', async () => {
    const err = await inspectUrl(srv.url('/spin.html'), { fetch, now: new Date(), kind: 'page', extract: pool.extract }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ParseError);
    expect(err).toMatchObject({ kind: 'extract-failed', message: expect.stringMatching(/^Không trích xuất được bài viết: Quá 2 giây/) });
  }, 30_000);
});

async function fetch_(url: string): Promise<string> {
  const r = await globalThis.fetch(url);
  return r.text();
}
