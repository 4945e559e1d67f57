import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { JobRunner } from '@tdtt/jobs/schedule';
import { createApp } from '@tdtt/server/app';
import { loadConfig } from '@tdtt/server/config';
import { afterAll, describe, expect, it } from 'vitest';
import { Database } from '../../server/src/db/connection';
import { migrate } from '../../server/src/db/migrate';
import { DuckDbStore } from '../../server/src/runtime/store';

// /api/health answers by status code: 200 while the database answers, 503 once its check fails.

const dir = mkdtempSync(path.join(tmpdir(), 'tdtt-health-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('GET /api/health', () => {
  it('answers 200 with db ok, then 503 with db error when the database check fails', async () => {
    const db = await Database.open(path.join(dir, 'tdtt.duckdb'));
    await migrate(db);
    const now = () => new Date();
    const app = createApp({ db, config: loadConfig({ DATA_DIR: dir }), runner: new JobRunner(new DuckDbStore(db, now)), scheduler: null, now });
    const ok = await app.request('/api/health');
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ ok: true, db: 'ok' });
    await db.close();
    const down = await app.request('/api/health');
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ ok: false, db: 'error' });
  });
});
