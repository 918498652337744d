import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEPLOYABLE, artifactJson, artifactPath, compileContracts, compilerInput, inputHash, type ContractArtifact } from './compile.ts';

const committed = (name: string) => JSON.parse(readFileSync(artifactPath(name), 'utf8')) as ContractArtifact;

describe('committed contract artifacts', () => {
  it('were built from the current sources (else run scripts/build-contracts.ts)', () => {
    const hash = inputHash(compilerInput());
    for (const name of DEPLOYABLE) expect(committed(name).inputHash, name).toBe(hash);
  });

  it('are byte-identical to a fresh solc-js compile (deterministic build)', () => {
    const fresh = compileContracts();
    expect(fresh.map((a) => a.contractName).sort()).toEqual([...DEPLOYABLE].sort());
    for (const a of fresh) expect(readFileSync(artifactPath(a.contractName), 'utf8'), a.contractName).toBe(artifactJson(a));
  }, 300_000);

  it('every module exposes the T-REX module interface', () => {
    const selectors = [
      'bindCompliance',
      'unbindCompliance',
      'moduleTransferAction',
      'moduleMintAction',
      'moduleBurnAction',
      'moduleCheck',
      'isComplianceBound',
      'canComplianceBind',
      'isPlugAndPlay',
      'name',
      'initialize',
      'upgradeTo',
    ];
    for (const name of ['JurisdictionModule', 'HoldingsModule', 'LockupModule']) {
      const fns = (committed(name).abi as { type: string; name?: string }[]).filter((x) => x.type === 'function').map((x) => x.name);
      for (const s of selectors) expect(fns, `${name}.${s}`).toContain(s);
    }
  });
});
