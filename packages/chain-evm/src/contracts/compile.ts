import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Our Solidity sources and their compiled artifacts (committed, so runtime never needs solc). */
export const PACKAGE_DIR = fileURLToPath(new URL('../../', import.meta.url));
export const CONTRACTS_DIR = path.join(PACKAGE_DIR, 'contracts');
export const ARTIFACTS_DIR = path.join(PACKAGE_DIR, 'artifacts');

/** The contracts we deploy; abstract bases and interfaces produce no artifact. */
export const DEPLOYABLE = [
  'FiscusOnboarder',
  'JurisdictionModule',
  'HoldingsModule',
  'LockupModule',
  'FiscusNavFeed',
  'FiscusAgentGate',
  'FiscusUSDC',
  'FiscusSubscription',
  'FiscusRedemption',
] as const;
export type DeployableName = (typeof DEPLOYABLE)[number];

export interface ContractArtifact {
  contractName: string;
  sourceName: string;
  abi: unknown[];
  bytecode: string;
  /** sha256 of the compiler input: a stale artifact shows up without recompiling. */
  inputHash: string;
  compiler: string;
}

// Fixed settings: cancun runs on every network we target; no metadata hash, so the bytecode
// depends on the sources only (not on file paths or comments' IPFS hash).
const SETTINGS = {
  optimizer: { enabled: true, runs: 200 },
  evmVersion: 'cancun',
  metadata: { bytecodeHash: 'none', appendCBOR: false },
  outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
};

/** Absolute paths of every .sol file under `dir`. */
function listSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? listSources(full) : e.name.endsWith('.sol') ? [full] : [];
  });
}

/** The solc standard-JSON input for every source under contracts/, keyed by POSIX relative path. */
export function compilerInput() {
  const sources: Record<string, { content: string }> = {};
  const files = listSources(CONTRACTS_DIR).map((full) => [path.relative(CONTRACTS_DIR, full).split(path.sep).join('/'), full] as const);
  for (const [rel, full] of files.sort(([a], [b]) => (a < b ? -1 : 1))) {
    sources[`contracts/${rel}`] = { content: readFileSync(full, 'utf8') };
  }
  return solidityInput(sources);
}

/** The solc standard-JSON input for `sources` with our fixed settings. */
export const solidityInput = (sources: Record<string, { content: string }>) => ({ language: 'Solidity', sources, settings: SETTINGS });

export const inputHash = (input: unknown) => createHash('sha256').update(JSON.stringify(input)).digest('hex');

/** Contract outputs of one solc standard-JSON run, by source then contract name. */
export type SolcContracts = Record<string, Record<string, { abi: unknown[]; evm: { bytecode: { object: string } } }>>;

/**
 * Runs solc-js (wasm, offline) on a standard-JSON input with our fixed settings; shared by every
 * package that ships Solidity. Warnings fail the build too: they are cheap to fix now and easy
 * to miss later.
 */
export function compileSolidity(sources: Record<string, { content: string }>): { contracts: SolcContracts; compiler: string; input: unknown } {
  const solc = createRequire(import.meta.url)('solc') as { compile(input: string): string; version(): string };
  const input = solidityInput(sources);
  const out = JSON.parse(solc.compile(JSON.stringify(input))) as { errors?: { severity: string; formattedMessage: string }[]; contracts: SolcContracts };
  const problems = (out.errors ?? []).filter((e) => e.severity !== 'info');
  if (problems.length) throw new Error(`solc reported:\n${problems.map((e) => e.formattedMessage).join('\n')}`);
  return { contracts: out.contracts, compiler: solc.version(), input };
}

/** Compiles contracts/ with solc-js. Throws on any compiler error. */
export function compileContracts(): ContractArtifact[] {
  const { contracts: out, compiler, input } = compileSolidity(compilerInput().sources);
  const hash = inputHash(input);
  const artifacts: ContractArtifact[] = [];
  for (const [sourceName, contracts] of Object.entries(out)) {
    for (const [contractName, c] of Object.entries(contracts)) {
      if (!(DEPLOYABLE as readonly string[]).includes(contractName)) continue;
      artifacts.push({ contractName, sourceName, abi: c.abi, bytecode: `0x${c.evm.bytecode.object}`, inputHash: hash, compiler });
    }
  }
  return artifacts.sort((a, b) => a.contractName.localeCompare(b.contractName));
}

export const artifactJson = (a: ContractArtifact) => `${JSON.stringify(a, null, 2)}\n`;
export const artifactPath = (name: string) => path.join(ARTIFACTS_DIR, `${name}.json`);
