import { describe, expect, it } from 'vitest';
import { parsePlan } from '@tdtt/shared/plan';
import { generateDemoWorld } from '@tdtt/server/demo';

// The demo world's own campaign plans (written in the style of the real ones) must import
// through the same parser, giving back what the generator wrote.
// The seed and date the demo world's own generator test uses.
describe.each([[1, '2026-11-23T03:00:00Z']])('demo world plans (seed %i, now %s)', (seed, now) => {
  const world = generateDemoWorld({ seed, now: new Date(now) });

  for (const key of ['parent', 'child'] as const) {
    it(`${key} plan`, () => {
      const truth = world.plans[key];
      const r = parsePlan(truth.text);
      if (!r.ok) throw r.error;
      const plan = r.plan;
      expect(plan.code).toBe(truth.code);
      expect(plan.issuedOn).toBe(truth.issuedOn);
      expect(plan.signer).toBe(truth.signer);
      expect(plan.title.toLowerCase()).toBe(truth.title.toLowerCase());
      expect(plan.notUnderstood).toEqual([]);
      expect(plan.phases.map((p) => [p.label, p.startsOn, p.endsOn])).toEqual(truth.phases.map((p) => [p.label, p.startsOn, p.endsOn]));
      expect(plan.phases.every((p) => p.flags.length === 0)).toBe(true);
      const themes = world.themes.filter((t) => t.planKey === key);
      for (const [i, phase] of plan.phases.entries()) {
        const expected = themes.filter((t) => t.phaseIndex === i).sort((a, b) => a.orderInPhase - b.orderInPhase);
        expect(phase.themes.map((t) => t.numbering)).toEqual(expected.map((t) => t.numbering));
      }
      expect(plan.responsibleUnits.length).toBeGreaterThan(0);
      expect(plan.recipients.length).toBeGreaterThan(0);
      if (key === 'child') expect(plan.implements.map((d) => [d.code, d.date])).toEqual([[world.plans.parent.code, world.plans.parent.issuedOn]]);
    });
  }

  it('parent anniversaries match the calendar', () => {
    const r = parsePlan(world.plans.parent.text);
    if (!r.ok) throw r.error;
    expect(r.plan.anniversaries.map((a) => [a.event, a.date, a.years])).toEqual(world.anniversaries.map((a) => [a.event, a.date, a.years]));
  });
});
