// Function words that may not start or end a derived keyphrase.
export const STOP_EDGE: ReadonlySet<string> = new Set(
  (
    'và của các những trong với cho về theo đã được là có để từ đến tại như này đó khi thì mà nhưng hoặc ' +
    'một cũng sẽ đang rất nhiều nhất làm bị do vào ra trên dưới sau trước qua giữa lại còn nên vì nếu ' +
    'đi đôi nhằm gắn tiếp tục thực hiện tăng cường đẩy mạnh nâng cao tổ chức triển khai việc công tác ' +
    'những tập trung phát huy đối với hướng nhất là trong đó gồm bao gồm cụ thể mới ta chúng ' +
    'các cấp thời gian tới qua đây hiện nay năm ngày tháng lần thứ không luôn cùng hết họ ông bà anh chị ' +
    'đồng chí nội dung hình thức phù hợp kịp thời đầy đủ toàn diện rộng rãi sâu rộng thường xuyên'
  ).split(' '),
);

/** Very common words of official writing that alone say nothing about a theme. */
export const GENERIC: ReadonlySet<string> = new Set(
  [
    'cán bộ', 'đảng viên', 'nhân dân', 'các cấp', 'cấp ủy', 'địa phương', 'đơn vị', 'cơ quan', 'hệ thống chính trị',
    'cán bộ đảng viên', 'thời gian', 'kết quả', 'nhiệm vụ', 'tuyên truyền', 'thông tin', 'tỉnh ủy', 'trung ương',
    'ban thường vụ', 'ủy ban nhân dân', 'đất nước', 'việt nam', 'phát triển', 'xã hội', 'kinh tế', 'chính trị',
    'lãnh đạo', 'chỉ đạo', 'kết quả thực hiện', 'kết quả đạt được', 'nhiệm vụ trọng tâm', 'doanh nghiệp', 'người dân', 'toàn dân', 'chủ tịch', 'bí thư', 'hội nghị',
  ],
);
