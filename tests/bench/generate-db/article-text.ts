// Article text for the benchmark database: sentences shaped like official news posts (a conference
// held, a resolution carried out, places, bodies, people, figures), from templates with slots filled
// by a seeded generator. Real posts of the units' sites run to several hundred syllables of varied
// text; the search index and the database size must be measured on text like that, not on 40
// syllables drawn from 16 phrases. The bank is expanded here once; SQL then picks 20–29 sentences a post.

const PLACES = [
  'huyện Sơn Thành', 'thị xã Bình Minh', 'thành phố Hòa An', 'huyện Tân Phú', 'huyện Lạc Sơn', 'huyện Đông Hưng', 'thị xã Phước Long',
  'xã Tân Lập', 'xã Hòa Bình', 'phường Quang Trung', 'phường Hưng Phú', 'xã Phú Mỹ', 'thị trấn Yên Thế', 'xã Thạch Bàn', 'xã Đồng Tâm',
  'xã Vĩnh Thuận', 'phường Bến Thủy', 'xã Cẩm Hà', 'huyện Quế Võ', 'xã Nghĩa Hưng',
];
const BODIES = [
  'Ban Tuyên giáo Tỉnh ủy', 'Ban Thường vụ Huyện ủy', 'Ủy ban nhân dân huyện', 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', 'Sở Giáo dục và Đào tạo',
  'Sở Thông tin và Truyền thông', 'Hội Liên hiệp Phụ nữ tỉnh', 'Tỉnh đoàn', 'Hội Nông dân tỉnh', 'Liên đoàn Lao động tỉnh', 'Hội Cựu chiến binh tỉnh',
  'Đảng ủy Khối các cơ quan tỉnh', 'Công an tỉnh', 'Bộ Chỉ huy Quân sự tỉnh', 'Sở Y tế', 'Sở Tài nguyên và Môi trường', 'Sở Văn hóa, Thể thao và Du lịch',
  'Ban Dân vận Huyện ủy', 'Ủy ban Kiểm tra Thành ủy', 'Trung tâm Chính trị huyện',
];
const DOCUMENTS = [
  'Nghị quyết số 57-NQ/TW của Bộ Chính trị', 'Kết luận số 21-KL/TW của Ban Chấp hành Trung ương', 'Chỉ thị số 05-CT/TW của Bộ Chính trị',
  'Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng', 'Nghị quyết số 18-NQ/TW', 'Nghị quyết số 35-NQ/TW về bảo vệ nền tảng tư tưởng của Đảng',
  'Kế hoạch số 125-KH/TU của Ban Thường vụ Tỉnh ủy', 'Quy định số 144-QĐ/TW về chuẩn mực đạo đức cách mạng', 'Nghị quyết số 68-NQ/TW về phát triển kinh tế tư nhân',
  'Chỉ thị số 35-CT/TW về đại hội đảng bộ các cấp', 'Nghị quyết Đại hội Đảng bộ tỉnh nhiệm kỳ 2020 - 2025', 'Kết luận số 01-KL/TW',
];
const PEOPLE = [
  'đồng chí Nguyễn Văn Hùng, Phó Bí thư Thường trực Tỉnh ủy', 'đồng chí Trần Thị Mai, Trưởng Ban Tuyên giáo Tỉnh ủy', 'đồng chí Lê Quang Minh, Chủ tịch Ủy ban nhân dân huyện',
  'đồng chí Phạm Đức Thắng, Bí thư Huyện ủy', 'đồng chí Hoàng Thị Lan, Phó Chủ tịch Hội đồng nhân dân tỉnh', 'đồng chí Võ Thanh Sơn, Giám đốc Sở Thông tin và Truyền thông',
  'đồng chí Đặng Minh Tuấn, Bí thư Đảng ủy xã', 'đồng chí Bùi Thị Hương, Chủ tịch Ủy ban Mặt trận Tổ quốc huyện', 'đồng chí Ngô Văn Bình, Phó Trưởng ban Dân vận Tỉnh ủy',
  'đồng chí Đỗ Hữu Phước, Chủ nhiệm Ủy ban Kiểm tra Huyện ủy',
];
const SUBJECTS = [
  'chuyển đổi số', 'xây dựng Đảng và hệ thống chính trị', 'phòng, chống tham nhũng, tiêu cực', 'bảo vệ nền tảng tư tưởng của Đảng', 'cải cách hành chính',
  'sắp xếp tổ chức bộ máy tinh gọn, hoạt động hiệu lực, hiệu quả', 'an sinh xã hội', 'bảo vệ môi trường', 'phát triển kinh tế tư nhân', 'đổi mới sáng tạo',
  'xây dựng văn hóa, con người Việt Nam', 'quốc phòng, an ninh', 'hội nhập quốc tế', 'xây dựng nông thôn mới nâng cao', 'đổi mới căn bản, toàn diện giáo dục và đào tạo',
  'học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh', 'phòng, chống thiên tai', 'giảm nghèo bền vững', 'bảo đảm trật tự an toàn giao thông', 'chăm sóc sức khỏe nhân dân',
];
const EVENTS = [
  'Hội nghị quán triệt, triển khai', 'Hội nghị sơ kết 6 tháng thực hiện', 'Hội nghị tổng kết 5 năm thực hiện', 'Lễ ra quân hưởng ứng', 'Hội thảo khoa học về',
  'Cuộc thi tìm hiểu', 'Hội nghị báo cáo viên định kỳ quý về', 'Buổi đối thoại giữa người đứng đầu cấp ủy với nhân dân về', 'Lớp bồi dưỡng chuyên đề về',
];
const MONTHS = ['tháng 1', 'tháng 2', 'tháng 3', 'tháng 4', 'tháng 5', 'tháng 6', 'tháng 7', 'tháng 8', 'tháng 9', 'tháng 10', 'tháng 11', 'tháng 12'];

