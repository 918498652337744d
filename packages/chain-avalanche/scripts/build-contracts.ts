/** Compiles contracts/FiscusL1Gatekeeper.sol with solc-js: npx tsx packages/chain-avalanche/scripts/build-contracts.ts */
import { writeFileSync } from 'node:fs';
import { ARTIFACT_PATH, artifactJson, compileGatekeeper } from '../src/contracts.ts';

const a = compileGatekeeper();
writeFileSync(ARTIFACT_PATH, artifactJson(a));
console.log(`solc ${a.compiler}: FiscusL1Gatekeeper ${(a.bytecode.length - 2) / 2} bytes → ${ARTIFACT_PATH}`);
