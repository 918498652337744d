import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PChainServer } from '@fiscus/devnet';
import { FileProvisionStore } from '../../src/pchain/file-store.ts';
import { provisionL1 } from '../../src/pchain/provision.ts';
import { keys, l1Config, pchainFor, tempDir } from './support.ts';

const payerKey = keys(0x21);
const payer = payerKey.signer;
const config = l1Config();
const configJson = JSON.stringify(config, (_k, v) => (typeof v === 'bigint' ? `big:${v}` : v));
const child = fileURLToPath(new URL('./provision-child.ts', import.meta.url));

function runChild(url: string, dir: string, crashAt: string): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const c = spawn(process.execPath, ['--import', 'tsx', child, url, dir, payerKey.hex], {
      env: { ...process.env, CRASH_AT: crashAt, L1_CONFIG: configJson },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    c.on('error', reject);
    c.on('exit', (code, signal) => resolve({ code, signal }));
  });
}

describe('L1 provisioning survives a kill at any point', () => {
  let p: PChainServer;
  let dir: string;
  beforeEach(async () => {
    p = await pchainFor(payer);
    dir = tempDir();
  });
  afterEach(async () => {
    await p.close();
    rmSync(dir, { recursive: true, force: true });
  });

  // Between persisting the signed CreateSubnetTx and issuing it; and after issuing, before the result is recorded.
  for (const crashAt of ['persisted:createSubnet', 'issued:createSubnet', 'persisted:convert']) {
    it(`killed at ${crashAt}: resumes with the same bytes, exactly one subnet`, async () => {
      const died = await runChild(p.url, dir, crashAt);
      expect(died.signal).toBe('SIGKILL');
      const store = new FileProvisionStore(dir);
      const before = (await store.load('crash'))!;
      const [, step] = crashAt.split(':') as [string, 'createSubnet' | 'convert'];
      const persisted = before.txs[step]!;
      expect(persisted.txId).toBeTruthy();
      // persisted-but-not-issued: the P-Chain has never seen it
      expect(p.state.txs.has(persisted.txId)).toBe(crashAt.startsWith('issued'));

      const rec = await provisionL1('crash', config, { pchain: p.url, store, keys: { payer } });
      expect(rec.step).toBe('done');
      expect(rec.txs[step]!.txId).toBe(persisted.txId); // the same bytes landed, nothing rebuilt
      expect(p.state.subnets.size).toBe(1);
      expect(p.state.chains.size).toBe(1);
      expect(rec.subnetId).toBe(rec.txs.createSubnet!.txId);
      expect(p.subnet(rec.subnetId!)!.conversion?.conversionId).toBe(rec.conversionId);
    });
  }
});
