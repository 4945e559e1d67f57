import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/support';
import { Database } from './connection';
import { ReadBusyError } from './read-pool';

const dirs: { remove(): void }[] = [];
function tempDbPath(): string {
  const d = tempDir('tdtt-connection-');
  dirs.push(d);
  return path.join(d.dir, 'test.duckdb');
}
afterEach(() => {
  for (const d of dirs.splice(0)) d.remove();
});

const limit = async (db: Database) => (await db.one<{ s: string }>(`SELECT current_setting('memory_limit') AS s`))!.s;

describe('Database memory limits', () => {
  it('raises the limit while jobs run, shared by overlapping jobs, and restores it after the last', async () => {
    const db = await Database.open(tempDbPath(), { memoryLimit: '64MB', jobMemoryLimit: '1GB', lowerAfterMs: 0 });
    try {
      const serving = await limit(db);
      expect(serving).toBe('61.0 MiB'); // 64 MB in DuckDB's binary units
      let releaseFirst!: () => void;
      const first = db.withJobMemory(async () => {
        const during = await limit(db);
        await new Promise<void>((r) => (releaseFirst = r));
        return during;
      });
      await new Promise((r) => setTimeout(r, 20));
      // A second job starts and ends while the first still runs: the limit stays raised.
      expect(await db.withJobMemory(() => limit(db))).toBe('953.6 MiB');
      expect(await limit(db)).toBe('953.6 MiB');
      releaseFirst();
      expect(await first).toBe('953.6 MiB');
      expect(await limit(db)).toBe(serving);
      // A failing job gives the memory back too.
      await expect(db.withJobMemory(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
      expect(await limit(db)).toBe(serving);
    } finally {
      await db.close();
    }
  });

  it("gives jobs DuckDB's default (80 % of the memory) when no job limit is set, in the buffer pool too", async () => {
    const db = await Database.open(tempDbPath(), { memoryLimit: '64MB', lowerAfterMs: 0 });
    // A 20-million-entry list (160 MB) cannot spill: it fits only under the raised limit.
    const big = () => db.one<{ n: number }>(`SELECT len(list(range)) AS n FROM range(20000000)`);
    try {
      // Out of memory on a read: retried once, then refused as busy (503), counted either way.
      await expect(big()).rejects.toBeInstanceOf(ReadBusyError);
      expect(db.readStats()).toMatchObject({ outOfMemory: 1, outOfMemoryFailed: 1 });
      expect(await db.withJobMemory(async () => (await big())!.n)).toBe(20_000_000);
      expect(await limit(db)).toBe('61.0 MiB');
      await expect(big()).rejects.toThrow(/out of memory/);
      expect(db.readStats()).toMatchObject({ outOfMemory: 2, outOfMemoryFailed: 2 });
    } finally {
      await db.close();
    }
  });

  it('never runs a job under the serving limit when jobs start and end back to back', async () => {
    const db = await Database.open(tempDbPath(), { memoryLimit: '64MB', jobMemoryLimit: '1GB', lowerAfterMs: 0 });
    try {
      const seen = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          new Promise((r) => setTimeout(r, i % 4)).then(() => db.withJobMemory(() => limit(db))),
        ),
      );
      expect(new Set(seen)).toEqual(new Set(['953.6 MiB']));
      expect(await limit(db)).toBe('61.0 MiB');
    } finally {
      await db.close();
    }
  });

  it('keeps the jobs\' limit a while after the last job, for the next one to find a warm buffer pool', async () => {
    const db = await Database.open(tempDbPath(), { memoryLimit: '64MB', jobMemoryLimit: '1GB', lowerAfterMs: 150 });
    try {
      await db.withJobMemory(async () => undefined);
      expect(await limit(db)).toBe('953.6 MiB');
      await new Promise((r) => setTimeout(r, 100));
      await db.withJobMemory(async () => undefined); // within the grace: the timer starts again
      await new Promise((r) => setTimeout(r, 100));
      expect(await limit(db)).toBe('953.6 MiB');
      await new Promise((r) => setTimeout(r, 150));
      expect(await limit(db)).toBe('61.0 MiB');
    } finally {
      await db.close();
    }
  });
});