/** Sentence templates; {place} {body} {doc} {person} {subject} {event} {n} {pct} {day} {month} {year} are filled in. */
const TEMPLATES = [
  'Sáng ngày {day}, tại hội trường {body}, {body2} tổ chức {event} {subject}.',
  'Dự hội nghị có {person}; cùng đại diện lãnh đạo các sở, ban, ngành và {n} đại biểu là bí thư chi bộ, trưởng thôn, khu phố trên địa bàn {place}.',
  'Phát biểu chỉ đạo, {person} đề nghị các cấp ủy, tổ chức đảng tiếp tục quán triệt sâu sắc {doc}, gắn với nhiệm vụ chính trị của từng địa phương, đơn vị.',
  'Theo báo cáo, trong {month} năm {year}, toàn {place} đã tổ chức {n} buổi tuyên truyền với hơn {n2} lượt cán bộ, đảng viên và nhân dân tham gia.',
  'Tỷ lệ cán bộ, đảng viên được học tập, quán triệt {doc} đạt {pct}, vượt chỉ tiêu đề ra.',
  'Công tác {subject} được cấp ủy, chính quyền quan tâm lãnh đạo, chỉ đạo thường xuyên, đạt nhiều kết quả tích cực.',
  'Bên cạnh kết quả đạt được, hội nghị cũng chỉ ra một số hạn chế như việc tuyên truyền ở một số cơ sở còn hình thức, chưa thật sự sâu rộng.',
  '{body} đã ban hành {n} văn bản hướng dẫn, chỉ đạo, đồng thời thành lập {n3} đoàn kiểm tra, giám sát việc thực hiện tại cơ sở.',
  'Nhân dịp này, {body} khen thưởng {n3} tập thể và {n} cá nhân có thành tích xuất sắc trong thực hiện {subject}.',
  'Đến nay, {place} đã có {n3} xã đạt chuẩn nông thôn mới, thu nhập bình quân đầu người đạt {money} triệu đồng mỗi năm.',
  'Các đại biểu tập trung thảo luận, làm rõ nguyên nhân của những tồn tại, hạn chế và đề xuất nhiều giải pháp thiết thực trong thời gian tới.',
  'Hội nghị được tổ chức theo hình thức trực tiếp kết hợp trực tuyến đến {n3} điểm cầu cấp xã trên địa bàn {place}.',
  'Năm {year}, {place} phấn đấu tốc độ tăng trưởng kinh tế đạt {growth}, giải quyết việc làm mới cho {n2} lao động.',
  'Để thực hiện hiệu quả {doc}, {body} yêu cầu người đứng đầu cấp ủy phải gương mẫu, nói đi đôi với làm, tạo sự lan tỏa trong cơ quan, đơn vị.',
  'Qua {n3} năm triển khai, nhận thức của cán bộ, đảng viên và nhân dân về {subject} có chuyển biến rõ rệt.',
  'Toàn {place} hiện có {n2} hộ gia đình đăng ký tham gia phong trào, {n} mô hình, điển hình tiên tiến được nhân rộng.',
  'Cũng trong dịp này, {body} phối hợp với {body2} tổ chức trao {n} suất quà cho gia đình chính sách, hộ nghèo, mỗi suất trị giá {money2} nghìn đồng.',
  'Hưởng ứng {event} {subject}, đoàn viên, thanh niên {place} đã ra quân thực hiện {n} công trình, phần việc thanh niên.',
  'Kết thúc hội nghị, {person} nhấn mạnh cần đẩy mạnh ứng dụng công nghệ thông tin, chuyển đổi số trong công tác tuyên truyền, đưa nghị quyết vào cuộc sống.',
  'Đồng chí đề nghị các cơ quan báo chí, hệ thống thông tin cơ sở tăng cường thông tin, tuyên truyền, kịp thời đấu tranh phản bác các quan điểm sai trái, thù địch.',
  'Theo kế hoạch, từ nay đến cuối năm {year}, {body} sẽ tổ chức {n3} lớp tập huấn cho đội ngũ báo cáo viên, tuyên truyền viên cơ sở.',
  'Ngày {day}, {body} đã tổ chức đoàn công tác đi kiểm tra tình hình thực hiện {doc} tại {place}.',
  'Tổng kinh phí thực hiện chương trình là {money} tỷ đồng, trong đó vốn ngân sách nhà nước chiếm {pct}, còn lại do nhân dân và doanh nghiệp đóng góp.',
  'Sau {n3} tháng phát động, cuộc thi đã thu hút {n2} bài dự thi của cán bộ, đảng viên, học sinh, sinh viên trên địa bàn tỉnh.',
  'Việc giải quyết thủ tục hành chính trên môi trường điện tử tại {place} đạt {pct}, không có hồ sơ trễ hạn.',
  'Các cấp ủy cần tiếp tục đổi mới nội dung, phương thức lãnh đạo, nâng cao năng lực lãnh đạo, sức chiến đấu của tổ chức cơ sở đảng.',
  'Ghi nhận tại {place}, nhiều tuyến đường giao thông nông thôn được bê tông hóa, hệ thống chiếu sáng và cảnh quan môi trường ngày càng xanh, sạch, đẹp.',
  'Nhân dân {place} phấn khởi, tin tưởng vào sự lãnh đạo của Đảng, quản lý của Nhà nước, tích cực hưởng ứng các phong trào thi đua yêu nước.',
  '{body} đề nghị các địa phương rà soát, đánh giá đúng thực chất kết quả, tránh chạy theo thành tích, hình thức.',
  'Trước đó, ngày {day}, {body2} đã ban hành kế hoạch tuyên truyền kỷ niệm các ngày lễ lớn, sự kiện chính trị quan trọng của đất nước năm {year}.',
];

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` distinct-ish sentences, every slot filled at random (seeded: the same bank every run). */
export function sentenceBank(count = 4000, seed = 20251): string[] {
  const rnd = mulberry32(seed);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const decimal = (lo: number, hi: number) => `${int(lo, hi)},${int(0, 9)}`;
  const bank: string[] = [];
  for (let i = 0; i < count; i++) {
    const fill: Record<string, () => string> = {
      place: () => pick(PLACES), body: () => pick(BODIES), body2: () => pick(BODIES), doc: () => pick(DOCUMENTS), person: () => pick(PEOPLE),
      subject: () => pick(SUBJECTS), event: () => pick(EVENTS), month: () => pick(MONTHS), year: () => String(int(2024, 2025)),
      day: () => `${int(1, 28)}/${int(1, 12)}/${int(2024, 2025)}`, n: () => String(int(12, 480)), n2: () => int(1, 30).toLocaleString('de-DE') + '.' + String(int(100, 999)),
      n3: () => String(int(2, 45)), pct: () => `${decimal(72, 99)}%`, growth: () => `${decimal(6, 9)}%`, money: () => decimal(40, 95), money2: () => String(int(3, 20) * 100),
    };
    bank.push(pick(TEMPLATES).replace(/\{(\w+)\}/g, (_, k: string) => fill[k]!()));
  }
  return bank;
}

/** Syllables of a text as the search counts them: runs of letters or digits. */
export function syllableCount(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}
