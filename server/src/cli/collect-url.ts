// npm run collect:url -- URL [--allow-private] [--json] : fetch one source once
// (feed, sitemap, listing or article page, kind detected) and print what the
// collector would see. No database, no server; the collector's own code path.
import { FetchError, HostLimiter, ParseError, RobotsCache, ROBOTS_TOKEN } from '@tdtt/jobs/collect';
import { inspectUrl, type InspectResult } from '@tdtt/jobs/pipeline';

const PRIVATE_RANGES = ['loopback', '10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'];
const KIND_LABEL: Record<string, string> = { feed: 'Nguồn tin RSS/Atom', sitemap: 'Sitemap', listing: 'Trang danh sách tin', page: 'Trang bài viết' };

function printHuman(r: InspectResult): void {
  const out: string[] = [`Loại: ${KIND_LABEL[r.kind] ?? r.kind} (${r.kind})`];
  if (r.kind === 'page') {
    const a = r.items[0]!;
    out.push(`Tiêu đề: ${a.title ?? '(không có)'}`, `URL chuẩn: ${a.url}`, `Ngày đăng: ${a.published ?? '(không rõ)'}`);
    if (a.flags.length) out.push(`Cờ: ${a.flags.join(', ')}`);
    out.push('', a.text ?? '');
  } else {
    out.push(`Số mục: ${r.items.length}`);
    if (r.listing) out.push(r.listing.via === 'auto' ? `Tự nhận ra danh sách bài; bộ chọn gợi ý: ${r.listing.suggested?.item ?? '(không có)'}` : 'Đọc theo bộ chọn của nguồn');
    out.push('');
    for (const i of r.items) {
      out.push(`- ${i.published ?? '(không rõ ngày)'}  ${i.title ?? '(không tiêu đề)'}`, `  ${i.url}${i.flags.length ? `  [${i.flags.join(', ')}]` : ''}`);
    }
  }
  for (const w of r.issues) out.push(`! ${w.message} (${w.kind}: ${w.url})`);
  process.stdout.write(out.join('\n') + '\n');
}

async function main(): Promise<number> {
  const args = process.argv.slice(2).filter((a) => a !== '--');
  const json = args.includes('--json');
  const allowPrivate = args.includes('--allow-private');
  const url = args.find((a) => !a.startsWith('--'));
  if (!url) {
    process.stderr.write('Cách dùng: npm run collect:url -- URL [--allow-private] [--json]\n');
    return 2;
  }
  try {
    const r = await inspectUrl(url, {
      now: new Date(),
      fetch: {
        allowPrivate: allowPrivate ? PRIVATE_RANGES : [],
        robots: new RobotsCache(ROBOTS_TOKEN),
        limiter: new HostLimiter({ perHost: 2, minDelayMs: 250 }),
      },
    });
    if (json) {
      const items = r.items.map((i) => ({ url: i.url, title: i.title, published: i.published, ...(i.text !== undefined ? { text: i.text } : {}), flags: i.flags }));
      process.stdout.write(JSON.stringify({ kind: r.kind, items, ...(r.listing ? { listing: r.listing } : {}) }) + '\n');
    } else printHuman(r);
    return 0;
  } catch (e) {
    if (!(e instanceof FetchError) && !(e instanceof ParseError)) throw e;
    const hint = e instanceof FetchError && e.kind === 'private-address' && !allowPrivate ? ' (thêm --allow-private để cho phép địa chỉ nội bộ)' : '';
    if (json) process.stdout.write(JSON.stringify({ error: { kind: e.kind, message: e.message + hint } }) + '\n');
    else process.stderr.write(`Lỗi (${e.kind}): ${e.message}${hint}\n`);
    return 1;
  }
}

process.exitCode = await main();
