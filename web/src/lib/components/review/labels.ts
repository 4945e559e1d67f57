/** Vietnamese labels of review states. */
export function flagStateLabel(resolution: string | null): string {
  switch (resolution) {
    case 'confirmed':
      return 'đã xác nhận chủ đề';
    case 'rejected':
      return 'đã bác bỏ chủ đề';
    case 'dismissed':
      return 'giữ nguyên';
    default:
      return 'đang chờ';
  }
}

export function submissionStateLabel(state: string): string {
  return state === 'accepted' ? 'Đã chấp nhận' : state === 'rejected' ? 'Không chấp nhận' : 'Chờ duyệt';
}
