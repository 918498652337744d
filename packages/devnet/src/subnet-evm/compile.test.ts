import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS_PATH, artifactsJson, compileStandIns, compilerInput, inputHash, loadStandIns } from './compile.ts';

describe('committed precompile stand-in artifacts', () => {
  it('were built from the current source (else run packages/devnet/scripts/build-subnet-evm-contracts.ts)', () => {
    expect(loadStandIns().inputHash).toBe(inputHash(compilerInput()));
  });
  it('are byte-identical to a fresh solc-js compile', () => {
    expect(readFileSync(ARTIFACTS_PATH, 'utf8')).toBe(artifactsJson(compileStandIns()));
  }, 60_000);
  it("expose Subnet-EVM's IAllowList / INativeMinter selectors", () => {
    const fns = (n: 'AllowListStandIn' | 'NativeMinterStandIn') =>
      (loadStandIns().contracts[n].abi as { type: string; name: string }[])
        .filter((x) => x.type !== 'constructor')
        .map((x) => `${x.type}:${x.name}`)
        .sort();
    const allow = ['event:RoleSet', 'function:readAllowList', 'function:setAdmin', 'function:setEnabled', 'function:setManager', 'function:setNone'];
    expect(fns('AllowListStandIn')).toEqual(allow);
    expect(fns('NativeMinterStandIn')).toEqual([...allow, 'event:NativeCoinMinted', 'function:mintNativeCoin'].sort());
  });
});
