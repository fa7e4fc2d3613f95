// Fault injection: tests tell the simulator to fail the next call(s) the way the real platform or the
// network sometimes does, in-process or over HTTP from a child process (POST /__simulator/faults).

export const FAULT_MODES = [
  'vod-inactive',
  'max-running',
  'internal-error',
  'rate-limit',
  'signature-expire',
  'unauthorized-operation',
  'http-502',
  'non-json',
  'hang',
  'reset',
  'create-then-hang',
  'create-then-reset',
] as const;

export type FaultMode = (typeof FAULT_MODES)[number];

export interface FaultOptions {
  /** How many matching requests fail; default 1. */
  times?: number;
  /** Only requests with this X-TC-Action fail; default any (create-then-* always only CreateRecordTask). */
  action?: string;
}

/** An injected fault still waiting for requests. */
export interface PendingFault {
  mode: FaultMode;
  remaining: number;
  action?: string;
}

export interface FaultControl {
  inject(mode: FaultMode, options?: FaultOptions): void;
  /** Removes every pending fault. */
  clear(): void;
  /** Consumes one use of the first fault that applies to `action`, if any. */
  take(action: string): FaultMode | undefined;
  pending(): PendingFault[];
}

export function isFaultMode(value: unknown): value is FaultMode {
  return typeof value === 'string' && (FAULT_MODES as readonly string[]).includes(value);
}

function applies(fault: PendingFault, action: string): boolean {
  if (fault.mode === 'create-then-hang' || fault.mode === 'create-then-reset') {
    return action === (fault.action ?? 'CreateRecordTask');
  }
  return fault.action === undefined || fault.action === action;
}

export function createFaultControl(): FaultControl {
  let faults: PendingFault[] = [];
  return {
    inject(mode, options = {}) {
      const times = options.times ?? 1;
      if (!Number.isInteger(times) || times < 1) throw new RangeError('times must be a positive integer');
      faults.push(
        options.action === undefined ? { mode, remaining: times } : { mode, remaining: times, action: options.action },
      );
    },
    clear() {
      faults = [];
    },
    take(action) {
      const fault = faults.find((candidate) => applies(candidate, action));
      if (fault === undefined) return undefined;
      fault.remaining -= 1;
      if (fault.remaining === 0) faults = faults.filter((candidate) => candidate !== fault);
      return fault.mode;
    },
    pending() {
      return faults.map((fault) => ({ ...fault }));
    },
  };
}
