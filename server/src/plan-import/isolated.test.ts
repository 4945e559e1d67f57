import { describe, expect, it } from 'vitest';
import { parseIsolated, PARSE_LIMITS } from './isolated';

const PLAN = 'KẾ HOẠCH\ntuyên truyền năm 2025\nI. MỤC ĐÍCH, YÊU CẦU\n- Nâng cao nhận thức.\nII. NỘI DUNG TUYÊN TRUYỀN\n- Tuyên truyền thành tựu kinh tế - xã hội.\nIII. TỔ CHỨC THỰC HIỆN\n- Các cấp ủy thực hiện.';

describe('the parse worker', () => {
  it('parses a plan in a worker thread', async () => {
    const r = await parseIsolated({ text: PLAN, filename: 'kh.txt' });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.plan.phases[0]!.themes).toHaveLength(1);
  });

  it('stops a parse past its time limit with a Vietnamese message', async () => {
    const r = await parseIsolated({ text: PLAN, filename: 'kh.txt' }, { ...PARSE_LIMITS, timeMs: 1 });
    expect(r).toMatchObject({ ok: false, code: 'too-slow' });
    if (!r.ok && 'message' in r) expect(r.message).toMatch(/quá 0\.001 giây|quá phức tạp/);
  });

  it('stops a parse past its heap limit, and the next parse runs normally', async () => {
    const r = await parseIsolated({ text: PLAN.repeat(50), filename: 'kh.txt' }, { heapMb: 4, timeMs: 20_000 });
    expect(r).toMatchObject({ ok: false, code: 'too-complex' });
    if (!r.ok && 'message' in r) expect(r.message).toMatch(/giới hạn 4 MB/);
    expect((await parseIsolated({ text: PLAN, filename: 'kh.txt' })).ok).toBe(true);
  });
});
