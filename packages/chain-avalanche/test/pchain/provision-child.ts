// Child process for the crash test: provisions, and SIGKILLs itself at the point named by
// CRASH_AT ("persisted:<step>" or "issued:<step>"), as a power cut would. Imports stay minimal
// (no @fiscus/devnet) so the child starts fast; the config arrives as JSON in L1_CONFIG.
import { devSecp256k1Signer } from '@fiscus/chain-evm';
import { FileProvisionStore } from '../../src/pchain/file-store.ts';
import { provisionL1 } from '../../src/pchain/provision.ts';
import type { L1ProvisionConfig } from '../../src/pchain/types.ts';

const [url, dir, payerKey] = process.argv.slice(2) as [string, string, string];
const crashAt = process.env.CRASH_AT ?? '';
const config = JSON.parse(process.env.L1_CONFIG!, (_k, v) => (typeof v === 'string' && v.startsWith('big:') ? BigInt(v.slice(4)) : v)) as L1ProvisionConfig;
const die = (where: string) => {
  if (where === crashAt) process.kill(process.pid, 'SIGKILL');
};
await provisionL1('crash', config, {
  pchain: url,
  store: new FileProvisionStore(dir),
  keys: { payer: devSecp256k1Signer(payerKey) },
  hooks: { persisted: (step) => die(`persisted:${step}`), issued: (step) => die(`issued:${step}`) },
});
process.exit(0);
