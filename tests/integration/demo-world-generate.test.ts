// The demo world generator: deterministic, realistic structure, truth consistent with the text.
import { describe, expect, it } from 'vitest';
import { hammingDistance, simhash } from '@tdtt/jobs/collect/dedup';
import { furnitureStrings, generateDemoWorld, type DemoWorld } from '@tdtt/server/demo';

const NOW = new Date('2026-11-23T03:00:00Z');
const world = generateDemoWorld({ seed: 1, now: NOW });
const DAY = 86_400_000;
const fold = (s: string) => s.normalize('NFC').toLowerCase();

function fingerprint(w: DemoWorld): string {
  return JSON.stringify({ ...w, truth: null });
}

describe('demo world: determinism', () => {
  it('same seed and now give an identical world', () => {
    const again = generateDemoWorld({ seed: 1, now: new Date(NOW) });
    expect(fingerprint(again)).toBe(fingerprint(world));
  });
  it('a different seed gives different posts but the same units and plans', () => {
    const other = generateDemoWorld({ seed: 2, now: NOW });
    expect(other.units).toEqual(world.units);
    expect(other.plans.parent.text).toBe(world.plans.parent.text);
    expect(fingerprint(other)).not.toBe(fingerprint(world));
    expect(other.posts.map((p) => p.title).join('|')).not.toBe(world.posts.map((p) => p.title).join('|'));
  });
  it('seed defaults to 1', () => {
    expect(fingerprint(generateDemoWorld({ now: NOW }))).toBe(fingerprint(world));
  });
});

describe('demo world: units and sites', () => {
  it('has at least 30 units in one hierarchy rooted at the Tỉnh ủy', () => {
    expect(world.units.length).toBeGreaterThanOrEqual(30);
    const ids = new Set(world.units.map((u) => u.id));
    expect(ids.size).toBe(world.units.length);
    const roots = world.units.filter((u) => u.parentId === null);
    expect(roots.map((r) => r.kind)).toEqual(['tinh-uy']);
    for (const u of world.units) {
      expect(u.id).toMatch(/^[a-z0-9-]+$/);
      if (u.parentId !== null) expect(ids.has(u.parentId)).toBe(true);
    }
    const blocs = world.units.filter((u) => u.kind === 'dang-uy-khoi');
    expect(blocs.map((b) => b.name).sort()).toEqual(['Đảng ủy Khối các cơ quan tỉnh', 'Đảng ủy Khối doanh nghiệp tỉnh']);
    for (const b of blocs) expect(world.units.filter((u) => u.parentId === b.id).length).toBeGreaterThanOrEqual(5);
    const districts = world.units.filter((u) => u.kind === 'huyen-uy');
    expect(districts.length).toBeGreaterThanOrEqual(5);
    expect(world.units.filter((u) => u.kind === 'dang-uy-xa' && districts.some((d) => d.id === u.parentId)).length).toBeGreaterThanOrEqual(3);
  });
  it('mixes source kinds, feed formats and CMS templates', () => {
    const count = (f: (s: DemoWorld['sites'][number]) => boolean) => world.sites.filter(f).length;
    expect(count((s) => s.kind === 'feed')).toBeGreaterThan(world.sites.length / 2);
    expect(count((s) => s.kind === 'sitemap')).toBeGreaterThanOrEqual(3);
    expect(count((s) => s.kind === 'listing')).toBeGreaterThanOrEqual(3);
    expect(count((s) => s.feedFormat === 'rss')).toBeGreaterThan(0);
    expect(count((s) => s.feedFormat === 'atom')).toBeGreaterThan(0);
    for (const t of ['portal', 'joomla', 'aspnet'] as const) expect(count((s) => s.template === t)).toBeGreaterThan(5);
  });
});

