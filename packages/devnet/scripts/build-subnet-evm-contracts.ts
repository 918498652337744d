/**
 * Compiles the Subnet-EVM precompile stand-ins with solc-js (offline) and writes the committed artifact:
 *   npx tsx packages/devnet/scripts/build-subnet-evm-contracts.ts
 */
import { writeFileSync } from 'node:fs';
import { ARTIFACTS_PATH, artifactsJson, compileStandIns } from '../src/subnet-evm/compile.ts';

const a = compileStandIns();
writeFileSync(ARTIFACTS_PATH, artifactsJson(a));
console.log(`solc ${a.compiler} → ${ARTIFACTS_PATH}`);
for (const [n, c] of Object.entries(a.contracts)) console.log(`  ${n}: ${(c.deployedBytecode.length - 2) / 2} bytes`);
