import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Server } from '@tdtt/server/main';
import { getJson, seededDemoServer, signInDemo } from '../support';

// Staff decisions on the demo world: they move the unit's counts and score after the roll-up,
// survive a retraining + re-classification, and the retrained model is a new recorded version.

let server: Server;
let remove: () => void;
let staff: Record<string, string>;

beforeAll(async () => {
  ({ server, remove } = await seededDemoServer(inject('runDir')));
  staff = await signInDemo(server, 'staff');
}, 300_000);

afterAll(async () => {
  await server?.close();
  remove?.();
});

const post = (path: string, body: unknown, headers = staff) =>
  getJson(server.url, path, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });

interface Target {
  unit_id: string;
  theme_id: string;
  month: string;
  own: number;
  plan_id: string;
}

async function unitTheme(t: Target) {
  const { status, body } = await getJson(server.url, `/api/units/${t.unit_id}?plan=${t.plan_id}&month=${t.month}`, { headers: staff });
  expect(status).toBe(200);
  const theme = (body.themes as { id: string; own: number; covered: boolean }[]).find((x) => x.id === t.theme_id)!;
  // The posts that counted, with the theme chips each shows.
  const chips = new Map((body.posts as { id: string; themes: { id: string }[] }[]).map((p) => [Number(p.id), p.themes.map((x) => x.id)]));
  const shows = (postId: number) => chips.get(postId)?.includes(t.theme_id) ?? false;
  return { own: theme.own, covered: theme.covered, score: body.score as number, shows };
}

/** Own (not repost) collected posts counted for the unit, theme and month. */
async function countedPostIds(t: Target): Promise<{ id: number; published_at: string }[]> {
  const version = (await server.db.one<{ value: string }>(`SELECT value FROM settings WHERE key = 'model_version'`))!.value;
  return server.db.all(
    `SELECT DISTINCT p.id, p.published_at FROM post_themes a JOIN posts p ON p.id = a.post_id
     WHERE a.model_version = $1 AND a.theme_id = $2 AND p.unit_id = $3 AND p.origin = 'collected' AND p.repost_of IS NULL
       AND strftime(p.published_day, '%Y-%m') = $4
       AND NOT EXISTS (SELECT 1 FROM theme_decisions d WHERE d.post_id = p.id AND d.theme_id = a.theme_id)`,
    [version, t.theme_id, t.unit_id, t.month],
  );
}

