// Time is injected everywhere (tests drive it); only composition roots pass the real clock.

/** Returns the current time as epoch milliseconds (the real one is `Date.now`). */
export type Clock = () => number;

export const unixSeconds = (clock: Clock): number => Math.floor(clock() / 1000);
