// An API error the simulator answers with, exactly as live.tencentcloudapi.com would phrase it.

/** A Tencent Cloud API error: code and message go into `Response.Error`. */
export interface ApiError {
  /** Tencent error code, e.g. `InvalidParameter` or `AuthFailure.SignatureFailure`. */
  code: string;
  /** Human message, as the platform returns it. */
  message: string;
}

export type ApiOutcome<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const apiOk = <T>(value: T): ApiOutcome<T> => ({ ok: true, value });

export const apiError = <T = never>(code: string, message: string): ApiOutcome<T> => ({
  ok: false,
  error: { code, message },
});
