import { describe, expect, it } from 'vitest';
import { DEFAULT_ZONE_FACTORS as F, factorAt, textZones } from './zones';

const body = 'Sáng nay, Ủy ban nhân dân huyện tổ chức hội nghị tổng kết công tác năm, đánh giá kết quả và đề ra nhiệm vụ cho năm tới.';

describe('textZones', () => {
  it.each([
    ['breadcrumb before the body', `Trang chủ > Tin tức\n${body}`, 'Trang chủ', F.chrome],
    ['dateline', `Thứ Tư, 27/11/2024 00:25 (GMT +7)\n${body}`, 'Thứ Tư', F.chrome],
    ['headline inside the text of an untitled post', `Hội nghị tổng kết công tác năm 2024\n${body}`, 'Hội nghị tổng kết', F.impliedTitle],
    ['body text', `Hội nghị tổng kết\n${body}`, 'Ủy ban nhân dân', 1],
    ['headline list after the body', `${body}\nĐẩy mạnh chuyển đổi số ở cơ sở\nGiá lúa tăng`, 'chuyển đổi số', F.related],
    ['after a related marker', `${body}\nTin liên quan:\nMột bài khác rất dài về chủ đề khác, kết thúc bằng dấu chấm câu như văn bản thường.`, 'chủ đề khác', F.related],
    ['flattened page with an inline marker', `${body} ${body} Các tin khác Kết quả bầu cử đại biểu Quốc hội`, 'bầu cử', F.related],
  ])('%s', (_name, text, needle, factor) => {
    const zones = textZones(text, false);
    expect(factorAt(zones, text.indexOf(needle))).toBe(factor);
  });
  it('a headline line counts less when the post already has a title', () => {
    const text = `Hội nghị tổng kết công tác năm 2024\n${body}`;
    expect(factorAt(textZones(text, true), 0)).toBe(F.repeatedTitle);
  });
});
