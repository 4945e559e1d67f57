import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_DUCKDB_MEMORY_LIMIT, loadConfig } from './config';

describe('loadConfig', () => {
  it('defaults to the embedded demo on loopback with ./data', () => {
    const c = loadConfig({}, '/srv/app');
    expect(c).toMatchObject({ port: 8080, host: '127.0.0.1', dataDir: '/srv/app/data', demo: true, hostDelayMs: 0, duckdbMemoryLimit: '256MB', duckdbJobMemoryLimit: null });
    expect(c.dbPath).toBe('/srv/app/data/tdtt.duckdb');
  });

  it('is polite to real sites when the demo is off', () => {
    expect(loadConfig({ DEMO: 'false' }).hostDelayMs).toBe(250);
    expect(loadConfig({ DEMO: 'false', COLLECT_HOST_DELAY_MS: '1000' }).hostDelayMs).toBe(1000);
  });

  it('names every bad variable at once', () => {
    let err: unknown;
    try {
      loadConfig({ PORT: 'abc', DEMO: 'maybe', DUCKDB_MEMORY_LIMIT: 'lots' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toMatch(/PORT/);
    expect((err as Error).message).toMatch(/DEMO/);
    expect((err as Error).message).toMatch(/DUCKDB_MEMORY_LIMIT/);
  });

  it('wants ADMIN_USER and ADMIN_PASSWORD together', () => {
    expect(() => loadConfig({ ADMIN_USER: 'admin' })).toThrow(/ADMIN_USER và ADMIN_PASSWORD/);
    expect(loadConfig({ ADMIN_USER: 'admin', ADMIN_PASSWORD: 'mat-khau-dai' }).admin).toEqual({ username: 'admin', password: 'mat-khau-dai' });
  });

  it('accepts DuckDB memory limits for pages and for jobs', () => {
    expect(loadConfig({ DUCKDB_MEMORY_LIMIT: '512MB' }).duckdbMemoryLimit).toBe('512MB');
    expect(loadConfig({}).duckdbMemoryLimit).toBe(DEFAULT_DUCKDB_MEMORY_LIMIT);
    expect(loadConfig({}).duckdbJobMemoryLimit).toBeNull();
    expect(loadConfig({ DUCKDB_JOB_MEMORY_LIMIT: '2GB' }).duckdbJobMemoryLimit).toBe('2GB');
    expect(() => loadConfig({ DUCKDB_JOB_MEMORY_LIMIT: 'much' })).toThrow(/DUCKDB_JOB_MEMORY_LIMIT/);
  });
});
