import type { Alert } from '@tdtt/shared';
import { addDays, isCovered, vietnamDay } from '@tdtt/shared/score';
import type { Queryable } from '../db/connection';
import * as q from '../db/queries';
import type { Scope } from '../middleware/scope';
import { anniversaryStatuses } from './anniversaries';
import { viDate } from '../export/period';

export const ALERT_RULES = { silentDays: 30, phaseEndingDays: 30, failingDays: 3, dropWeeks: 8, dropMinAverage: 3, dropRatio: 0.4 } as const;

export type { Alert, AlertKind } from '@tdtt/shared';

const unitLink = (id: string, name: string) => ({ label: name, href: `/don-vi/${encodeURIComponent(id)}` });
// Ids are [\w:.-]: used raw, since the web param matcher sees the undecoded path (%3A would not match).
const themeLink = (id: string, title: string) => ({ label: title, href: `/chu-de/${id}` });

/** Last week against the mean of the 8 before it: a drop when that mean is at least 3 a week and last week fell under 40 % of it. */
export function isSuddenDrop(lastWeek: number, previous: number[]): boolean {
  if (previous.length === 0) return false;
  const mean = previous.reduce((a, b) => a + b, 0) / previous.length;
  return mean >= ALERT_RULES.dropMinAverage && lastWeek < ALERT_RULES.dropRatio * mean;
}

/** Monday of the week of a day (YYYY-MM-DD). */
export function weekStart(day: string): string {
  const dow = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(day, -dow);
}

