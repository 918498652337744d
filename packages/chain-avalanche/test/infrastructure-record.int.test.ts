import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Wallet } from 'ethers';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { devSecp256k1Signer, signerAddress } from '@fiscus/chain-evm';
import { startSubnetEvm, type SubnetEvmNode } from '@fiscus/devnet';
import { buildSubnetEvmGenesis, ensureAvalancheInfrastructure, platformL1Config } from '../src/index.ts';

const CHAIN_ID = 43_211n;
const signers = {
  admin: devSecp256k1Signer(Wallet.createRandom().privateKey),
  operator: devSecp256k1Signer(Wallet.createRandom().privateKey),
  claimSigner: devSecp256k1Signer(Wallet.createRandom().privateKey),
  allowListAdmin: devSecp256k1Signer(Wallet.createRandom().privateKey),
};
let node: SubnetEvmNode;
const dir = mkdtempSync(join(tmpdir(), 'fiscus-l1-record-'));
beforeAll(async () => {
  const genesis = buildSubnetEvmGenesis(
    platformL1Config({
      chainId: Number(CHAIN_ID),
      allowListAdmin: signerAddress(signers.allowListAdmin),
      admin: signerAddress(signers.admin),
      operator: signerAddress(signers.operator),
    }),
  );
  node = await startSubnetEvm({ genesis });
}, 60_000);
afterAll(async () => {
  await node?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * Found by the soak (issue 18): API and worker processes sharing a data dir start together; each
 * rewrote this record in place on every start, and a process reading it at that moment saw an
 * empty file and died ("Unexpected end of JSON input"). A start that reuses the record must leave
 * the file alone; a new deployment replaces it by rename.
 */
it('a start that finds its contracts leaves the record file untouched', async () => {
  const recordPath = join(dir, 'avalanche-infrastructure.json');
  const first = await ensureAvalancheInfrastructure({ url: node.url, chainId: CHAIN_ID, ...signers, recordPath });
  const before = statSync(recordPath);
  await new Promise((r) => setTimeout(r, 20)); // a rewrite would show in mtime
  const again = await ensureAvalancheInfrastructure({ url: node.url, chainId: CHAIN_ID, ...signers, recordPath });
  expect(again).toEqual(first);
  const after = statSync(recordPath);
  expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
  expect(JSON.parse(readFileSync(recordPath, 'utf8')).gatekeeper).toBe(first.gatekeeper);
}, 60_000);
