/** A failed API call: HTTP status (0 = no connection), the server's error code and Vietnamese message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    /** Message from the server (Vietnamese per contract); may be empty. */
    readonly serverMessage: string,
  ) {
    super(serverMessage || `API ${status} ${code}`);
    this.name = 'ApiError';
  }
}
