import { rmSync } from 'node:fs';
import { Contract, Interface, JsonRpcProvider, Wallet } from 'ethers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEPLOYER_ALLOW_LIST,
  TX_ALLOW_LIST,
  loadPrecompileStandIns,
  notAllowListed,
  startSubnetEvm,
  type PChainServer,
  type SubnetEvmGenesisLike,
  type SubnetEvmNode,
} from '@fiscus/devnet';
import { FileProvisionStore } from '../../src/pchain/file-store.ts';
import { provisionLocalL1 } from '../../src/pchain/local.ts';
import { genesisBytes } from '../../src/genesis.ts';
import { keys, l1Config, pchainFor, tempDir } from './support.ts';

// The L1 the Subnet-EVM stand-in runs must be the one the P-Chain created: its genesis is read back
// from the P-Chain (the CreateChainTx's genesisData), not from our own copy.
const payer = keys(0x21).signer;
const CHAIN_ID = 778_002;
const errText = (e: unknown) => JSON.stringify(e, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));

describe('provisioned genesis → Subnet-EVM stand-in', () => {
  let p: PChainServer;
  let node: SubnetEvmNode;
  let provider: JsonRpcProvider;
  let dir: string;
  let blockchainId: string;
  const cfg = l1Config(CHAIN_ID);

  beforeAll(async () => {
    p = await pchainFor(payer);
    dir = tempDir();
    const l1 = await provisionLocalL1({ pchainUrl: p.url, store: new FileProvisionStore(dir), config: cfg, keys: { payer } });
    blockchainId = l1.blockchainId;
    const onChain = JSON.parse(new TextDecoder().decode(p.chain(blockchainId)!.genesis)) as SubnetEvmGenesisLike;
    expect(Buffer.from(p.chain(blockchainId)!.genesis).equals(Buffer.from(genesisBytes(l1.genesis)))).toBe(true);
    node = await startSubnetEvm({ genesis: onChain });
    provider = new JsonRpcProvider(node.url, CHAIN_ID, { staticNetwork: true, cacheTimeout: -1, batchMaxCount: 1 });
  });
  afterAll(async () => {
    provider?.destroy();
    await node?.stop();
    await p?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs the chain id and the allow lists of the genesis the CreateChainTx carried', async () => {
    expect(Number((await provider.getNetwork()).chainId)).toBe(CHAIN_ID);
    const AL = new Interface(loadPrecompileStandIns().contracts.AllowListStandIn.abi as never);
    const role = async (list: string, who: string) => (await new Contract(list, AL, provider).getFunction('readAllowList')(who)) as bigint;
    expect(await role(TX_ALLOW_LIST, cfg.evm.allowListAdmin)).toBe(2n); // Admin
    expect(await role(TX_ALLOW_LIST, cfg.evm.operator)).toBe(3n); // Manager
    expect(await role(DEPLOYER_ALLOW_LIST, cfg.evm.admin)).toBe(1n); // Enabled: deploys the suites
    // Enabled too: its authorize transactions create ONCHAINID identities (subnet-evm checks tx.origin).
    expect(await role(DEPLOYER_ALLOW_LIST, cfg.evm.operator)).toBe(1n);
  });

  it('the gate enforces them: a funded but non-allow-listed sender is refused, a Manager passes', async () => {
    const outsider = new Wallet(`0x${'77'.repeat(32)}`, provider);
    await node.anvil.cheats.setBalance(outsider.address, 10n ** 18n); // it can pay: only the allow list stops it
    await expect(outsider.sendTransaction({ to: cfg.evm.admin, value: 1n })).rejects.toSatisfy((e) => errText(e).includes(notAllowListed(outsider.address)));
    const operator = new Wallet(keys(0x33).hex, provider);
    const r = await (await operator.sendTransaction({ to: cfg.evm.admin, value: 1n })).wait();
    expect(r?.status).toBe(1);
  });
});
