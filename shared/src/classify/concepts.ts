// Domain vocabulary of propaganda plans, as data. A concept is switched on for a theme when one
// of its triggers occurs in the theme TITLE; its phrases then join the theme's derived keyphrases.
// Weights: ~1 = one mention in a body is nearly enough; 0.2 = only counts alongside others.

export interface Concept {
  id: string;
  triggers: string[];
  phrases: Record<string, number>;
  negative?: string[];
}

export const CONCEPTS: Concept[] = [
  {
    id: 'dai-hoi-13',
    triggers: ['Đại hội XIII'],
    phrases: {
      'Văn kiện Đại hội XIII': 1.2, 'Nghị quyết Đại hội XIII': 0.7, 'Đại hội XIII': 0.7, 'thành công của Đại hội': 0.4,
      'khơi dậy khát vọng phát triển đất nước phồn vinh, hạnh phúc': 0.8, 'khâu đột phá chiến lược': 0.5,
      'nhiệm vụ trọng tâm': 0.15, 'thành công của Đại hội XIII': 1, 'kết quả Đại hội XIII': 1,
      'học tập, quán triệt': 0.3, 'quán triệt Nghị quyết Đại hội XIII': 1, 'Ban Chấp hành Trung ương khóa XIII': 0.3,
      'bầu ra Ban Chấp hành Trung ương': 0.5, 'bầu Ban Chấp hành Trung ương': 0.5, 'phiên bế mạc': 0.4, 'phiên khai mạc': 0.4, 'văn kiện': 0.2, 'đưa Nghị quyết Đại hội vào cuộc sống': 0.5, 'theo dõi Đại hội': 0.4, 'Đại hội XIII của Đảng': 0.2,
    },
  },
  {
    id: 'dai-hoi-14',
    triggers: ['Đại hội XIV', 'Đại hội đảng bộ các cấp'],
    phrases: {
      'Đại hội XIV': 0.8, 'đại hội đảng bộ': 0.6, 'đại hội đảng bộ các cấp': 0.8, 'nhiệm kỳ 2025 - 2030': 0.6,
      'nhiệm kỳ 2025-2030': 0.0, 'dự thảo văn kiện': 0.7, 'góp ý dự thảo': 0.6, 'góp ý vào dự thảo': 0.6,
      'dự thảo báo cáo chính trị': 0.8, 'đại hội điểm': 0.9, 'đại hội chi bộ': 0.7, 'đại biểu dự đại hội': 0.6,
      'bầu Ban Chấp hành': 0.6, 'Ban Chấp hành Đảng bộ': 0.3, 'tiến tới Đại hội': 0.6, 'chào mừng Đại hội': 0.5,
      'nhân sự đại hội': 0.6, 'khai mạc đại hội': 0.6, 'bế mạc đại hội': 0.6,
      'đại hội đại biểu Đảng bộ': 0.8,
      'đại hội đảng bộ cấp cơ sở': 0.6, 'Chỉ thị 35-CT/TW': 0.8, 'Chỉ thị 35': 0.6, 'nhân sự cấp ủy': 0.6, 'đoàn đại biểu dự đại hội': 0.6, 'đại hội đảng bộ tỉnh': 0.5, 'cấp ủy khóa mới': 0.5,
    },
  },
  {
    id: 'xay-dung-dang',
    triggers: ['chỉnh đốn Đảng', 'tổ chức cơ sở đảng', 'xây dựng Đảng'],
    phrases: {
      'xây dựng, chỉnh đốn Đảng': 1.0, 'chỉnh đốn Đảng': 0.8, 'xây dựng Đảng': 0.5, 'công tác xây dựng Đảng': 0.7,
      'tổ chức cơ sở đảng': 0.7, 'kết nạp đảng viên': 0.9, 'kết nạp Đảng': 0.8, 'đảng viên mới': 0.6,
      'kiểm tra, giám sát': 0.6, 'Ủy ban Kiểm tra': 0.6, 'thi hành kỷ luật': 0.7, 'kỷ luật đảng': 0.6,
      'sinh hoạt chi bộ': 0.7, 'chất lượng sinh hoạt chi bộ': 0.9, 'chi bộ': 0.2, 'bí thư chi bộ': 0.25, 'xếp loại': 0.3, 'đảng viên trẻ': 0.4, 'kết nạp thêm': 0.4, 'sinh hoạt': 0.15, 'đảng viên': 0.15,
      'suy thoái về tư tưởng chính trị': 0.6, 'tự diễn biến': 0.2, 'tự chuyển hóa': 0.2,
      'tự phê bình và phê bình': 0.6, 'Kết luận 21-KL/TW': 1.0, 'Kết luận 21': 0.8, 'đánh giá, xếp loại': 0.5,
      'huy hiệu Đảng': 0.7, 'trao tặng Huy hiệu': 0.5, 'nêu gương': 0.3, 'cấp ủy': 0.15, 'tổ chức đảng': 0.3,
      'Điều lệ Đảng': 0.5, 'bồi dưỡng lý luận chính trị': 0.5, 'nhận thức về Đảng': 0.7, 'trong sạch, vững mạnh': 0.4,
      'quy định về những điều đảng viên không được làm': 0.8, 'phát triển đảng viên': 0.8,
      'Nghị quyết Trung ương 4': 0.6, 'chuyển đảng chính thức': 0.7, 'đảng viên dự bị': 0.6, 'quần chúng ưu tú': 0.5, 'sinh hoạt chuyên đề': 0.4, 'tuổi Đảng': 0.6, 'kiểm điểm': 0.25, 'công tác đảng': 0.3, 'tổ chức đảng trong sạch, vững mạnh': 0.5,
    },
  },
  {
    id: 'tham-nhung',
    triggers: ['tham nhũng'],
    phrases: {
      'phòng, chống tham nhũng': 1.0, 'tham nhũng': 0.5, 'tham nhũng, lãng phí, tiêu cực': 0.6, 'tiêu cực': 0.15,
      'lãng phí': 0.2, 'thực hành tiết kiệm, chống lãng phí': 0.6, 'kê khai tài sản': 0.7, 'tài sản, thu nhập': 0.5,
      'Ban Chỉ đạo phòng, chống tham nhũng': 0.6, 'thu hồi tài sản': 0.6, 'nhận hối lộ': 0.7, 'đưa hối lộ': 0.7,
      'tham ô': 0.7, 'lợi dụng chức vụ, quyền hạn': 0.6, 'vụ án': 0.3, 'khởi tố': 0.4, 'lợi ích nhóm': 0.4,
      'văn hóa liêm chính': 0.6, 'không dám, không thể, không muốn': 0.9, 'xử lý sai phạm': 0.3, 'PCTN': 0.0,
      'trục lợi': 0.4, 'sai phạm': 0.15,
      'hối lộ': 0.6, 'nhũng nhiễu': 0.5, 'dấu hiệu tội phạm': 0.3, 'kiến nghị thu hồi': 0.5, 'chiếm đoạt': 0.3, 'không có vùng cấm': 0.8,
      'tham nhũng vặt': 0.8, 'Ban Nội chính': 0.5, 'nội chính': 0.3, 'thất thoát': 0.3,
    },
  },
  {
    id: 'hoc-tap-bac',
    triggers: ['làm theo tư tưởng'],
    phrases: {
      'học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh': 1.4, 'làm theo tư tưởng, đạo đức, phong cách': 1.0,
      'tư tưởng, đạo đức, phong cách Hồ Chí Minh': 0.8, 'làm theo gương Bác': 1.0, 'làm theo lời Bác': 1.0, 'làm theo Bác': 1.0,
      'Chỉ thị 05-CT/TW': 1.0, 'Chỉ thị 05': 1.0, 'chuyên đề năm': 0.6, 'chuyên đề toàn khóa': 0.6,
      'tấm gương': 0.25, 'gương sáng': 0.3, 'đạo đức Hồ Chí Minh': 0.6, 'phong cách Hồ Chí Minh': 0.6,
      'tư tưởng Hồ Chí Minh': 0.4, 'Kết luận 01-KL/TW': 0.8, 'Kết luận 01': 0.6, 'lời Bác dạy': 0.5,
      'di chúc': 0.3, 'sơ kết': 0.1, 'điển hình trong học tập và làm theo': 0.8,
      'tấm gương đạo đức Hồ Chí Minh': 0.8, 'học Bác': 0.7, 'theo gương Bác': 0.8, 'kể chuyện về Bác': 0.6, 'tủ sách Hồ Chí Minh': 0.5,
    },
  },
  {
    id: 'bao-ve-nen-tang',
    triggers: ['nền tảng tư tưởng'],
    phrases: {
      'bảo vệ nền tảng tư tưởng của Đảng': 1.4, 'nền tảng tư tưởng': 0.8, 'quan điểm sai trái, thù địch': 1.0,
      'quan điểm sai trái': 0.8, 'thế lực thù địch': 0.7, 'luận điệu xuyên tạc': 0.8, 'xuyên tạc': 0.4,
      'diễn biến hòa bình': 0.6, 'Nghị quyết 35-NQ/TW': 1.0, 'Nghị quyết 35': 1.0, 'Ban Chỉ đạo 35': 1.0,
      'phản bác': 0.5, 'thông tin xấu, độc': 0.6, 'tin giả': 0.4, 'đấu tranh phản bác': 0.8, 'phần tử phản động': 0.6,
      'phản động': 0.4, 'lực lượng 47': 0.8, 'an ninh tư tưởng': 0.5, 'không gian mạng': 0.3, 'mạng xã hội': 0.15,
      'chủ nghĩa Mác - Lênin': 0.3,
      'thông tin sai lệch': 0.4, 'luận điệu sai trái': 0.8, 'vu khống': 0.4, 'kích động': 0.3, 'chống đối': 0.3, 'lợi dụng tôn giáo': 0.5, 'lợi dụng vấn đề dân tộc, tôn giáo': 0.6, 'nhà nước riêng': 0.5, 'âm mưu': 0.3, 'âm mưu, thủ đoạn': 0.5, 'bảo vệ Đảng': 0.4, 'chống phá': 0.5,
    },
  },
  {
    id: 'bau-cu',
    triggers: ['bầu cử'],
    phrases: {
      'bầu cử': 0.5, 'cuộc bầu cử': 0.6, 'cử tri': 0.2, 'ngày bầu cử': 0.8, 'Ủy ban bầu cử': 0.8, 'Tổ bầu cử': 0.8,
      'Ban bầu cử': 0.8, 'khu vực bỏ phiếu': 0.8, 'bỏ phiếu': 0.5, 'danh sách cử tri': 0.7, 'người ứng cử': 0.6,
      'ứng cử viên': 0.6, 'ứng cử': 0.3, 'hiệp thương': 0.5, 'trúng cử': 0.7, 'đại biểu Quốc hội': 0.2,
      'đại biểu Hội đồng nhân dân': 0.15, 'kết quả bầu cử': 0.9, 'công tác bầu cử': 0.8,
      'tổng kết công tác bầu cử': 1.0, 'kỳ họp thứ nhất': 0.5, 'vận động bầu cử': 0.7, 'lá phiếu': 0.5,
    },
  },
  {
    id: 'kt-xh',
    triggers: ['kinh tế - xã hội'],
    phrases: {
      'phát triển kinh tế - xã hội': 0.7, 'kinh tế - xã hội': 0.4, 'GRDP': 0.8, 'tốc độ tăng trưởng': 0.6,
      'tăng trưởng kinh tế': 0.5, 'thu ngân sách': 0.6, 'thu ngân sách nhà nước': 0.6, 'thu nhập bình quân đầu người': 0.6,
      'vốn đầu tư công': 0.4, 'giải ngân': 0.4, 'kim ngạch xuất khẩu': 0.5, 'chỉ tiêu': 0.2, 'đạt và vượt': 0.4,
      'chỉ tiêu chủ yếu': 0.7, 'cơ cấu kinh tế': 0.5, 'tổng sản phẩm': 0.5, 'giá trị sản xuất': 0.4,
      'tỷ lệ hộ nghèo': 0.4, 'nông thôn mới': 0.3, 'quốc phòng, an ninh': 0.15, 'nhiệm vụ năm': 0.2,
      'kế hoạch phát triển kinh tế - xã hội': 0.8, 'thu hút đầu tư': 0.3, 'tăng trưởng': 0.2, 'so với cùng kỳ': 0.3,
      'tổng vốn đầu tư toàn xã hội': 0.6, 'an sinh xã hội': 0.25, 'vốn đăng ký': 0.3, 'kế hoạch năm': 0.3, 'dự toán': 0.3, 'sản lượng': 0.2, 'tổng mức bán lẻ': 0.5, 'chỉ số sản xuất công nghiệp': 0.5,
      'xây dựng nông thôn mới': 0.3, 'tháng đầu năm': 0.3, 'chỉ số năng lực cạnh tranh cấp tỉnh': 0.5, 'PCI': 0.4, 'doanh nghiệp thành lập mới': 0.3,
    },
  },
  {
    id: 'thi-dua',
    triggers: ['thi đua', 'thi đua yêu nước', 'điển hình tiên tiến'],
    phrases: {
      'phong trào thi đua': 0.8, 'thi đua yêu nước': 1.0, 'điển hình tiên tiến': 1.0, 'người tốt, việc tốt': 1.0,
      'Dân vận khéo': 1.0, 'mô hình hay': 0.25, 'cách làm sáng tạo': 0.2, 'khen thưởng': 0.3, 'Bằng khen': 0.4,
      'Giấy khen': 0.3, 'danh hiệu': 0.3, 'tôn vinh': 0.4, 'biểu dương': 0.3, 'gương điển hình': 0.4,
      'Đại hội thi đua': 1.0, 'Cờ thi đua': 0.7, 'chiến sĩ thi đua': 0.7, 'Huân chương Lao động': 0.5,
      'tập thể, cá nhân': 0.4, 'thành tích xuất sắc': 0.5, 'công tác thi đua, khen thưởng': 1.0, 'phát động thi đua': 0.9,
      'thi đua': 0.3, 'nêu gương': 0.2,
      'tuyên dương': 0.3, 'vinh danh': 0.4, 'điển hình': 0.25,
    },
  },
  {
    id: 'ky-niem',
    triggers: ['kỷ niệm các ngày lễ', 'sự kiện lịch sử'],
    phrases: {
      'kỷ niệm': 0.2, 'lễ kỷ niệm': 0.4, 'mít tinh kỷ niệm': 1.0, 'năm Ngày thành lập': 0.4, 'năm Ngày thành lập Đảng': 0.6, 'Ngày thành lập tỉnh': 0.6, 'năm Ngày sinh': 0.7,
      'năm Ngày giải phóng': 0.8, 'giải phóng miền Nam, thống nhất đất nước': 0.9, 'Quốc khánh': 0.7,
      'Cách mạng Tháng Tám': 0.7, 'năm Ngày truyền thống': 0.7, 'năm Ngày Thương binh - Liệt sĩ': 0.8,
      'Ngày Thương binh - Liệt sĩ': 0.6, 'Ngày Báo chí cách mạng Việt Nam': 0.7, 'năm chiến thắng': 0.7,
      'chiến thắng Điện Biên Phủ': 0.7, 'chào mừng': 0.25, 'dâng hương': 0.5, 'dâng hoa': 0.4, 'tri ân': 0.3,
      'ngày lễ lớn': 0.5, 'sự kiện lịch sử': 0.4, 'Ngày thành lập Đảng Cộng sản Việt Nam': 0.8,
      'Ngày sinh Chủ tịch Hồ Chí Minh': 0.8, 'năm Ngày tái lập tỉnh': 0.8, 'diễu binh': 0.6, 'diễu hành': 0.4,
      'ôn lại truyền thống': 0.5, 'truyền thống vẻ vang': 0.4, 'đài tưởng niệm': 0.4, 'nghĩa trang liệt sĩ': 0.4,
      'Ngày Giỗ Tổ Hùng Vương': 0.5, 'kỷ niệm năm': 0.0,
      'lễ mít tinh': 0.6, 'Ngày Chiến thắng': 0.6, 'thống nhất đất nước': 0.4, 'Ngày thành lập Quân đội nhân dân Việt Nam': 0.6, 'truyền thống': 0.1, 'năm ngày': 0.3,
      'họp mặt kỷ niệm': 0.8, 'tưởng niệm': 0.4, 'Ngày hội Quốc phòng toàn dân': 0.6, 'thắp nến tri ân': 0.6,
    },
  },
  {
    id: 'covid',
    triggers: ['COVID-19'],
    phrases: {
      'COVID-19': 0.9, 'bệnh viện dã chiến': 0.6, 'người mắc mới': 0.4, 'điều trị tại nhà': 0.3, 'đại dịch': 0.5, 'phòng, chống dịch': 0.7, 'dịch bệnh': 0.3, 'vắc xin': 0.5, 'tiêm chủng': 0.5, 'mũi tiêm': 0.5,
      'giãn cách xã hội': 0.7, 'cách ly': 0.4, 'khu cách ly': 0.6, 'ca mắc': 0.5, 'F0': 0.5, 'F1': 0.3, '5K': 0.6,
      'xét nghiệm': 0.4, 'SARS-CoV-2': 0.7, 'Ban Chỉ đạo phòng, chống dịch': 0.8, 'phong tỏa': 0.4, 'khẩu trang': 0.3,
      'vùng dịch': 0.6, 'chống dịch': 0.5, 'tâm dịch': 0.6,
    },
  },
  {
    id: 'doi-ngoai',
    triggers: ['đối ngoại'],
    phrases: {
      'thông tin đối ngoại': 1.0, 'đối ngoại': 0.5, 'hoạt động đối ngoại': 0.8, 'hợp tác quốc tế': 0.5,
      'hội nhập quốc tế': 0.4, 'Đại sứ': 0.5, 'Đại sứ quán': 0.6, 'Tổng Lãnh sự': 0.6, 'hữu nghị': 0.5,
      'quan hệ hữu nghị': 0.7, 'đoàn đại biểu': 0.2, 'chủ quyền biển, đảo': 0.6, 'biên giới': 0.3,
      'người Việt Nam ở nước ngoài': 0.7, 'kiều bào': 0.6, 'quyền con người': 0.5, 'ngoại giao': 0.5,
      'đối ngoại nhân dân': 0.8, 'hợp tác': 0.1, 'bạn bè quốc tế': 0.4, 'kết nghĩa': 0.4, 'người nước ngoài': 0.4,
      'quảng bá hình ảnh': 0.5, 'biên giới hòa bình, hữu nghị': 0.8, 'nước bạn': 0.5, 'ký kết biên bản ghi nhớ': 0.4,
      'tỉnh bạn': 0.4, 'quốc tế': 0.1,
      'hội đàm': 0.6, 'hội kiến': 0.6, 'thăm chính thức': 0.7, 'thăm cấp Nhà nước': 0.8, 'chào xã giao': 0.6,
      'tiếp xã giao': 0.6, 'đối tác chiến lược toàn diện': 0.7, 'quan hệ ngoại giao': 0.6, 'Bộ Ngoại giao': 0.5,
      'Đại sứ đặc mệnh toàn quyền': 0.8,
    },
  },
  {
    id: '40-nam-doi-moi',
    triggers: ['năm đổi mới'],
    phrases: {
      'năm đổi mới': 0.8, '40 năm đổi mới': 1.2, 'cơ đồ, tiềm lực, vị thế': 1.2, 'cơ đồ': 0.6, 'tiềm lực': 0.3,
      'vị thế và uy tín quốc tế': 0.8, 'vị thế, uy tín quốc tế': 0.8, 'uy tín quốc tế': 0.5, 'công cuộc đổi mới': 0.6,
      'thành tựu': 0.15, 'thành tựu to lớn': 0.4, 'chưa bao giờ có được cơ đồ': 1.2, 'sự nghiệp đổi mới': 0.5, 'đường lối đổi mới': 0.5,
      'từ một nước nghèo': 0.4, 'bị bao vây cấm vận': 0.5, 'năm 1986': 0.5, 'Đại hội VI': 0.6,
      'cơ chế tập trung quan liêu, bao cấp': 0.8, 'kinh tế thị trường định hướng xã hội chủ nghĩa': 0.4, 'bốn thập niên': 0.5, 'gần 40 năm': 0.6, 'bài học kinh nghiệm': 0.2,
    },
  },
  {
    id: 'ky-nguyen',
    triggers: ['kỷ nguyên'],
    phrases: {
      'kỷ nguyên vươn mình': 1.2, 'kỷ nguyên mới': 0.7, 'vươn mình': 0.7, 'kỷ nguyên vươn mình của dân tộc': 1.2,
      'thời cơ, thách thức': 0.4, 'trách nhiệm lịch sử': 0.5, 'mục tiêu 100 năm': 0.5, 'tầm nhìn đến năm 2045': 0.4,
      'nước phát triển, thu nhập cao': 0.6, 'người cầm lái': 0.6, 'kỷ nguyên phát triển': 0.7, 'kỷ nguyên': 0.3,
      'dấu mốc lịch sử': 0.3, 'khát vọng': 0.15,
      '100 năm thành lập nước': 0.6, '100 năm thành lập Đảng': 0.3, 'tự lực, tự cường': 0.4, 'điểm nghẽn': 0.25, 'bước vào kỷ nguyên mới': 0.6, 'thời cơ lịch sử': 0.6, 'năng lực cầm quyền': 0.4, 'kỷ nguyên thịnh vượng': 0.8,
    },
  },
  {
    id: 'chuyen-doi-so',
    triggers: ['chuyển đổi số', 'đổi mới sáng tạo'],
    phrases: {
      'chuyển đổi số': 0.8, 'chuyển đổi xanh': 0.8, 'đổi mới sáng tạo': 0.6, 'khoa học, công nghệ': 0.4,
      'Nghị quyết 57-NQ/TW': 1.0, 'Nghị quyết 57': 1.0, 'chính quyền số': 0.7, 'kinh tế số': 0.7, 'xã hội số': 0.6,
      'dịch vụ công trực tuyến': 0.4, 'công dân số': 0.6, 'Đề án 06': 0.6, 'thanh toán không dùng tiền mặt': 0.5,
      'nền tảng số': 0.6, 'dữ liệu số': 0.5, 'trí tuệ nhân tạo': 0.5, 'cơ sở dữ liệu': 0.4, 'kỹ năng số': 0.6,
      'tổ công nghệ số cộng đồng': 1.0, 'năng lượng tái tạo': 0.4, 'phát triển xanh': 0.5, 'số hóa': 0.5,
      'bình dân học vụ số': 1.0, 'ứng dụng công nghệ thông tin': 0.4, 'VNeID': 0.4, 'định danh điện tử': 0.4,
      'điện mặt trời': 0.4, 'phát thải': 0.4, 'tái chế': 0.3, 'sản xuất xanh': 0.6, 'kinh tế tuần hoàn': 0.6, 'tăng trưởng xanh': 0.6, 'thương mại điện tử': 0.5, 'điện thoại thông minh': 0.3, 'nông nghiệp thông minh': 0.5, 'đô thị thông minh': 0.5,
      'chữ ký số': 0.5, 'hồ sơ điện tử': 0.3, 'dữ liệu dân cư': 0.4, 'chuyển đổi năng lượng': 0.5,
    },
  },
  {
    id: 'to-chuc-bo-may',
    triggers: ['tổ chức bộ máy'],
    phrases: {
      'tổ chức bộ máy': 0.6, 'sắp xếp tổ chức bộ máy': 1.0, 'tinh gọn bộ máy': 1.0, 'tinh gọn': 0.5,
      'tinh gọn, mạnh, hiệu năng, hiệu lực, hiệu quả': 1.0, 'sắp xếp, tinh gọn': 0.8, 'sáp nhập': 0.6,
      'hợp nhất': 0.4, 'sắp xếp đơn vị hành chính': 1.0, 'đơn vị hành chính': 0.3, 'chính quyền địa phương hai cấp': 1.2,
      'chính quyền địa phương 2 cấp': 0.0, 'mô hình chính quyền địa phương': 0.8, 'không tổ chức cấp huyện': 1.0,
      'Nghị quyết 18-NQ/TW': 1.0, 'Nghị quyết 18': 0.8, 'tinh giản biên chế': 0.7, 'dôi dư': 0.5,
      'kết thúc hoạt động': 0.4, 'xã mới': 0.4, 'sau sắp xếp': 0.6, 'sau sáp nhập': 0.6, 'trung tâm phục vụ hành chính công': 0.3,
      'chuyển công tác': 0.1, 'nghỉ hưu trước tuổi': 0.6, 'cấp xã': 0.15,
      'Nghị quyết 60': 0.5, 'bộ máy mới': 0.6, 'chính quyền địa phương cấp xã': 0.4, 'tỉnh mới': 0.4,
    },
  },
];
