import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANVIL_DEV_ACCOUNTS } from './keys.ts';
import { startAnvil, type AnvilNode } from './node.ts';
import { anvilRpc } from './rpc.ts';

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function waitReceipt(url: string, hash: string) {
  for (let i = 0; i < 100; i++) {
    const r = await anvilRpc<{ status: string; contractAddress: string } | null>(url, 'eth_getTransactionReceipt', [hash]);
    if (r) return r;
    await new Promise((res) => setTimeout(res, 20));
  }
  throw new Error(`no receipt for ${hash}`);
}

describe('anvil devnet', () => {
  let node: AnvilNode;
  beforeAll(async () => {
    node = await startAnvil({ chainId: 31_999 });
  });
  afterAll(() => node.stop());

  it('answers on a loopback port with the requested chain id and the public dev accounts', async () => {
    expect(node.url).toBe(`http://127.0.0.1:${node.port}`);
    expect(await node.cheats.chainId()).toBe(31_999n);
    const accounts = await anvilRpc<string[]>(node.url, 'eth_accounts');
    expect(accounts.map((a) => a.toLowerCase())).toEqual(ANVIL_DEV_ACCOUNTS.map((a) => a.address.toLowerCase()));
  });

  it('accepts contracts above the EIP-170 size limit (TREXFactory needs it)', async () => {
    // init code: return 0x6200 (25,088) zero bytes as the runtime code.
    const hash = await anvilRpc<string>(node.url, 'eth_sendTransaction', [{ from: ANVIL_DEV_ACCOUNTS[0].address, data: '0x6162006000f3', gas: '0x989680' }]);
    const receipt = await waitReceipt(node.url, hash);
    expect(receipt.status).toBe('0x1');
    const code = await anvilRpc<string>(node.url, 'eth_getCode', [receipt.contractAddress, 'latest']);
    expect((code.length - 2) / 2).toBe(25_088);
  });

  it('mines on demand and funds arbitrary addresses', async () => {
    const before = await node.cheats.blockNumber();
    await node.cheats.mine(3);
    expect(await node.cheats.blockNumber()).toBe(before + 3n);
    const fresh = '0x00000000000000000000000000000000000f1509';
    await node.cheats.setBalance(fresh, 10n ** 18n);
    expect(BigInt(await anvilRpc<string>(node.url, 'eth_getBalance', [fresh, 'latest']))).toBe(10n ** 18n);
  });

  it('runs two nodes side by side and stop() ends only its own process', async () => {
    const other = await startAnvil();
    expect(other.port).not.toBe(node.port);
    await other.stop();
    expect(isAlive(other.pid)).toBe(false);
    expect(isAlive(node.pid)).toBe(true);
    await expect(anvilRpc(other.url, 'eth_chainId', [], 1_000)).rejects.toThrow();
    await other.stop(); // idempotent
  });

  it('keeps its chain across restarts with statePath', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fiscus-anvil-'));
    try {
      const statePath = path.join(dir, 'state.json');
      const holder = '0x0000000000000000000000000000000000005afe';
      const first = await startAnvil({ statePath });
      await first.cheats.setBalance(holder, 42n);
      await first.cheats.mine(1);
      await first.stop();
      const second = await startAnvil({ statePath });
      try {
        expect(BigInt(await anvilRpc<string>(second.url, 'eth_getBalance', [holder, 'latest']))).toBe(42n);
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
