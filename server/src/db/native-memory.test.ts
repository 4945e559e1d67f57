import { describe, expect, it } from 'vitest';
import { createCollector } from './native-memory';

const tick = () => new Promise((r) => setImmediate(r));

describe('createCollector', () => {
  it('runs one collection after the current work however often it is asked', async () => {
    let runs = 0;
    const soon = createCollector(() => runs++, 50);
    soon();
    soon();
    soon();
    expect(runs).toBe(0); // never inside the work that asked
    await tick();
    expect(runs).toBe(1);
  });

  it('keeps collections at least the gap apart', async () => {
    const at: number[] = [];
    const soon = createCollector(() => at.push(performance.now()), 40);
    soon();
    await tick();
    soon();
    await tick();
    expect(at).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 60));
    expect(at).toHaveLength(2);
    expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(39);
  });
});
