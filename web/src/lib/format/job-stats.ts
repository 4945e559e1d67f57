// A finished job run's stats (the JSON each job returns) told as Vietnamese sentences, so
// /tien-trinh never shows raw keys such as `from:` or `bỏ qua: true`. A run that did nothing says why.
import { formatDate } from './date';
import { formatNumber } from './number';
import { statLabel } from './labels';

type Stats = Record<string, unknown>;

const num = (s: Stats, k: string): number => (typeof s[k] === 'number' ? (s[k] as number) : 0);
const has = (s: Stats, k: string): boolean => typeof s[k] === 'number';
const n = (v: number) => formatNumber(v);
/** "12 nguồn, 34 bài mới, 2 nguồn lỗi": parts with a zero count are left out unless `keep`. */
const list = (parts: [number, string, boolean?][]) =>
  parts.filter(([v, , keep]) => keep || v > 0).map(([v, what]) => `${n(v)} ${what}`).join(', ');
const sentence = (s: string) => (s ? s.charAt(0).toUpperCase() + s.slice(1) + '.' : '');

/** The rollup's recorded start day; '1900-01-01' means everything was recomputed. */
const ALL_DAYS = '1900-01-01';

function collect(s: Stats): string[] {
  if (has(s, 'queued')) {
    // With a collection queue (QUEUE_URL): this server enqueues, collectors elsewhere fetch.
    const out = [`Đưa ${n(num(s, 'queued'))} nguồn đến hạn vào hàng đợi (trong ${n(num(s, 'sources'))} nguồn)`];
    if (num(s, 'posts') > 0) out.push(`Nhận ${n(num(s, 'posts'))} bài từ các máy thu thập, ${n(num(s, 'inserted'))} bài mới`);
    return [...out, ...afterPosts(s)];
  }
  const sources = num(s, 'sources');
  if (sources === 0) return ['Không có nguồn nào đến hạn thu thập (các nguồn vừa được thu thập gần đây hoặc đang tạm dừng)'];
  const failed = num(s, 'failed');
  const unchanged = num(s, 'unchanged');
  const fresh = num(s, 'newPosts');
  const out = [`Thu thập ${list([[sources, 'nguồn', true], [fresh, 'bài mới', true], [failed, 'nguồn lỗi']])}`];
  if (fresh === 0) {
    if (failed === sources) out.push('Không có bài mới vì mọi nguồn đều lỗi: xem trang Nguồn');
    else if (has(s, 'unchanged') && unchanged === sources) out.push('Không có bài mới: các nguồn không thay đổi từ lần trước');
    else if (has(s, 'unchanged') && unchanged + failed === sources) out.push(`Không có bài mới: ${n(unchanged)} nguồn không thay đổi, ${n(failed)} nguồn lỗi`);
    else out.push('Không có bài mới: các bài trên nguồn đều đã có từ trước');
  }
  return [...out, ...afterPosts(s)];
}

function afterPosts(s: Stats): string[] {
  const out: string[] = [];
  if (num(s, 'reposts') > 0) out.push(`Nhận ra ${n(num(s, 'reposts'))} bài đăng lại của đơn vị khác`);
  if (num(s, 'indexed') > 0) out.push(`Đưa ${n(num(s, 'indexed'))} bài vào tìm kiếm`);
  return out;
}

function classify(s: Stats): string[] {
  const done = num(s, 'classified');
  if (done === 0) return ['Không có bài mới cần phân loại'];
  return [`Phân loại ${n(done)} bài: ${n(num(s, 'matched'))} bài khớp ít nhất một chủ đề (${n(num(s, 'matches'))} lượt khớp)`];
}

function rollup(s: Stats): string[] {
  if (s.skipped === true) return ['Không có bài hay phân loại mới từ lần tổng hợp trước nên không cần tính lại'];
  const from = typeof s.from === 'string' ? s.from : null;
  const since = from === null || from === ALL_DAYS ? 'toàn bộ thời gian' : `từ ngày ${formatDate(from)}`;
  if (num(s, 'plans') === 0) return [`Tính lại ${since}: chưa có kế hoạch hay bài viết nào để tính điểm`];
  return [`Tính lại điểm ${since} cho ${n(num(s, 'plans'))} kế hoạch (${n(num(s, 'scores'))} ô điểm đơn vị × tháng)`];
}

function discover(s: Stats): string[] {
  const sites = num(s, 'websites');
  if (sites === 0) return ['Không có trang web mới nào của đơn vị cần tìm nguồn'];
  return [`Tìm nguồn trên ${n(sites)} trang web: ${list([[num(s, 'found'), 'trang có nguồn', true], [num(s, 'sources'), 'nguồn mới'], [num(s, 'nothing'), 'trang không thấy nguồn'], [num(s, 'failed'), 'trang lỗi']])}`];
}

function load(s: Stats): string[] {
  if (num(s, 'posts') + num(s, 'fetches') + num(s, 'states') === 0) return ['Không có gì mới từ các máy thu thập'];
  return [`Nhận từ các máy thu thập ${list([[num(s, 'posts'), 'bài', true], [num(s, 'inserted'), 'bài mới', true], [num(s, 'fetches'), 'lượt tải'], [num(s, 'states'), 'trạng thái nguồn']])}`, ...afterPosts(s)];
}

function snapshot(s: Stats): string[] {
  const mb = num(s, 'bytes') / 1_048_576;
  return [`Xuất bản bản sao dữ liệu cho máy chỉ đọc (${formatNumber(mb, 1)} MB)`];
}

/** Any other job: "nhãn: giá trị" with Vietnamese labels and values, never raw true/false. */
function generic(s: Stats): string[] {
  const parts = Object.entries(s)
    .filter(([, v]) => typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean')
    .map(([k, v]) => {
      if (typeof v === 'boolean') return `${statLabel(k)}: ${v ? 'có' : 'không'}`;
      if (typeof v === 'number') return `${statLabel(k)}: ${n(v)}`;
      const text = String(v);
      return `${statLabel(k)}: ${/^\d{4}-\d{2}-\d{2}/.test(text) ? formatDate(text) : text}`;
    });
  return parts.length ? [parts.join(', ')] : [];
}

const BY_JOB: Record<string, (s: Stats) => string[]> = { collect, classify, rollup, discover, load, snapshot };

/** Sentences describing what a finished run did, e.g. "Thu thập 12 nguồn, 34 bài mới, 2 nguồn lỗi." */
export function describeRunStats(job: string, stats: Stats): string {
  return (BY_JOB[job] ?? generic)(stats).map(sentence).join(' ');
}
