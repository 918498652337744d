import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/**
 * solc-js build of the precompile stand-ins. The artifacts (runtime bytecode, installed with
 * anvil_setCode) are committed so starting a devnet never needs solc; a test recompiles and compares.
 */
export const SOURCE_PATH = fileURLToPath(new URL('./contracts/PrecompileStandIns.sol', import.meta.url));
export const ARTIFACTS_PATH = fileURLToPath(new URL('./artifacts/PrecompileStandIns.json', import.meta.url));
export const STAND_INS = ['AllowListStandIn', 'NativeMinterStandIn'] as const;
export type StandInName = (typeof STAND_INS)[number];

export interface StandInArtifact {
  abi: unknown[];
  deployedBytecode: string;
}
export interface StandInArtifacts {
  compiler: string;
  inputHash: string;
  contracts: Record<StandInName, StandInArtifact>;
}

// No metadata hash: the bytecode depends on the source only.
const SETTINGS = {
  optimizer: { enabled: true, runs: 200 },
  evmVersion: 'cancun',
  metadata: { bytecodeHash: 'none', appendCBOR: false },
  outputSelection: { '*': { '*': ['abi', 'evm.deployedBytecode.object'] } },
};

export function compilerInput() {
  return { language: 'Solidity', sources: { 'PrecompileStandIns.sol': { content: readFileSync(SOURCE_PATH, 'utf8') } }, settings: SETTINGS };
}

export const inputHash = (input: unknown) => createHash('sha256').update(JSON.stringify(input)).digest('hex');

export function compileStandIns(): StandInArtifacts {
  const solc = createRequire(import.meta.url)('solc') as { compile(input: string): string; version(): string };
  const input = compilerInput();
  const out = JSON.parse(solc.compile(JSON.stringify(input))) as {
    errors?: { severity: string; formattedMessage: string }[];
    contracts: Record<string, Record<string, { abi: unknown[]; evm: { deployedBytecode: { object: string } } }>>;
  };
  const problems = (out.errors ?? []).filter((e) => e.severity !== 'info');
  if (problems.length) throw new Error(`solc reported:\n${problems.map((e) => e.formattedMessage).join('\n')}`);
  const c = out.contracts['PrecompileStandIns.sol']!;
  const pick = (n: StandInName): StandInArtifact => ({ abi: c[n]!.abi, deployedBytecode: `0x${c[n]!.evm.deployedBytecode.object}` });
  return {
    compiler: solc.version(),
    inputHash: inputHash(input),
    contracts: { AllowListStandIn: pick('AllowListStandIn'), NativeMinterStandIn: pick('NativeMinterStandIn') },
  };
}

export const artifactsJson = (a: StandInArtifacts) => `${JSON.stringify(a, null, 2)}\n`;

export function loadStandIns(): StandInArtifacts {
  return JSON.parse(readFileSync(ARTIFACTS_PATH, 'utf8')) as StandInArtifacts;
}
