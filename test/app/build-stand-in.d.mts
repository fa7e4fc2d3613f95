export const STAND_IN_BUNDLE: string;
export function buildStandIn(): Promise<void>;
