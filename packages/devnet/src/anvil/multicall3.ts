import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { anvilRpc } from './rpc.ts';

/**
 * Multicall3 on the devnets: our own aggregate3-compatible contract (contracts/Multicall3.sol),
 * compiled with solc-js; the runtime bytecode is committed (multicall3.json) so starting a devnet
 * never needs solc, and a test recompiles and compares.
 */
export const MULTICALL3_ADDRESS = '0xcA11bde05977b3631167028862bE2a173976CA11';
export const MULTICALL3_SOURCE_PATH = fileURLToPath(new URL('./contracts/Multicall3.sol', import.meta.url));
export const MULTICALL3_ARTIFACT_PATH = fileURLToPath(new URL('./multicall3.json', import.meta.url));

export interface Multicall3Artifact {
  compiler: string;
  inputHash: string;
  deployedBytecode: string;
}

export function multicall3Input() {
  return {
    language: 'Solidity',
    sources: { 'Multicall3.sol': { content: readFileSync(MULTICALL3_SOURCE_PATH, 'utf8') } },
    settings: {
      optimizer: { enabled: true, runs: 200 },
      evmVersion: 'cancun',
      metadata: { bytecodeHash: 'none', appendCBOR: false },
      outputSelection: { '*': { '*': ['evm.deployedBytecode.object'] } },
    },
  };
}

export const multicall3InputHash = () => createHash('sha256').update(JSON.stringify(multicall3Input())).digest('hex');

export function compileMulticall3(): Multicall3Artifact {
  const solc = createRequire(import.meta.url)('solc') as { compile(input: string): string; version(): string };
  const out = JSON.parse(solc.compile(JSON.stringify(multicall3Input()))) as {
    errors?: { severity: string; formattedMessage: string }[];
    contracts: Record<string, Record<string, { evm: { deployedBytecode: { object: string } } }>>;
  };
  const problems = (out.errors ?? []).filter((e) => e.severity !== 'info');
  if (problems.length) throw new Error(`solc reported:\n${problems.map((e) => e.formattedMessage).join('\n')}`);
  const code = out.contracts['Multicall3.sol']!.Multicall3!.evm.deployedBytecode.object;
  return { compiler: solc.version(), inputHash: multicall3InputHash(), deployedBytecode: `0x${code}` };
}

export const multicall3Json = (a: Multicall3Artifact) => `${JSON.stringify(a, null, 2)}\n`;

export const loadMulticall3 = (): Multicall3Artifact => JSON.parse(readFileSync(MULTICALL3_ARTIFACT_PATH, 'utf8')) as Multicall3Artifact;

/** Places Multicall3 at its canonical address (anvil_setCode; idempotent). */
export async function installMulticall3(url: string): Promise<void> {
  await anvilRpc(url, 'anvil_setCode', [MULTICALL3_ADDRESS, loadMulticall3().deployedBytecode]);
}