describe('demo world: posts', () => {
  const now = NOW.getTime();
  const start = Date.parse(world.windowStart);
  it('has 3,000-6,000 posts spread over the 18 months before now, in +07:00', () => {
    expect(world.posts.length).toBeGreaterThanOrEqual(3000);
    expect(world.posts.length).toBeLessThanOrEqual(6000);
    expect((now - start) / DAY).toBeGreaterThan(540);
    for (const p of world.posts) {
      expect(p.publishedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$/);
      const t = Date.parse(p.publishedAt);
      expect(t).toBeGreaterThanOrEqual(start);
      expect(t).toBeLessThan(now);
    }
    const times = world.posts.map((p) => Date.parse(p.publishedAt));
    expect(Math.min(...times) - start).toBeLessThan(7 * DAY);
    expect(now - Math.max(...times)).toBeLessThan(3 * DAY);
  });
  it('ids and URLs are unique, bodies are 150-600 words', () => {
    expect(new Set(world.posts.map((p) => p.id)).size).toBe(world.posts.length);
    expect(new Set(world.posts.map((p) => `${p.unitId} ${p.url}`)).size).toBe(world.posts.length);
    for (const p of world.posts) {
      const words = p.text.split(/\s+/).length;
      expect(words).toBeGreaterThanOrEqual(150);
      expect(words).toBeLessThanOrEqual(600);
      expect(p.text).toBe(p.text.normalize('NFC'));
    }
  });
  it('one unit is silent for the last three months but active before', () => {
    const silent = world.truth.silentUnitId;
    const posts = world.truth.postsByUnit(silent);
    expect(posts.length).toBeGreaterThan(50);
    expect(posts.filter((p) => Date.parse(p.publishedAt) > now - 91 * DAY)).toEqual([]);
    expect(posts.some((p) => Date.parse(p.publishedAt) > now - 130 * DAY)).toBe(true);
  });
  it('repost units mostly republish the Tỉnh ủy original, later and with the same text', () => {
    expect(world.truth.repostUnitIds.length).toBeGreaterThanOrEqual(2);
    for (const id of world.truth.repostUnitIds) {
      const posts = world.truth.postsByUnit(id);
      const reposts = posts.filter((p) => p.truth.repostOf);
      expect(reposts.length / posts.length).toBeGreaterThan(0.5);
      for (const r of reposts) {
        const orig = world.truth.postById(r.truth.repostOf!)!;
        expect(orig.unitId).toBe('tinh-uy');
        expect(r.text).toBe(orig.text);
        expect(r.title).toBe(orig.title);
        expect(r.truth.themes).toEqual(orig.truth.themes);
        expect(Date.parse(r.publishedAt)).toBeGreaterThan(Date.parse(orig.publishedAt));
      }
    }
    const others = world.posts.filter((p) => p.truth.repostOf && !world.truth.repostUnitIds.includes(p.unitId));
    expect(others).toEqual([]);
  });
  it('coverage is uneven: diligent units cover far more theme posts than weak ones', () => {
    const themed = (id: string) => world.truth.postsByUnit(id).filter((p) => p.truth.themes.length > 0).length;
    const by = (profile: string) => Object.keys(world.profiles).filter((id) => world.profiles[id] === profile);
    const min = Math.min(...by('diligent').map(themed));
    const max = Math.max(...by('weak').map(themed));
    expect(min).toBeGreaterThan(2 * max);
  });
  it('has plenty of off-topic posts, which carry no theme', () => {
    const off = world.posts.filter((p) => p.truth.offTopic);
    expect(off.length / world.posts.length).toBeGreaterThan(0.15);
    for (const p of off) expect(p.truth.themes).toEqual([]);
    for (const p of world.posts) if (!p.truth.offTopic) expect(p.truth.themes.length).toBeGreaterThan(0);
  });
  it('theme posts use their theme vocabulary; passing mentions are not themes', () => {
    const bySlug = new Map(world.themes.map((t) => [t.slug, t]));
    for (const p of world.posts) {
      for (const slug of p.truth.themes) {
        const t = bySlug.get(slug)!;
        expect(t.keyRefs.some((k) => fold(p.text).includes(fold(k))), `${p.id} about ${slug}`).toBe(true);
      }
      for (const m of p.truth.passingMentions) expect(p.truth.themes).not.toContain(m);
    }
    expect(world.posts.filter((p) => p.truth.passingMentions.length > 0).length).toBeGreaterThan(200);
  });
  it('posts carry only themes of plans assigned to their unit, inside the theme phase', () => {
    const bySlug = new Map(world.themes.map((t) => [t.slug, t]));
    for (const p of world.posts) {
      for (const slug of p.truth.themes) {
        const t = bySlug.get(slug)!;
        const plan = world.plans[t.planKey];
        expect(plan.assignedUnitIds).toContain(p.unitId);
        const phase = plan.phases[t.phaseIndex]!;
        const day = p.publishedAt.slice(0, 10);
        if (!p.truth.repostOf && slug !== 'ky-niem-ngay-le') {
          expect(day >= phase.startsOn, `${p.id} ${slug}`).toBe(true);
          if (phase.endsOn) expect(day <= phase.endsOn, `${p.id} ${slug}`).toBe(true);
        }
      }
    }
  });
  it('diligent units publish a burst around each anniversary', () => {
    for (const a of world.anniversaries) {
      const at = Date.parse(`${a.date}T00:00:00+07:00`);
      const burst = world.truth.postsByUnit('so-giao-duc').filter(
        (p) => p.truth.themes.includes('ky-niem-ngay-le') && Math.abs(Date.parse(p.publishedAt) - at) < 8 * DAY,
      );
      expect(burst.length, a.date).toBeGreaterThanOrEqual(2);
      expect(burst.some((p) => p.text.includes(`${a.years} năm`))).toBe(true);
    }
  });
  it('no post text contains page furniture', () => {
    const furniture = [...new Set(world.units.flatMap((u) => furnitureStrings(u)).map(fold))];
    expect(furniture.length).toBeGreaterThan(50);
    const hits: string[] = [];
    for (const p of world.posts) {
      const text = fold(p.text);
      for (const f of furniture) if (text.includes(f)) hits.push(`${p.id}: ${f}`);
    }
    expect(hits).toEqual([]);
  });
  it('only true reposts look alike to the collector: no repeated text, no cross-unit SimHash near-duplicate', () => {
    const own = world.posts.filter((p) => !p.truth.repostOf);
    expect(new Set(own.map((p) => p.text)).size).toBe(own.length);
    const hashes = own.map((p) => simhash(p.text));
    const bands = new Map<string, number[]>();
    const near: string[] = [];
    hashes.forEach((h, i) => {
      for (let b = 0; b < 4; b++) {
        const key = `${b}:${h.slice(4 * b, 4 * b + 4)}`;
        for (const j of bands.get(key) ?? []) {
          if (own[j]!.unitId !== own[i]!.unitId && hammingDistance(hashes[j]!, h) <= 3) near.push(`${own[j]!.id} ~ ${own[i]!.id}`);
        }
        bands.set(key, [...(bands.get(key) ?? []), i]);
      }
    });
    expect(near).toEqual([]);
    for (const r of world.posts.filter((p) => p.truth.repostOf).slice(0, 50)) {
      expect(simhash(r.text)).toBe(simhash(world.truth.postById(r.truth.repostOf!)!.text));
    }
  });
  it('truth helpers agree with the post list', () => {
    const total = world.units.reduce((s, u) => s + world.truth.postsByUnit(u.id).length, 0);
    expect(total).toBe(world.posts.length);
    const p = world.posts.find((x) => x.truth.themes.length > 0)!;
    const month = p.publishedAt.slice(0, 7);
    const expected = world.posts.filter((x) => x.unitId === p.unitId && x.publishedAt.startsWith(month) && x.truth.themes.includes(p.truth.themes[0]!)).length;
    expect(world.truth.themeCount(p.unitId, p.truth.themes[0]!, month)).toBe(expected);
  });
});

