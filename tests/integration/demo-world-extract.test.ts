// The demo world's article pages through the real article extractor: furniture is stripped,
// the body and title survive, the date is found, for every CMS flavour.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { extractArticle } from '@tdtt/jobs/collect/extract';
import { furnitureStrings, generateDemoWorld, startDemoWorldServer, type DemoWorldServer } from '@tdtt/server/demo';

const NOW = new Date('2026-11-23T03:00:00Z');
const world = generateDemoWorld({ seed: 5, now: NOW });
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('demo world pages through extractArticle', () => {
  let server: DemoWorldServer;
  beforeAll(async () => {
    server = await startDemoWorldServer(world);
  });
  afterAll(async () => {
    await server?.close();
  });

  it.each(['portal', 'joomla', 'aspnet'] as const)('%s template', async (template) => {
    const units = world.sites.filter((s) => s.template === template).map((s) => world.units.find((u) => u.id === s.unitId)!);
    let checked = 0;
    for (const unit of units) {
      const posts = world.truth.postsByUnit(unit.id);
      for (const post of [posts[0]!, posts[Math.floor(posts.length / 2)]!, posts[posts.length - 1]!]) {
        const url = server.urlOf(post);
        const html = await (await fetch(url)).text();
        const a = extractArticle({ html, url, now: NOW });
        const text = squash(a.text);
        for (const f of furnitureStrings(unit)) expect(text, `${post.id}: ${f}`).not.toContain(f);
        for (const para of post.text.split('\n\n')) expect(text, post.id).toContain(squash(para));
        expect(a.title).toBe(post.title);
        const others = [...parseHTML(html).document.querySelectorAll('aside.sidebar a')].map((x) => squash(x.textContent ?? ''));
        expect(others.length).toBeGreaterThan(2);
        for (const h of others) if (h !== post.title && !squash(post.text).includes(h)) expect(text, `${post.id}: ${h}`).not.toContain(h);
        // The day must match; the exact minute is the extractor's own test's business.
        expect(a.published?.iso.slice(0, 10), post.id).toBe(post.publishedAt.slice(0, 10));
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(30);
  });
});
