import { generateDemoWorld, startDemoWorldServer, type DemoWorld } from '../demo';
import type { Config } from '../config';
import type { Database } from '../db/connection';
import * as q from '../db/queries';
import { createDemoUsers, ensureAdmin, type DemoLogin } from '../auth';
import { importPlanText } from './plans';

export interface DemoHandle {
  world: DemoWorld;
  /** Plan ids by the demo's plan key. */
  planIds: { parent: string; child: string };
  /** Demo sign-ins (printed at start): an administrator, a staff member and unit leads. */
  logins: DemoLogin[];
  close(): Promise<void>;
}

const DEMO_NOW = 'demo_now';
const DEMO_PORT = 'demo_port';

/**
 * The embedded default: a fixture world of official sites on loopback, its units and sources
 * registered, its two plans imported through the real importer and assigned. The world is
 * anchored at the first start's date (kept in settings) so a restart serves the same posts.
 */
export async function bootDemo(db: Database, config: Config, opts: { log?: (msg: string) => void } = {}): Promise<DemoHandle> {
  let anchor = await q.getSetting(db, DEMO_NOW);
  if (!anchor) {
    anchor = new Date().toISOString();
    await q.setSetting(db, DEMO_NOW, anchor);
  }
  const world = generateDemoWorld({ seed: config.demoSeed, now: new Date(anchor) });
  // Same port as last time, so the sites keep their URLs and known articles are not fetched again.
  const lastPort = Number(await q.getSetting(db, DEMO_PORT)) || undefined;
  const site = await startDemoWorldServer(world, { port: lastPort });
  const port = new URL(site.sources[0]!.url).port;
  if (port) await q.setSetting(db, DEMO_PORT, port);
  config.allowPrivateHosts.push('loopback');

  await db.transaction(async (tx) => {
    await q.upsertUnits(tx, world.units);
    await q.replaceDemoSources(
      tx,
      world.units.map((u) => u.id),
      site.sources.flatMap((s) => [
        { unitId: s.unitId, kind: s.kind, url: s.url, listing: s.listing ?? null },
        ...(s.sitemapUrl ? [{ unitId: s.unitId, kind: 'sitemap' as const, url: s.sitemapUrl, listing: null }] : []),
      ]),
    );
  });

  const planIds = { parent: '', child: '' };
  for (const key of ['parent', 'child'] as const) {
    const plan = world.plans[key];
    const existing = (await q.listPlans(db)).find((p) => p.code === plan.code);
    if (existing) {
      planIds[key] = existing.id;
      continue;
    }
    const result = await importPlanText(db, plan.text, { isDefault: key === 'parent', unitIds: plan.assignedUnitIds });
    if (!result.ok) throw new Error(`Kế hoạch mẫu "${plan.code}" không nhập được: ${result.message}`);
    planIds[key] = result.planId;
  }
  const logins = await demoLogins(db, world, config);
  opts.log?.(`demo world: ${world.units.length} đơn vị, ${site.sources.length} trang, ${world.posts.length} bài (seed ${world.seed})`);
  opts.log?.(`Tài khoản dùng thử:\n${logins.map((l) => `  ${l.role.padEnd(5)} ${l.username} / ${l.password}${l.unitId ? `  (${l.unitId})` : ''}`).join('\n')}`);
  return { world, planIds, logins, close: () => site.close() };
}

/** An administrator (unless ADMIN_USER is set), a staff member, and leads of a bloc, a district and a department. */
async function demoLogins(db: Database, world: DemoWorld, config: Config): Promise<DemoLogin[]> {
  const logins: DemoLogin[] = [];
  if (!config.admin) {
    const admin = { username: 'quantri', password: 'demo-quantri' };
    await ensureAdmin(db, admin);
    logins.push({ ...admin, role: 'admin', unitId: null });
  }
  const pick = (kind: string) => world.units.find((u) => u.kind === kind)?.id;
  const leads = [pick('dang-uy-khoi'), pick('huyen-uy'), pick('so')].filter((id): id is string => !!id);
  logins.push(...(await createDemoUsers(db, { staff: true, leads: leads.map((unitId) => ({ unitId })) })));
  return logins;
}
