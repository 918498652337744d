import { lifecycleCases } from './cases-lifecycle.ts';
import { readCases } from './cases-reads.ts';
import { tokenCases } from './cases-token.ts';
import type { CaseDef } from './context.ts';
import { CONFORMANCE_CASES } from './harness.ts';

/** Every case, in run order (lifecycle first: later cases rely on submit/confirm working). */
export const ALL_CASES: CaseDef[] = [...lifecycleCases, ...tokenCases, ...readCases];

// Keep the public case list and the implementations in step at import time, not silently.
const missing = CONFORMANCE_CASES.filter((id) => !ALL_CASES.some((c) => c.id === id));
if (missing.length) throw new Error(`conformance cases without an implementation: ${missing.join(', ')}`);
