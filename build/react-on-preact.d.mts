// Types of react-on-preact.mjs (the vite and vitest configs import it).
export declare const reactOnPreact: { find: RegExp; replacement: string }[];
export declare const usesReact: RegExp[];
