import type { Concept } from './concepts';

// More topics that provincial and bloc plans commonly carry (beyond the gold list).
export const MORE_CONCEPTS: Concept[] = [
  {
    id: 'nong-thon-moi',
    triggers: ['nông thôn mới', 'OCOP'],
    phrases: {
      'nông thôn mới': 0.7, 'xây dựng nông thôn mới': 0.9, 'nông thôn mới nâng cao': 0.9, 'nông thôn mới kiểu mẫu': 0.9,
      'OCOP': 0.8, 'mỗi xã một sản phẩm': 1.0, 'sản phẩm OCOP': 0.9, 'đạt chuẩn nông thôn mới': 1.0, 'tiêu chí': 0.2,
      'hạ tầng nông thôn': 0.4, 'đường giao thông nông thôn': 0.4,
    },
  },
  {
    id: 'nha-tam',
    triggers: ['nhà tạm', 'an sinh xã hội'],
    phrases: {
      'xóa nhà tạm': 1.0, 'nhà tạm, nhà dột nát': 1.0, 'nhà dột nát': 0.8, 'nhà tạm': 0.6, 'an sinh xã hội': 0.5,
      'hộ nghèo': 0.3, 'hộ cận nghèo': 0.3, 'Quỹ Vì người nghèo': 0.6, 'nhà đại đoàn kết': 0.7, 'hỗ trợ làm nhà': 0.7,
      'bàn giao nhà': 0.6, 'giảm nghèo': 0.4, 'gia đình chính sách': 0.3,
    },
  },
  {
    id: 'tiet-kiem',
    triggers: ['thực hành tiết kiệm', 'chống lãng phí'],
    phrases: {
      'thực hành tiết kiệm, chống lãng phí': 1.0, 'chống lãng phí': 0.7, 'tiết kiệm': 0.3, 'lãng phí': 0.3,
      'tiết kiệm điện': 0.4, 'tài sản công': 0.4, 'trụ sở dôi dư': 0.6, 'chi thường xuyên': 0.3, 'văn phòng phẩm': 0.3,
    },
  },
  {
    id: 'quoc-phong',
    triggers: ['quốc phòng', 'an ninh'],
    phrases: {
      'quốc phòng và an ninh': 0.6, 'kiến thức quốc phòng': 0.9, 'giáo dục quốc phòng và an ninh': 1.0, 'quốc phòng toàn dân': 0.6,
      'an ninh nhân dân': 0.5, 'dân quân tự vệ': 0.6, 'cơ quan an toàn': 0.8, 'an ninh trật tự': 0.4, 'phòng cháy, chữa cháy': 0.3,
      'bảo vệ bí mật nhà nước': 0.7, 'diễn tập': 0.4,
    },
  },
  {
    id: 'cai-cach-hanh-chinh',
    triggers: ['cải cách hành chính'],
    phrases: {
      'cải cách hành chính': 0.9, 'thủ tục hành chính': 0.6, 'dịch vụ công trực tuyến': 0.6, 'một cửa': 0.4,
      'chỉ số cải cách hành chính': 1.0, 'PAR INDEX': 0.8, 'hồ sơ trực tuyến': 0.5, 'trễ hạn': 0.4, 'hài lòng': 0.3,
    },
  },
  {
    id: 'dan-chu-co-so',
    triggers: ['dân chủ ở cơ sở'],
    phrases: {
      'dân chủ ở cơ sở': 1.0, 'thực hiện dân chủ': 0.7, 'Luật Thực hiện dân chủ ở cơ sở': 1.0, 'hội nghị cán bộ, công chức': 0.6,
      'công khai': 0.2, 'quy chế dân chủ': 0.8, 'dân biết, dân bàn': 0.8, 'đối thoại': 0.3,
    },
  },
  {
    id: 'cong-doan',
    triggers: ['công đoàn', 'người lao động'],
    phrases: {
      'công đoàn': 0.5, 'đoàn viên công đoàn': 0.8, 'Tết Sum vầy': 0.7, 'Mái ấm công đoàn': 0.8, 'đời sống người lao động': 0.6,
      'chăm lo': 0.15, 'người lao động': 0.1, 'Tháng Công nhân': 0.8, 'thỏa ước lao động': 0.6,
    },
  },
  {
    id: 'thanh-nien',
    triggers: ['thanh niên', 'Đoàn'],
    phrases: {
      'đoàn viên thanh niên': 0.5, 'thanh niên tình nguyện': 0.9, 'Tháng Thanh niên': 0.8, 'Mùa hè xanh': 0.8,
      'Chủ nhật xanh': 0.7, 'tuổi trẻ': 0.3, 'đoàn viên': 0.3, 'Đoàn Thanh niên': 0.5, 'công trình thanh niên': 0.7,
    },
  },
  {
    id: 'chi-bo',
    triggers: ['sinh hoạt chi bộ'],
    phrases: {
      'sinh hoạt chi bộ': 1.0, 'chất lượng sinh hoạt chi bộ': 1.2, 'sinh hoạt chuyên đề': 0.7, 'sinh hoạt định kỳ': 0.6,
      'bí thư chi bộ': 0.25, 'chi bộ': 0.15, 'nghị quyết chi bộ': 0.6,
    },
  },
  {
    id: 'van-hoa-cong-vu',
    triggers: ['văn hóa công vụ', 'kỷ cương hành chính'],
    phrases: {
      'văn hóa công vụ': 1.0, 'kỷ luật, kỷ cương': 0.7, 'kỷ cương hành chính': 0.9, 'đạo đức công vụ': 0.8,
      'giờ giấc làm việc': 0.5, 'đồng phục': 0.2, 'thái độ phục vụ': 0.5, 'nhũng nhiễu': 0.3,
    },
  },
];
