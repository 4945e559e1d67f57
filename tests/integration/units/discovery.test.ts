// The websites of an imported sheet get their sources in the background ('discover' job); a site with
// nothing usable is listed for a person. The first-run checklist follows the steps.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson } from '../../support';
import { fixtureSite } from './fixture-sites';
import { csvOf, emptyInstall, upload } from './support';

describe('discovery of the imported websites', () => {
  let w: Awaited<ReturnType<typeof emptyInstall>>;
  let sites: Awaited<ReturnType<typeof fixtureSite>>[];
  beforeAll(async () => {
    [w, ...sites] = await Promise.all([emptyInstall(), fixtureSite('feed'), fixtureSite('sitemap'), fixtureSite('empty')] as const);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([w?.close(), ...(sites ?? []).map((x) => x.close())]);
  });

  it('an empty install shows the setup steps, none done', async () => {
    const { status, body } = await getJson(w.base, '/api/setup', { headers: w.admin });
    expect(status).toBe(200);
    expect(body.complete).toBe(false);
    expect(body.steps.map((s: any) => [s.id, s.done, s.href])).toEqual([
      ['units', false, '/quan-tri/don-vi'], ['sources', false, '/nguon'], ['plan', false, '/ke-hoach/nhap'],
      ['assignment', false, '/ke-hoach'], ['collection', false, '/tien-trinh'], ['report', false, '/bao-cao'],
    ]);
  });

  it('finds a feed, a sitemap, and reports the site with nothing', async () => {
    const sheet = [
      ['Tên đơn vị', 'Mã', 'Trực thuộc', 'Website'],
      ['Tỉnh ủy', 'TU', '', ''],
      ['Sở A', 'SA', 'TU', `${sites[0]!.url}/`],
      ['Sở B', 'SB', 'TU', `${sites[1]!.url}/`],
      ['Sở C', 'SC', 'TU', `${sites[2]!.url}/`],
    ];
    expect((await upload(w.base, w.admin, csvOf(sheet, ','), 'dv.csv')).status).toBe(200);
    await w.server.jobs.runner.idle();
    let websites: any[] = [];
    for (let i = 0; i < 100; i++) {
      websites = (await getJson(w.base, '/api/units/websites', { headers: w.admin })).body.websites;
      if (websites.every((x) => x.state !== 'pending')) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(websites.map((x) => [x.unitId, x.state, x.sourceCount])).toEqual([
      ['sa', 'found', 1],
      ['sb', 'found', 1],
      ['sc', 'nothing', 0],
    ]);
    expect(websites[2].message).toMatch(/cần người thêm nguồn/);
    const sources = (await getJson(w.base, '/api/sources', { headers: w.admin })).body.units;
    const of = (id: string) => sources.find((u: any) => u.id === id).sources.map((s: any) => [s.kind, s.url]);
    expect(of('sa')).toEqual([['feed', `${sites[0]!.url}/rss.xml`]]);
    expect(of('sb')).toEqual([['sitemap', `${sites[1]!.url}/sitemap.xml`]]);
    const runs = (await getJson(w.base, '/api/jobs', { headers: w.admin })).body.recent;
    expect(runs.find((r: any) => r.job === 'discover')).toMatchObject({ status: 'ok' });
    const setup = (await getJson(w.base, '/api/setup', { headers: w.admin })).body;
    expect(setup.steps.filter((s: any) => s.done).map((s: any) => s.id)).toEqual(['units', 'sources']);
  });
});