async function waitForIdle(afterRunId: number) {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const { body } = await getJson(server.url, '/api/jobs', { headers: staff });
    const rollup = (body.recent as { id: string; job: string; status: string }[]).find((r) => r.job === 'rollup' && Number(r.id) > afterRunId);
    if (body.running.length === 0 && rollup && rollup.status !== 'running') return;
    if (Date.now() > deadline) throw new Error('classify + rollup did not finish');
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('staff decisions', () => {
  let target: Target;
  let rejected: number[];

  it('rejecting every counted post of a covered theme lowers the count, uncovers it and lowers the score', async () => {
    // The (unit, theme, month) of the default plan covered by the fewest own posts.
    const planId = server.demo!.planIds.parent;
    target = (await server.db.one<Target>(
      `SELECT m.unit_id, m.theme_id, strftime(m.month, '%Y-%m') AS month, m.own, t.plan_id FROM coverage_monthly m JOIN themes t ON t.id = m.theme_id
       WHERE t.plan_id = $1 AND m.own > 0 AND m.repost = 0 AND m.submitted = 0 ORDER BY m.own, m.month DESC, m.unit_id, m.theme_id LIMIT 1`,
      [planId],
    ))!;
    expect(target).toBeTruthy();
    const before = await unitTheme(target);
    expect(before.own).toBe(target.own);
    expect(before.covered).toBe(true);
    const ids = await countedPostIds(target);
    expect(ids.length).toBe(target.own);
    for (const p of ids) expect(before.shows(p.id)).toBe(true);
    for (const p of ids) {
      const res = await post(`/api/posts/${p.id}/decisions`, { themeId: target.theme_id, accepted: false });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    rejected = ids.map((p) => p.id);
    const after = await unitTheme(target);
    expect(after.own).toBe(0);
    expect(after.covered).toBe(false);
    for (const id of rejected) expect(after.shows(id)).toBe(false);
    expect(after.score).toBeLessThan(before.score);
  });

  it('shows the decision (who, when) on the post, with the match struck out', async () => {
    const { status, body } = await getJson(server.url, `/api/posts/${rejected[0]}`, { headers: staff });
    expect(status).toBe(200);
    expect(body.post.matches.map((m: { themeId: string }) => m.themeId)).not.toContain(target.theme_id);
    expect(body.post.rejected.map((m: { themeId: string }) => m.themeId)).toContain(target.theme_id);
    const d = body.post.decisions.find((x: { themeId: string }) => x.themeId === target.theme_id);
    expect(d).toMatchObject({ accepted: false });
    expect(d.by).toBeTruthy();
    expect(Date.parse(d.at)).toBeGreaterThan(0);
    const audit = await server.db.all(`SELECT action FROM audit_log WHERE action = 'decision.create' AND target = $1`, [`post:${rejected[0]}`]);
    expect(audit.length).toBeGreaterThan(0);
  });

  it('adding a missed theme counts the post again', async () => {
    const res = await post(`/api/posts/${rejected[0]}/decisions`, { themeId: target.theme_id, accepted: true });
    expect(res.status).toBe(201);
    const added = await unitTheme(target);
    expect(added.own).toBe(1);
    expect(added.shows(rejected[0]!)).toBe(true);
    // and back to rejected for the rest of the file
    expect((await post(`/api/posts/${rejected[0]}/decisions`, { themeId: target.theme_id, accepted: false })).status).toBe(201);
    expect((await unitTheme(target)).own).toBe(0);
  });

  it('rejects unknown themes and posts with clear errors, and a lead cannot decide', async () => {
    expect((await post(`/api/posts/${rejected[0]}/decisions`, { themeId: 'khong-co', accepted: true })).status).toBe(400);
    expect((await post(`/api/posts/99999999/decisions`, { themeId: target.theme_id, accepted: true })).status).toBe(404);
    const lead = await signInDemo(server, 'lead');
    expect((await post(`/api/posts/${rejected[0]}/decisions`, { themeId: target.theme_id, accepted: true }, lead)).status).toBe(403);
  });

  it('refuses to add a theme of a plan not assigned to the post’s unit (400 naming themeId)', async () => {
    // A post and a theme of a current plan assigned neither to the post's unit nor to its ancestors.
    const pair = await server.db.one<{ post_id: number; theme_id: string }>(
      `WITH RECURSIVE up(unit_id, id, d) AS (SELECT id, id, 0 FROM units UNION ALL SELECT up.unit_id, u.parent_id, up.d + 1 FROM units u JOIN up ON u.id = up.id WHERE u.parent_id IS NOT NULL AND up.d < 20)
       SELECT p.id AS post_id, t.id AS theme_id FROM posts p, themes t JOIN plans pl ON pl.id = t.plan_id AND pl.is_current
       WHERE NOT EXISTS (SELECT 1 FROM plan_units pu JOIN up ON up.id = pu.unit_id WHERE pu.plan_id = t.plan_id AND up.unit_id = p.unit_id)
       ORDER BY p.id, t.id LIMIT 1`,
    );
    expect(pair, 'the demo has a unit outside one of its plans').toBeTruthy();
    // The post page offers only themes of the plans assigned to the post's unit, each with its plan.
    const view = await getJson<{ themes: { id: string; plan: { id: string; code: string | null } }[] }>(server.url, `/api/posts/${pair!.post_id}`, { headers: staff });
    expect(view.body.themes.length).toBeGreaterThan(0);
    expect(view.body.themes.map((t) => t.id)).not.toContain(pair!.theme_id);
    for (const t of view.body.themes) {
      const applies = await server.db.one<{ n: number }>(`SELECT count(*) AS n FROM themes WHERE id = $1 AND plan_id = $2`, [t.id, t.plan.id]);
      expect(Number(applies!.n), t.id).toBe(1);
    }
    const res = await post(`/api/posts/${pair!.post_id}/decisions`, { themeId: pair!.theme_id, accepted: true });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^themeId: .*không thuộc kế hoạch giao cho đơn vị/);
    const stored = await server.db.one<{ n: number }>(`SELECT count(*) AS n FROM theme_decisions WHERE post_id = $1 AND theme_id = $2`, [pair!.post_id, pair!.theme_id]);
    expect(Number(stored!.n)).toBe(0);
  });

  it('retraining makes a new model version, re-classifies every post with progress and keeps the decisions', async () => {
    const before = (await getJson(server.url, '/api/model', { headers: staff })).body;
    const posts = (await server.db.one<{ n: number }>(`SELECT count(*) AS n FROM posts`))!.n;
    const res = await post('/api/model/retrain', {});
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    const runId = Number(res.body.runId);
    expect(res.body.model.generation).toBe(1);
    expect(res.body.model.decisions).toBeGreaterThanOrEqual(rejected.length);
    await waitForIdle(runId);

    const run = (await server.db.one<{ job: string; status: string; done: number; total: number; stats_json: string }>(`SELECT * FROM job_runs WHERE id = $1`, [runId]))!;
    expect(run).toMatchObject({ job: 'classify', status: 'ok', done: posts, total: posts });
    const after = (await getJson(server.url, '/api/model', { headers: staff })).body;
    expect(after.currentVersion).not.toBe(before.currentVersion);
    expect(after.currentVersion).toContain(res.body.model.version);
    expect(JSON.parse(run.stats_json).modelVersion).toBe(after.currentVersion);
    const rows = (await server.db.one<{ n: number }>(`SELECT count(DISTINCT post_id) AS n FROM post_classified WHERE model_version = $1`, [after.currentVersion]))!.n;
    expect(rows).toBe(posts);
    // Matches record the version that made them.
    const { body } = await getJson(server.url, `/api/posts/${rejected[0]}`, { headers: staff });
    for (const m of body.post.matches.filter((x: { modelVersion: string | null }) => x.modelVersion)) expect(m.modelVersion).toBe(after.currentVersion);
    // The decisions survive: the rejected theme still does not count.
    expect((await unitTheme(target)).own).toBe(0);
    expect(body.post.matches.map((m: { themeId: string }) => m.themeId)).not.toContain(target.theme_id);

    // A second retraining is another generation, another version.
    const again = await post('/api/model/retrain', {});
    expect(again.status).toBe(202);
    expect(again.body.model.generation).toBe(2);
    expect(again.body.model.version).not.toBe(res.body.model.version);
    await waitForIdle(Number(again.body.runId));
  });
});
