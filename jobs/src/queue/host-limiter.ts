import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { Semaphore, type RequestLimiter } from '../collect/fetch';

// Politeness that holds across every collector process on every machine: at most `perHost`
// requests in flight per host and starts at least the host's delay apart, decided by
// PostgreSQL (tdtt_acquire_host) rather than by each process's own counters.

export interface PgHostLimiterOptions {
  perHost?: number;
  minDelayMs?: number;
  /** Requests in flight in this process at most. */
  global?: number;
  /** A collector that died holds its slots at most this long (live requests renew theirs). */
  leaseMs?: number;
  /** Poll gap while every slot of a host is busy. */
  busyWaitMs?: number;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class PgHostLimiter implements RequestLimiter {
  readonly perHost: number;
  readonly minDelayMs: number;
  private readonly leaseMs: number;
  private readonly busyWaitMs: number;
  private readonly holder = randomUUID();
  private readonly local: Semaphore;

  constructor(private readonly pg: Pool, opts: PgHostLimiterOptions = {}) {
    this.perHost = Math.max(1, opts.perHost ?? 2);
    this.minDelayMs = Math.max(0, opts.minDelayMs ?? 250);
    // Renewed while the request runs (below), so this only bounds how long a dead collector's slot stays taken.
    this.leaseMs = opts.leaseMs ?? 45_000;
    this.busyWaitMs = opts.busyWaitMs ?? 20;
    this.local = new Semaphore(Math.max(1, opts.global ?? 64));
  }

  setHostDelay(host: string, ms: number): void {
    const delay = Math.max(this.minDelayMs, Math.min(ms, 30_000));
    void this.pg.query('UPDATE tdtt_hosts SET delay_ms = $2 WHERE host = $1', [host, delay]).catch(() => undefined);
  }

  private async acquire(host: string): Promise<number> {
    for (;;) {
      const r = await this.pg.query<{ slot: number }>('SELECT tdtt_acquire_host($1, $2, $3, $4, $5) AS slot', [
        host, this.perHost, this.holder, this.leaseMs, this.minDelayMs,
      ]);
      const slot = r.rows[0]!.slot;
      if (slot > 0) return slot;
      // Jitter spreads the collectors that wait on one host.
      await sleep((slot < 0 ? -slot : this.busyWaitMs) + Math.random() * this.busyWaitMs);
    }
  }

  async run<T>(host: string, fn: () => Promise<T>): Promise<T> {
    await this.local.acquire();
    try {
      const slot = await this.acquire(host);
      // A live request keeps its lease however long it takes; only a dead collector's lease expires.
      const renew = setInterval(() => {
        void this.pg
          .query(`UPDATE tdtt_host_leases SET expires_at = clock_timestamp() + $4 * INTERVAL '1 millisecond' WHERE host = $1 AND slot = $2 AND holder = $3`, [
            host, slot, this.holder, this.leaseMs,
          ])
          .catch(() => undefined);
      }, Math.max(250, this.leaseMs / 3));
      try {
        return await fn();
      } finally {
        clearInterval(renew);
        await this.pg
          .query('DELETE FROM tdtt_host_leases WHERE host = $1 AND slot = $2 AND holder = $3', [host, slot, this.holder])
          .catch(() => undefined); // an unreleased lease expires by itself
      }
    } finally {
      this.local.release();
    }
  }
}
