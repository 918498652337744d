import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Interface } from 'ethers';

/** solc-js build of the L1 gatekeeper; the artifact is committed and checked by a recompile test. */
export const SOURCE_PATH = fileURLToPath(new URL('../contracts/FiscusL1Gatekeeper.sol', import.meta.url));
export const ARTIFACT_PATH = fileURLToPath(new URL('../artifacts/FiscusL1Gatekeeper.json', import.meta.url));

export interface GatekeeperArtifact {
  contractName: string;
  abi: unknown[];
  bytecode: string;
  inputHash: string;
  compiler: string;
}

const SETTINGS = {
  optimizer: { enabled: true, runs: 200 },
  evmVersion: 'cancun',
  metadata: { bytecodeHash: 'none', appendCBOR: false },
  outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
};

export const compilerInput = () => ({ language: 'Solidity', sources: { 'FiscusL1Gatekeeper.sol': { content: readFileSync(SOURCE_PATH, 'utf8') } }, settings: SETTINGS });
export const inputHash = (input: unknown) => createHash('sha256').update(JSON.stringify(input)).digest('hex');

export function compileGatekeeper(): GatekeeperArtifact {
  const solc = createRequire(import.meta.url)('solc') as { compile(input: string): string; version(): string };
  const input = compilerInput();
  const out = JSON.parse(solc.compile(JSON.stringify(input))) as {
    errors?: { severity: string; formattedMessage: string }[];
    contracts: Record<string, Record<string, { abi: unknown[]; evm: { bytecode: { object: string } } }>>;
  };
  const problems = (out.errors ?? []).filter((e) => e.severity !== 'info');
  if (problems.length) throw new Error(`solc reported:\n${problems.map((e) => e.formattedMessage).join('\n')}`);
  const c = out.contracts['FiscusL1Gatekeeper.sol']!.FiscusL1Gatekeeper!;
  return { contractName: 'FiscusL1Gatekeeper', abi: c.abi, bytecode: `0x${c.evm.bytecode.object}`, inputHash: inputHash(input), compiler: solc.version() };
}

export const artifactJson = (a: GatekeeperArtifact) => `${JSON.stringify(a, null, 2)}\n`;

let cached: GatekeeperArtifact | undefined;
export function gatekeeperArtifact(): GatekeeperArtifact {
  cached ??= JSON.parse(readFileSync(ARTIFACT_PATH, 'utf8')) as GatekeeperArtifact;
  return cached;
}

export const gatekeeperAbi = () => new Interface(gatekeeperArtifact().abi as never);

/** Subnet-EVM IAllowList / INativeMinter, by their documented signatures. */
export const allowListAbi = new Interface([
  'event RoleSet(uint256 indexed role, address indexed account, address indexed sender, uint256 oldRole)',
  'function readAllowList(address addr) view returns (uint256 role)',
  'function setAdmin(address addr)',
  'function setEnabled(address addr)',
  'function setManager(address addr)',
  'function setNone(address addr)',
]);
export const nativeMinterAbi = new Interface([
  'event NativeCoinMinted(address indexed sender, address indexed recipient, uint256 amount)',
  'function mintNativeCoin(address addr, uint256 amount)',
]);
