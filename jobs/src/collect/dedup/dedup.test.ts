import { describe, expect, it } from 'vitest';
import { canonicalizeUrl, contentHash, hammingDistance, isNearDuplicate, simhash } from './index';

describe('canonicalizeUrl', () => {
  const cases: Array<[string, string | null]> = [
    ['http://www.Tinhuy.GOV.vn/tin/1.html', 'https://tinhuy.gov.vn/tin/1.html'],
    ['https://tinhuy.gov.vn/tin/1.html/', 'https://tinhuy.gov.vn/tin/1.html'],
    ['https://tinhuy.gov.vn/tin/1.html#binh-luan', 'https://tinhuy.gov.vn/tin/1.html'],
    ['https://tinhuy.gov.vn/tin?id=5&utm_source=fb&utm_medium=x&fbclid=abc&gclid=1', 'https://tinhuy.gov.vn/tin?id=5'],
    ['https://tinhuy.gov.vn/tin?z=1&a=2', 'https://tinhuy.gov.vn/tin?a=2&z=1'],
    ['https://tinhuy.gov.vn:443//tin//1.html', 'https://tinhuy.gov.vn/tin/1.html'],
    ['http://tinhuy.gov.vn:8080/', 'https://tinhuy.gov.vn:8080/'],
    ['https://tinhuy.gov.vn', 'https://tinhuy.gov.vn/'],
    ['/tin/2.html', null],
    ['mailto:a@b.vn', null],
    ['ftp://tinhuy.gov.vn/x', null],
  ];
  it.each(cases)('%s → %s', (input, expected) => {
    expect(canonicalizeUrl(input)).toBe(expected);
  });
  it('resolves against a base', () => {
    expect(canonicalizeUrl('2.html?utm_campaign=x', 'https://www.xa.gov.vn/tin/')).toBe('https://xa.gov.vn/tin/2.html');
  });
});

const BODY =
  'Sáng nay Ban Thường vụ Tỉnh ủy tổ chức hội nghị học tập quán triệt và triển khai thực hiện Nghị quyết của Đảng cho cán bộ chủ chốt toàn tỉnh với sự tham dự của đông đảo đại biểu. ' +
  'Tại hội nghị các đại biểu được nghe báo cáo viên truyền đạt những nội dung cơ bản cốt lõi của Nghị quyết và những điểm mới trọng tâm cần tập trung lãnh đạo chỉ đạo trong thời gian tới. ' +
  'Phát biểu kết luận đồng chí Bí thư đề nghị các cấp ủy tổ chức đảng tiếp tục quán triệt sâu rộng xây dựng chương trình hành động cụ thể phù hợp với điều kiện thực tế của từng địa phương đơn vị.';

describe('contentHash', () => {
  it('ignores case, spacing and Unicode form', () => {
    expect(contentHash('Hội  nghị\n' + BODY)).toBe(contentHash('hội nghị ' + BODY.normalize('NFD')));
  });
  it('differs for different text', () => {
    expect(contentHash(BODY)).not.toBe(contentHash(BODY + ' Thêm.'));
    expect(contentHash(BODY)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('simhash', () => {
  it('is 16 hex chars and deterministic', () => {
    expect(simhash(BODY)).toMatch(/^[0-9a-f]{16}$/);
    expect(simhash(BODY)).toBe(simhash(BODY));
    expect(simhash('')).toBe('0000000000000000');
  });
  it('a repost with a different header and footer stays near', () => {
    const repost = 'Nguồn: Báo Tỉnh. ' + BODY + ' Ban Tuyên giáo Huyện ủy đăng lại.';
    expect(hammingDistance(simhash(BODY), simhash(repost))).toBeLessThan(12);
  });
  it('unrelated text is far', () => {
    const other =
      'Dự báo thời tiết cuối tuần trời nắng nóng nhiệt độ cao nhất ba mươi sáu độ người dân cần chủ động phòng tránh say nắng và sử dụng điện tiết kiệm trong giờ cao điểm buổi chiều tối. ' +
      'Giải bóng đá thanh niên huyện khai mạc với mười hai đội tham dự thi đấu vòng tròn tính điểm tại sân vận động trung tâm từ thứ bảy tuần này đến hết tháng sau.';
    expect(hammingDistance(simhash(BODY), simhash(other))).toBeGreaterThan(16);
    expect(isNearDuplicate(simhash(BODY), simhash(other))).toBe(false);
  });
  it('hamming distance of known values', () => {
    const cases: Array<[string, string, number]> = [
      ['0000000000000000', '0000000000000000', 0],
      ['0000000000000000', 'ffffffffffffffff', 64],
      ['0000000000000001', '0000000000000003', 1],
      ['8000000000000000', '0000000000000000', 1],
    ];
    for (const [a, b, d] of cases) expect(hammingDistance(a, b)).toBe(d);
    expect(() => hammingDistance('xyz', '0')).toThrow(RangeError);
  });
});
