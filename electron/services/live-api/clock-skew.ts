// AuthFailure.SignatureExpire almost always means the user's clock is wrong; say so, and by how much.
import type { AppError } from '../../../shared/result.js';

/** The server time (epoch ms) a SignatureExpire message reveals, e.g. the simulator's `server time 1700000000`. */
export function serverTimeFromMessage(message: string): number | undefined {
  const match = /server time[^0-9]{0,20}(\d{9,11})\b/i.exec(message);
  return match?.[1] === undefined ? undefined : Number(match[1]) * 1000;
}

function describeOffset(offsetMs: number): string {
  const seconds = Math.round(Math.abs(offsetMs) / 1000);
  const amount = seconds >= 120 ? `${Math.round(seconds / 60)} minutes` : `${seconds} seconds`;
  return `${amount} ${offsetMs > 0 ? 'ahead of' : 'behind'}`;
}

/** Rewrites a SignatureExpire error so the user learns their clock is off, keeping code and RequestId. */
export function explainSignatureExpire(
  error: AppError,
  clientNowMs: number,
  serverDateMs: number | undefined,
): AppError {
  const serverMs = serverDateMs ?? serverTimeFromMessage(error.message);
  const skew =
    serverMs === undefined
      ? "This computer's clock is probably wrong (more than 5 minutes off)."
      : `This computer's clock is about ${describeOffset(clientNowMs - serverMs)} Tencent Cloud's time (server time ${new Date(serverMs).toISOString()}).`;
  return {
    ...error,
    message: `${skew} Requests are signed with the local time and rejected when it is more than 5 minutes off; turn on automatic time synchronisation and try again. (Platform message: ${error.message})`,
  };
}
