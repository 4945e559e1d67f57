import { describe, expect, it } from 'vitest';
import { isAside } from './sentences';

const span = (text: string, needle: string): [number, number] => {
  const i = text.indexOf(needle);
  return [i, i + needle.length];
};

describe('isAside', () => {
  it.each([
    [
      'a closing remark inside a paragraph',
      'Sáng nay xã khánh thành cầu treo dài 60 m cho học sinh đi học. Đây là công trình chào mừng Đại hội Đảng bộ huyện. Cầu được bảo hành ba năm.',
      'chào mừng Đại hội Đảng bộ huyện',
      true,
    ],
    [
      'the lead sentence of a longer paragraph',
      'Sáng 3/2, tỉnh tổ chức lễ kỷ niệm 95 năm Ngày thành lập Đảng. Diễn văn ôn lại chặng đường vẻ vang của Đảng qua các thời kỳ cách mạng, khẳng định vai trò lãnh đạo.',
      'lễ kỷ niệm 95 năm Ngày thành lập Đảng',
      false,
    ],
    [
      'a short one-sentence line',
      'Giá lúa hôm nay tăng nhẹ so với tuần trước, thương lái thu mua tại ruộng.\nHoạt động nằm trong chuỗi sự kiện chào mừng Quốc khánh 2/9.',
      'chào mừng Quốc khánh',
      true,
    ],
    [
      'evidence spread over two sentences',
      'Tỉnh đẩy mạnh chuyển đổi số. Các xã lập tổ công nghệ số cộng đồng.',
      'chuyển đổi số. Các xã lập tổ công nghệ số',
      false,
    ],
  ])('%s', (_name, text, needle, expected) => {
    const [from, to] = span(text, needle);
    expect(isAside(text, from, to)).toBe(expected);
  });
});
