// Domain equivalences of official writing, as data. Keys are lower-case canonical tokens;
// an abbreviation applies only when written in upper case in the source.

/** Abbreviation → expansion (space-separated canonical syllables). */
export const ABBREVIATIONS: Readonly<Record<string, string>> = {
  đbqh: 'đại biểu quốc hội',
  hđnd: 'hội đồng nhân dân',
  ubnd: 'ủy ban nhân dân',
  mttq: 'mặt trận tổ quốc',
  ubmttq: 'ủy ban mặt trận tổ quốc',
  bch: 'ban chấp hành',
  bchtw: 'ban chấp hành trung ương',
  tw: 'trung ương',
  kt: 'kinh tế',
  xh: 'xã hội',
  ktxh: 'kinh tế xã hội',
  pctn: 'phòng chống tham nhũng',
  cnxh: 'chủ nghĩa xã hội',
  đuk: 'đảng ủy khối',
  btg: 'ban tuyên giáo',
  btgtu: 'ban tuyên giáo tỉnh ủy',
  btgdv: 'ban tuyên giáo và dân vận',
  btv: 'ban thường vụ',
  ubkt: 'ủy ban kiểm tra',
  đu: 'đảng ủy',
  qh: 'quốc hội',
  cp: 'chính phủ',
  cđs: 'chuyển đổi số',
  khcn: 'khoa học công nghệ',
  đmst: 'đổi mới sáng tạo',
  htct: 'hệ thống chính trị',
  cbđv: 'cán bộ đảng viên',
  đvhc: 'đơn vị hành chính',
  cqđp: 'chính quyền địa phương',
  tp: 'thành phố',
  lđlđ: 'liên đoàn lao động',
  cchc: 'cải cách hành chính',
};

/** Document-type abbreviations, expanded only before a number ("NQ 35", "CT 05"). */
export const DOC_TYPE_ABBREVIATIONS: Readonly<Record<string, string>> = {
  nq: 'nghị quyết',
  ct: 'chỉ thị',
  kl: 'kết luận',
  qđ: 'quy định',
  hd: 'hướng dẫn',
  kh: 'kế hoạch',
  tb: 'thông báo',
};

/** Vietnamese number words (after "thứ": "lần thứ mười ba" = 13). */
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  nhất: 1,
  một: 1,
  mốt: 1,
  hai: 2,
  ba: 3,
  bốn: 4,
  tư: 4,
  năm: 5,
  lăm: 5,
  nhăm: 5,
  sáu: 6,
  bảy: 7,
  bẩy: 7,
  tám: 8,
  chín: 9,
  mười: 10,
  mươi: 10,
};

/** Roman digits accepted as congress / term numbers (upper case only: "xi" is a word). */
export const ROMAN_DIGITS: Readonly<Record<string, number>> = { I: 1, V: 5, X: 10, L: 50 };

/** Tokens dropped before a number: "Chỉ thị số 05" = "Chỉ thị 05", "lần thứ XIII" = "XIII". */
export const DROP_BEFORE_NUMBER: ReadonlySet<string> = new Set(['số', 'thứ', 'lần']);

/** Tokens after which a single Roman letter is a number ("khóa V", "Đại hội X"). */
export const ROMAN_CONTEXT: ReadonlySet<string> = new Set(['khóa', 'hội', 'thứ', 'lần', 'phần']);

/** Phrase rewrites on the canonical stream: long official names → the short form posts also use. */
export const PHRASE_REWRITES: ReadonlyArray<readonly [string, string]> = [
  ['đại hội đại biểu toàn quốc', 'đại hội'],
  ['đại hội đảng toàn quốc', 'đại hội'],
  ['đại hội toàn quốc', 'đại hội'],
  ['đại hội đại biểu đảng bộ', 'đại hội đảng bộ'],
  ['hồ chí minh', 'hồ chí minh'],
  ['chủ tịch hồ chí minh', 'hồ chí minh'],
  ['bác hồ', 'hồ chí minh'],
  ['covid', 'covid 19'],
  ['covid 19 19', 'covid 19'],
  ['2 cấp', 'hai cấp'],
  ['cộng hòa xã hội chủ nghĩa việt nam', 'việt nam'],
];
