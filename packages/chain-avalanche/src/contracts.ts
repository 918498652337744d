import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Interface } from 'ethers';
import { compileSolidity, inputHash, solidityInput } from '@fiscus/chain-evm';

export { inputHash };

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

const compilerSources = () => ({ 'FiscusL1Gatekeeper.sol': { content: readFileSync(SOURCE_PATH, 'utf8') } });
export const compilerInput = () => solidityInput(compilerSources());

/** Same compiler and settings as chain-evm's contracts (one solc run, committed artifact). */
export function compileGatekeeper(): GatekeeperArtifact {
  const { contracts, compiler, input } = compileSolidity(compilerSources());
  const c = contracts['FiscusL1Gatekeeper.sol']!.FiscusL1Gatekeeper!;
  return { contractName: 'FiscusL1Gatekeeper', abi: c.abi, bytecode: `0x${c.evm.bytecode.object}`, inputHash: inputHash(input), compiler };
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
