/**
 * `@fiscus/core/conformance`: the ChainDriver conformance suite. Imports vitest, so it is a
 * separate entry point that production code never loads.
 */
export { describeDriverConformance } from './suite.ts';
export { CONFORMANCE_CASES, type ConformanceCase, type ConformanceHarness } from './harness.ts';
