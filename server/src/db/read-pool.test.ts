import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createErrorHandler } from '../middleware/errors';
import { ReadBusyError, ReadPool, outsideRequest, withReadDeadline } from './read-pool';

const gate = () => {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return { open, opened };
};

describe('ReadPool', () => {
  it('runs at most `size` reads at once, the rest in arrival order', async () => {
    const pool = new ReadPool(['a', 'b'], { queueTimeoutMs: 1000, maxQueue: 10 });
    const g = gate();
    const order: number[] = [];
    let running = 0;
    let most = 0;
    const reads = Array.from({ length: 6 }, (_, i) =>
      pool.use(async () => {
        most = Math.max(most, ++running);
        if (i < 2) await g.opened;
        order.push(i);
        running--;
      }),
    );
    await new Promise((r) => setTimeout(r, 10));
    expect(pool.stats()).toMatchObject({ size: 2, active: 2, queued: 4, busy: 0 });
    g.open();
    await Promise.all(reads);
    expect(most).toBe(2);
    expect(order.slice(2)).toEqual([2, 3, 4, 5]);
    expect(pool.stats()).toMatchObject({ active: 0, queued: 0 });
  });

  it("refuses a request's read that waited past its deadline, and the queue moves on", async () => {
    const pool = new ReadPool(['only'], { queueTimeoutMs: 60, maxQueue: 10 });
    const g = gate();
    const holder = pool.use(() => g.opened);
    const started = performance.now();
    const late = withReadDeadline(60, () => pool.use(async () => 'never'));
    await expect(late).rejects.toBeInstanceOf(ReadBusyError);
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
    expect(pool.stats()).toMatchObject({ queued: 0, busy: 1 });
    // Outside a request (a job) a read waits as long as it takes.
    const job = withReadDeadline(10, () => outsideRequest(() => pool.use(async (c) => c)));
    await new Promise((r) => setTimeout(r, 40));
    g.open();
    await holder;
    await expect(job).resolves.toBe('only');
  });

  it('refuses at once when the queue is full', async () => {
    const pool = new ReadPool(['only'], { queueTimeoutMs: 5000, maxQueue: 1 });
    const g = gate();
    const holder = pool.use(() => g.opened);
    const queued = pool.use(async () => 'second');
    await expect(pool.use(async () => 'third')).rejects.toBeInstanceOf(ReadBusyError);
    g.open();
    await holder;
    await expect(queued).resolves.toBe('second');
  });

  it('answers a refused read 503 with Retry-After and a Vietnamese message', async () => {
    const pool = new ReadPool(['only'], { queueTimeoutMs: 30, maxQueue: 10 });
    const g = gate();
    const holder = pool.use(() => g.opened);
    const app = new Hono();
    app.onError(createErrorHandler());
    app.use((_c, next) => withReadDeadline(30, () => next()));
    app.get('/x', async (c) => c.json(await pool.use(async () => ({ ok: true }))));
    const res = await app.request('/x');
    expect(res.status).toBe(503);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await res.json()).toEqual({ error: { code: 'busy', message: 'Hệ thống đang bận, vui lòng thử lại sau ít giây' } });
    g.open();
    await holder;
    expect((await app.request('/x')).status).toBe(200);
  });
});
