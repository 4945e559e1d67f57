// The benchmark plan: one plan, three overlapping dated phases, 60 themes (every one active in BENCH_MONTH).

export const PHASES = [
  { from: '01/7/2024', to: 'ngày 31/12/2025', count: 20 },
  { from: '01/01/2025', to: 'ngày 31/12/2025', count: 25 },
  { from: '01/6/2025', to: 'ngày 30/6/2026', count: 15 },
];

/** Posts span these days; the benchmarked month has all 60 themes active. */
export const FIRST_DAY = '2024-07-01';
export const LAST_DAY = '2025-12-31';
export const BENCH_MONTH = '2025-09';

const SUBJECTS = [
  'chuyển đổi số', 'xây dựng Đảng', 'phòng, chống tham nhũng, tiêu cực', 'bảo vệ nền tảng tư tưởng của Đảng', 'cải cách hành chính',
  'sắp xếp tổ chức bộ máy', 'an sinh xã hội', 'bảo vệ môi trường', 'phát triển kinh tế tư nhân', 'khoa học, công nghệ và đổi mới sáng tạo',
  'văn hóa, con người Việt Nam', 'quốc phòng, an ninh', 'đối ngoại và hội nhập quốc tế', 'xây dựng nông thôn mới', 'giáo dục và đào tạo',
];
const ANGLES = ['kết quả thực hiện', 'gương người tốt, việc tốt về', 'giải pháp đẩy mạnh', 'quán triệt nghị quyết về'];

/** Theme k (0-based) of the plan, distinct wording. */
export function themeWording(k: number): string {
  return `Tuyên truyền ${ANGLES[Math.floor(k / SUBJECTS.length) % ANGLES.length]} ${SUBJECTS[k % SUBJECTS.length]} (nội dung ${k + 1})`;
}

export function benchPlanText(): string {
  let k = 0;
  const phases = PHASES.map((p, i) => {
    const bullets = Array.from({ length: p.count }, (_, j) => `${i + 1}.${j + 1} - ${themeWording(k++)}.`).join('\n\n');
    return `${i + 1}. Giai đoạn từ ngày ${p.from} đến ${p.to}, tập trung tuyên truyền các nội dung:\n\n${bullets}`;
  });
  return `TỈNH ỦY THỬ NGHIỆM
BAN TUYÊN GIÁO
*
Số 99-KH/BTG

ĐẢNG CỘNG SẢN VIỆT NAM
Thử Nghiệm, ngày 15 tháng 6 năm 2024

KẾ HOẠCH
tuyên truyền các nhiệm vụ chính trị giai đoạn 2024 - 2026

I - MỤC ĐÍCH, YÊU CẦU

1. Tuyên truyền sâu rộng, thiết thực, hiệu quả.

II - LỘ TRÌNH VÀ NỘI DUNG TUYÊN TRUYỀN

${phases.join('\n\n')}

III - TỔ CHỨC THỰC HIỆN

1. Các đơn vị trực thuộc xây dựng kế hoạch cụ thể, đăng tải tin, bài trên trang thông tin điện tử.

Nơi nhận:
- Các đơn vị trực thuộc,
- Lưu VP.

T/M BAN THƯỜNG VỤ
BÍ THƯ

Nguyễn Văn Thử
`;
}
