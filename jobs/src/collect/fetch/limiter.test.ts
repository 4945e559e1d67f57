import { describe, expect, it } from 'vitest';
import { HostLimiter } from './limiter';

async function load(limiter: HostLimiter, hosts: string[], perTask = 5) {
  const active = new Map<string, number>();
  const peak = new Map<string, number>();
  let global = 0;
  let globalPeak = 0;
  const starts: Array<[string, number]> = [];
  await Promise.all(
    hosts.map((h) =>
      limiter.run(h, async () => {
        active.set(h, (active.get(h) ?? 0) + 1);
        peak.set(h, Math.max(peak.get(h) ?? 0, active.get(h)!));
        globalPeak = Math.max(globalPeak, ++global);
        starts.push([h, Date.now()]);
        await new Promise((r) => setTimeout(r, perTask));
        active.set(h, active.get(h)! - 1);
        global--;
      }),
    ),
  );
  return { peak, globalPeak, starts };
}

describe('HostLimiter', () => {
  it('keeps at most 2 in flight per host and the global cap overall', async () => {
    const hosts = Array.from({ length: 30 }, (_, i) => `h${i % 5}.vn`);
    const { peak, globalPeak } = await load(new HostLimiter({ perHost: 2, global: 6, minDelayMs: 0 }), hosts);
    for (const p of peak.values()) expect(p).toBeLessThanOrEqual(2);
    expect(Math.max(...peak.values())).toBe(2);
    expect(globalPeak).toBeLessThanOrEqual(6);
  });
  it('spaces starts on one host by the minimum delay', async () => {
    const { starts } = await load(new HostLimiter({ perHost: 2, minDelayMs: 30 }), ['a.vn', 'a.vn', 'a.vn'], 1);
    const t = starts.map(([, at]) => at).sort((x, y) => x - y);
    // Timer granularity can fire a millisecond early; the order of magnitude is what matters.
    expect(t[1]! - t[0]!).toBeGreaterThanOrEqual(28);
    expect(t[2]! - t[1]!).toBeGreaterThanOrEqual(28);
  });
  it('a failing task releases its slot', async () => {
    const l = new HostLimiter({ perHost: 1, minDelayMs: 0 });
    await expect(l.run('a.vn', async () => Promise.reject(new Error('x')))).rejects.toThrow('x');
    await expect(l.run('a.vn', async () => 42)).resolves.toBe(42);
  });
});
