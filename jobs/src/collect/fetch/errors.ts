// Every way a fetch can fail, as a closed set. Callers branch on `kind`,
// never on message text. Messages are Vietnamese: they reach the UI.

export const FETCH_ERROR_KINDS = [
  'timeout', 'tls', 'network', 'http-status', 'too-large', 'empty',
  'private-address', 'redirect-loop', 'robots-disallowed', 'robots-unavailable', 'bad-url',
] as const;
export type FetchErrorKind = (typeof FETCH_ERROR_KINDS)[number];

export class FetchError extends Error {
  override readonly name = 'FetchError';
  constructor(
    readonly kind: FetchErrorKind,
    message: string,
    readonly url: string,
    readonly status: number | null = null,
    /** Server-requested wait (Retry-After), when it asked for one. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
  }
}

/** Internal marker errors raised inside a request, mapped by toFetchError. */
export class AbortReason extends Error {
  constructor(readonly kind: FetchErrorKind, message: string) {
    super(message);
  }
}

const TLS_CODES = /^(ERR_TLS|ERR_SSL|CERT_|UNABLE_TO_|SELF_SIGNED|DEPTH_ZERO|HOSTNAME_MISMATCH|ERR_CERT)/;
const NET_WORDS: Record<string, string> = {
  ENOTFOUND: 'không tìm thấy tên miền',
  EAI_AGAIN: 'lỗi phân giải tên miền tạm thời',
  ECONNREFUSED: 'máy chủ từ chối kết nối',
  ECONNRESET: 'kết nối bị ngắt giữa chừng',
  EHOSTUNREACH: 'không tới được máy chủ',
  ENETUNREACH: 'không tới được mạng',
  EPIPE: 'kết nối bị đóng',
};

/** The one place where raw errors become FetchErrors. */
export function toFetchError(err: unknown, url: string): FetchError {
  if (err instanceof FetchError) return err;
  if (err instanceof AbortReason) return new FetchError(err.kind, err.message, url);
  const e = err as { code?: string; message?: string };
  const code = e?.code ?? '';
  if (code === 'ETIMEDOUT' || code === 'UND_ERR_CONNECT_TIMEOUT') return new FetchError('timeout', 'Hết thời gian chờ kết nối', url);
  if (TLS_CODES.test(code)) return new FetchError('tls', `Lỗi chứng chỉ/TLS (${code})`, url);
  if (code === 'ERR_INVALID_URL') return new FetchError('bad-url', 'Địa chỉ URL không hợp lệ', url);
  if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR' || code === 'ERR__ERROR_FORMAT_PADDING_1') {
    return new FetchError('network', 'Dữ liệu nén bị hỏng', url);
  }
  const words = NET_WORDS[code];
  return new FetchError('network', words ? `Lỗi mạng: ${words}` : `Lỗi mạng${code ? ` (${code})` : ''}: ${e?.message ?? String(err)}`, url);
}

/** Plain words for an HTTP status. */
export function statusMessage(status: number): string {
  if (status === 404 || status === 410) return `Không tìm thấy trang (HTTP ${status})`;
  if (status === 401 || status === 403) return `Bị từ chối truy cập (HTTP ${status})`;
  if (status === 429) return 'Máy chủ yêu cầu giảm tần suất truy cập (HTTP 429)';
  if (status >= 500) return `Máy chủ gặp lỗi (HTTP ${status})`;
  return `Phản hồi không mong đợi (HTTP ${status})`;
}

/** Worth trying again soon (same run)? */
export function isRetryable(e: FetchError): boolean {
  if (e.kind === 'timeout' || e.kind === 'network') return true;
  if (e.kind === 'http-status') return e.status === 429 || e.status === 408 || (e.status ?? 0) >= 500;
  return false;
}
