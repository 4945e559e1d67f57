import { describe, expect, it } from 'vitest';
import { parsedPlanSchema } from '@tdtt/shared';
import { parsePlan } from '@tdtt/shared/plan';
import { EXPECT, PLAN_FILES, havePlans, readPlan } from './plan-expect';

// The four real plans, read as plain text, must give what a careful reader finds.
describe.skipIf(!havePlans)('real plans (../shared/plans) as text', () => {
  for (const id of Object.keys(PLAN_FILES) as (keyof typeof PLAN_FILES)[]) {
    it(`plan ${id}`, () => {
      const r = parsePlan(readPlan(id));
      if (!r.ok) throw r.error;
      expect(parsedPlanSchema.safeParse(r.plan).success).toBe(true);
      EXPECT[id](r.plan);
    });
  }

  it('is deterministic: the same text gives the same plan, keys included', () => {
    const a = parsePlan(readPlan('002'));
    const b = parsePlan(readPlan('002'));
    expect(a).toEqual(b);
  });

  it('flags a parent-dated start for review and fills it from the table when the plan has an issue date', () => {
    const text = readPlan('000').replace('KẾ HOẠCH', 'Kon Tum, ngày 15 tháng 6 năm 2021\n\nKẾ HOẠCH');
    const r = parsePlan(text);
    if (!r.ok) throw r.error;
    expect(r.plan.issuedOn).toBe('2021-06-15');
    expect(r.plan.phases[0]!.startsOn).toBe('2021-06-15');
    expect(r.plan.phases[0]!.flags).toEqual([]);
  });
});
