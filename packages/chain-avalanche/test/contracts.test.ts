import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ARTIFACT_PATH, artifactJson, compileGatekeeper, compilerInput, gatekeeperArtifact, inputHash } from '../src/contracts.ts';

describe('committed FiscusL1Gatekeeper artifact', () => {
  it('was built from the current source (else run packages/chain-avalanche/scripts/build-contracts.ts)', () => {
    expect(gatekeeperArtifact().inputHash).toBe(inputHash(compilerInput()));
  });
  it('is byte-identical to a fresh solc-js compile', () => {
    expect(readFileSync(ARTIFACT_PATH, 'utf8')).toBe(artifactJson(compileGatekeeper()));
  }, 60_000);
});
