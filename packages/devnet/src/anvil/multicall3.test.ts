import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileMulticall3, loadMulticall3, MULTICALL3_ARTIFACT_PATH, multicall3InputHash, multicall3Json } from './multicall3.ts';

describe('committed Multicall3 artifact', () => {
  it('was built from the current source', () => {
    expect(loadMulticall3().inputHash).toBe(multicall3InputHash());
  });
  it('is byte-identical to a fresh solc-js compile', () => {
    expect(readFileSync(MULTICALL3_ARTIFACT_PATH, 'utf8')).toBe(multicall3Json(compileMulticall3()));
  }, 60_000);
});
