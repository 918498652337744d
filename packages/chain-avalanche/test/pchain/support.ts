import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Wallet } from 'ethers';
import { devSecp256k1Signer } from '@fiscus/chain-evm';
import { devValidator, startPChain } from '@fiscus/devnet';
import type { Signer } from '@fiscus/core';
import { platformL1Config } from '../../src/devnet.ts';
import { pchainBech32 } from '../../src/pchain/sign.ts';
import type { L1ProvisionConfig } from '../../src/pchain/types.ts';

export const AVAX = 1_000_000_000n;

export function keys(seed: number) {
  const hex = '0x' + seed.toString(16).padStart(2, '0').repeat(32);
  return { hex, signer: devSecp256k1Signer(hex), evm: new Wallet(hex).address };
}

export function l1Config(
  chainId = 777001,
  validators = ['node-a', 'node-b'],
): L1ProvisionConfig & { evm: { admin: string; operator: string; allowListAdmin: string } } {
  const allowListAdmin = keys(0x31).evm;
  const admin = keys(0x32).evm;
  const operator = keys(0x33).evm;
  return {
    chainName: 'fiscus treasury L1',
    genesis: platformL1Config({ chainId, allowListAdmin, admin, operator }),
    validatorManagerAddress: '0x0feedc0de0000000000000000000000000000000',
    validators: validators.map((s) => ({ ...devValidator(s), weight: 100n, balance: 1n * AVAX })),
    evm: { admin, operator, allowListAdmin },
  };
}

/** A P-Chain stand-in that funds `payer` with 1000 AVAX. */
export async function pchainFor(payer: Signer, extra: Partial<Parameters<typeof startPChain>[0]> = {}) {
  return startPChain({ funded: [{ address: pchainBech32(payer, 'local'), amount: 1000n * AVAX }], ...extra });
}

export const tempDir = () => mkdtempSync(join(tmpdir(), 'fiscus-provision-'));
