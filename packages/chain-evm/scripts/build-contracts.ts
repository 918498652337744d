/**
 * Compiles packages/chain-evm/contracts with solc-js (offline) and writes one JSON artifact per
 * deployable contract to packages/chain-evm/artifacts/. Run after editing any .sol file:
 *   npx tsx packages/chain-evm/scripts/build-contracts.ts
 * The output is deterministic and committed; a test fails when it is out of date.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ARTIFACTS_DIR, DEPLOYABLE, artifactJson, artifactPath, compileContracts } from '../src/contracts/compile.ts';

const started = performance.now();
const artifacts = compileContracts();
const missing = DEPLOYABLE.filter((n) => !artifacts.some((a) => a.contractName === n));
if (missing.length) throw new Error(`no artifact for ${missing.join(', ')}`);
mkdirSync(ARTIFACTS_DIR, { recursive: true });
for (const f of readdirSync(ARTIFACTS_DIR)) if (f.endsWith('.json')) rmSync(path.join(ARTIFACTS_DIR, f));
for (const a of artifacts) writeFileSync(artifactPath(a.contractName), artifactJson(a));
const ms = (performance.now() - started).toFixed(0);
console.log(`compiled ${artifacts.length} contracts with solc ${artifacts[0]?.compiler} in ${ms} ms → ${ARTIFACTS_DIR}`);
for (const a of artifacts) console.log(`  ${a.contractName}: ${(a.bytecode.length - 2) / 2} bytes`);
