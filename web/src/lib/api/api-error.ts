/** A failed API call: HTTP status (0 = no connection), the server's error code and Vietnamese message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    /** Message from the server (Vietnamese per contract); may be empty. */
    readonly serverMessage: string,
    /** The whole answer, for failures that carry details (the unit import's bad rows). */
    readonly body: unknown = null,
  ) {
    super(serverMessage || `API ${status} ${code}`);
    this.name = 'ApiError';
  }
}
