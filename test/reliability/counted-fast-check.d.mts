// Types of counted-fast-check.mjs: fast-check's own (its default export is fast-check with a counting `assert`).
import fc from 'fast-check';

/** The suite name the runs are recorded under: `unit: shared/ipc/contract.test.ts` for test/unit/shared/ipc/contract.test.ts. */
export declare function propertySuiteName(testPath: string, cwd?: string): string;

export default fc;