export async function computeAlerts(db: Queryable, scope: Scope, now: Date): Promise<Alert[]> {
  const today = vietnamDay(now);
  const allUnits = scope.filter(await q.listUnits(db), (u) => u.id);
  const nameOf = new Map(allUnits.map((u) => [u.id, u.name]));
  const acked = await q.ackedAlertKeys(db);
  const out: Omit<Alert, 'acknowledged'>[] = [];

  for (const plan of await q.listPlans(db)) {
    const unitIds = scope.filter(await q.accountableUnitIds(db, plan.id), (id) => id).filter((id) => nameOf.has(id));
    if (unitIds.length === 0) continue;
    const themes = await q.planThemes(db, plan.id);
    // Required themes whose phase is running and ends within 30 days: units with nothing on them yet.
    const ending = themes.filter((t) => t.ends_on && t.ends_on >= today && t.ends_on <= addDays(today, ALERT_RULES.phaseEndingDays) && (!t.starts_on || t.starts_on <= today));
    if (ending.length > 0) {
      const from = ending.reduce((m, t) => (t.starts_on && t.starts_on < m ? t.starts_on : m), today);
      const totals = await q.themeUnitTotals(db, ending.map((t) => t.id), unitIds, from, today);
      const got = new Map(totals.map((r) => [`${r.unit_id}|${r.theme_id}`, r]));
      for (const u of unitIds) {
        for (const phaseId of new Set(ending.map((t) => t.phase_id))) {
          const missing = ending.filter((t) => t.phase_id === phaseId && !isCovered(got.get(`${u}|${t.id}`), t.min_matches));
          if (missing.length === 0) continue;
          const ends = missing[0]!.ends_on!;
          out.push({
            key: `theme-gap:${u}:${phaseId}`, kind: 'theme-gap', severity: missing.some((t) => t.class === 'core') ? 'high' : 'medium',
            unitId: u, unitName: nameOf.get(u)!,
            title: `Chưa có bài về ${missing.length} chủ đề, giai đoạn kết thúc ngày ${viDate(ends)}`,
            detail: `${missing[0]!.phase_label} (${plan.code ?? plan.title}): ${missing.map((t) => t.title).join('; ')}`,
            links: [unitLink(u, nameOf.get(u)!), ...missing.map((t) => themeLink(t.id, t.title))],
          });
        }
      }
    }
    // Anniversaries whose window is open and the unit has not posted yet.
    const { statuses, rule } = await anniversaryStatuses(db, plan, unitIds, today, { states: ['open'] });
    for (const s of statuses.filter((x) => x.state === 'open')) {
      for (const u of s.units.filter((x) => x.status === 'pending')) {
        out.push({
          key: `anniversary:${u.unitId}:${s.anniversary.id}`, kind: 'anniversary', severity: 'medium',
          unitId: u.unitId, unitName: nameOf.get(u.unitId)!,
          title: `Chưa có bài kỷ niệm: ${s.anniversary.event}`,
          detail: `Ngày ${s.on ? viDate(s.on) : 'chưa rõ'}; bài đăng từ ${viDate(s.window!.from)} đến ${viDate(s.window!.to)} được tính là kịp thời`,
          links: [unitLink(u.unitId, nameOf.get(u.unitId)!), { label: 'Kỷ niệm', href: `/ky-niem?plan=${encodeURIComponent(plan.id)}` }, ...rule.themes.map((t) => themeLink(t.id, t.title))],
        });
      }
    }
  }

  const ids = allUnits.map((u) => u.id);
  const [last, weekly, failing] = await Promise.all([
    q.lastPostDays(db, ids),
    q.weeklyPostCounts(db, ids, addDays(weekStart(today), -7 * (ALERT_RULES.dropWeeks + 1)), addDays(weekStart(today), -1)),
    q.failingSources(db, ids, new Date(now.getTime() - ALERT_RULES.failingDays * 86_400_000)),
  ]);
  const lastOf = new Map(last.map((r) => [r.unit_id, r.day]));
  const silentSince = addDays(today, -ALERT_RULES.silentDays);
  for (const u of allUnits) {
    const day = lastOf.get(u.id) ?? null;
    if (day !== null && day > silentSince) continue;
    out.push({
      key: `silent:${u.id}:${day ?? 'never'}`, kind: 'silent', severity: 'high', unitId: u.id, unitName: u.name,
      title: `Không có bài nào trong ${ALERT_RULES.silentDays} ngày`,
      detail: day ? `Bài gần nhất ngày ${viDate(day)}` : 'Chưa thu thập được bài nào của đơn vị',
      links: [unitLink(u.id, u.name)],
    });
  }
  for (const s of failing) {
    out.push({
      key: `source-failing:${s.id}:${s.failing_since}`, kind: 'source-failing', severity: 'medium', unitId: s.unit_id, unitName: nameOf.get(s.unit_id) ?? s.unit_id,
      title: `Nguồn lỗi liên tục từ ngày ${viDate(String(s.failing_since).slice(0, 10))}`,
      detail: `${s.url}: ${s.last_error}`,
      links: [unitLink(s.unit_id, nameOf.get(s.unit_id) ?? s.unit_id), { label: 'Nguồn', href: `/nguon?unit=${encodeURIComponent(s.unit_id)}#nguon-${s.id}` }],
    });
  }
  const lastWeek = addDays(weekStart(today), -7);
  const weeksBefore = Array.from({ length: ALERT_RULES.dropWeeks }, (_, i) => addDays(lastWeek, -7 * (i + 1)));
  const countOf = new Map(weekly.map((w) => [`${w.unit_id}|${w.week}`, w.n]));
  for (const u of allUnits) {
    const n = countOf.get(`${u.id}|${lastWeek}`) ?? 0;
    const prev = weeksBefore.map((w) => countOf.get(`${u.id}|${w}`) ?? 0);
    if (!isSuddenDrop(n, prev)) continue;
    const mean = Math.round((10 * prev.reduce((a, b) => a + b, 0)) / prev.length) / 10;
    out.push({
      key: `drop:${u.id}:${lastWeek}`, kind: 'drop', severity: 'medium', unitId: u.id, unitName: u.name,
      title: `Số bài giảm đột ngột: ${n} bài trong tuần từ ${viDate(lastWeek)} đến ${viDate(addDays(lastWeek, 6))}`,
      detail: `Trung bình ${ALERT_RULES.dropWeeks} tuần trước đó: ${String(mean).replace('.', ',')} bài/tuần`,
      links: [unitLink(u.id, u.name)],
    });
  }
  const order: Record<string, number> = { high: 0, medium: 1 };
  return out
    .map((a) => ({ ...a, acknowledged: acked.has(a.key) }))
    .sort((a, b) => order[a.severity]! - order[b.severity]! || a.unitName.localeCompare(b.unitName, 'vi') || a.key.localeCompare(b.key));
}