describe('demo world: plans and themes', () => {
  it('has 20-30 themes in plan order, numbered as in the text', () => {
    expect(world.themes.length).toBeGreaterThanOrEqual(20);
    expect(world.themes.length).toBeLessThanOrEqual(30);
    for (const key of ['parent', 'child'] as const) {
      const text = world.plans[key].text;
      let last = -1;
      for (const t of world.themes.filter((x) => x.planKey === key)) {
        expect(t.numbering).toBe(`${t.phaseIndex + 1}.${t.orderInPhase + 1}`);
        const at = text.search(new RegExp(`^${t.numbering.replace('.', '\\.')}(\\.| -) `, 'm'));
        expect(at, t.slug).toBeGreaterThan(last);
        last = at;
      }
    }
  });
  it('each theme bullet in the plan text names the key references posts use', () => {
    for (const t of world.themes) {
      const lines = world.plans[t.planKey].text.split('\n');
      const bullet = lines.find((l) => l.startsWith(`${t.numbering}. `) || l.startsWith(`${t.numbering} - `));
      expect(bullet, t.slug).toBeDefined();
      for (const k of t.keyRefs) expect(fold(bullet!), `${t.slug}: ${k}`).toContain(fold(k));
    }
  });
  it('the child plan implements the parent and is assigned to its bloc', () => {
    const { parent, child } = world.plans;
    expect(child.text).toContain(`Thực hiện Kế hoạch số ${parent.code} ngày`);
    expect(parent.text).toMatch(/I\. MỤC ĐÍCH, YÊU CẦU[\s\S]*II\. THỜI GIAN VÀ NỘI DUNG[\s\S]*III\. HÌNH THỨC[\s\S]*IV\. TỔ CHỨC THỰC HIỆN[\s\S]*Nơi nhận:/);
    expect(child.assignedUnitIds).toContain('dang-uy-khoi-co-quan');
    expect(child.assignedUnitIds.length).toBeLessThan(parent.assignedUnitIds.length);
    for (const id of child.assignedUnitIds) {
      const u = world.units.find((x) => x.id === id)!;
      expect([u.id, u.parentId]).toContain('dang-uy-khoi-co-quan');
    }
  });
  it.each([
    ['2026-11-23T03:00:00Z'], ['2027-05-10T03:00:00Z'], ['2026-02-15T03:00:00Z'], ['2027-01-01T00:30:00Z'], ['2026-06-30T20:00:00Z'], ['2028-09-05T10:00:00Z'],
  ])('now=%s: phases and 3-6 anniversaries fall inside the 18-month window', (iso) => {
    const w = generateDemoWorld({ seed: 3, now: new Date(iso), skipPosts: true });
    expect(w.posts).toEqual([]);
    const startDay = w.windowStart.slice(0, 10);
    const nowDay = w.now.slice(0, 10);
    expect(w.anniversaries.length).toBeGreaterThanOrEqual(3);
    expect(w.anniversaries.length).toBeLessThanOrEqual(6);
    for (const a of w.anniversaries) {
      expect(a.date > startDay && a.date < nowDay).toBe(true);
      expect(w.plans.parent.text).toContain(`Kỷ niệm ${a.years} năm ${a.event} (${a.originDate} - `);
    }
    for (const plan of [w.plans.parent, w.plans.child]) {
      expect(plan.issuedOn > startDay && plan.issuedOn < nowDay).toBe(true);
      for (const ph of plan.phases) {
        expect(ph.startsOn >= plan.issuedOn && ph.startsOn < nowDay).toBe(true);
        expect(ph.endsOn === null || ph.endsOn > ph.startsOn).toBe(true);
      }
    }
    expect(w.plans.parent.phases[0]!.endsOn! > w.plans.parent.issuedOn).toBe(true);
  });
});
