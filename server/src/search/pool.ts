// Tokenising millions of posts is the slow part of a rebuild: it runs in worker threads. A chunk's
// posts must all reach the same builder, so each worker is a pool of one, fed whole chunks in order.
import { WorkerPool, workerModule } from '@tdtt/jobs/workers';
import { BuildSession, type RowFile } from './builder';

export type IndexJob = { dir: string; maxPostings?: number } & ({ op: 'add'; packed: string } | { op: 'finish' });

/** Somewhere to send a chunk's posts (in id order) and get its row files back. */
export interface IndexLane {
  add(packed: string): Promise<RowFile[]>;
  finish(): Promise<RowFile[]>;
}

/** A lane on this thread (small increments: no worker start-up). */
export function localLane(dir: string, maxPostings?: number): IndexLane {
  const s = new BuildSession(dir, maxPostings);
  return {
    add: async (packed) => s.addPacked(packed),
    finish: async () => s.finish(),
  };
}

export class IndexPool {
  private readonly workers: WorkerPool<IndexJob, RowFile[]>[];

  constructor(size: number) {
    this.workers = Array.from({ length: size }, () => new WorkerPool<IndexJob, RowFile[]>(workerModule('index-worker', import.meta.url), { size: 1, name: 'IndexPool', taskTimeoutMs: 10 * 60_000 }));
  }

  get size(): number {
    return this.workers.length;
  }

  /** Lane k: worker k, building in `dir`. */
  lane(k: number, dir: string, maxPostings?: number): IndexLane {
    const w = this.workers[k]!;
    return {
      add: (packed) => w.run({ op: 'add', dir, maxPostings, packed }),
      finish: () => w.run({ op: 'finish', dir, maxPostings }),
    };
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
  }
}
