import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { ZeroAddress, concat, getCreate2Address, keccak256, solidityPackedKeccak256, zeroPadValue, type JsonRpcProvider } from 'ethers';
import { FiscusError } from '@fiscus/core';
import type { AdminSender } from '../deploy/admin-tx.ts';
import { readContract } from '../rpc/read.ts';
import { safeAbi, safeArtifact, safeProxyFactoryArtifact } from './artifacts.ts';

/** The Safe singleton and proxy factory of one chain: deployed once, then configuration. */
export interface SafeInfrastructure {
  singleton: string;
  proxyFactory: string;
}

export async function deploySafeInfrastructure(admin: AdminSender): Promise<SafeInfrastructure> {
  const singleton = await admin.deploy(safeArtifact());
  const proxyFactory = await admin.deploy(safeProxyFactoryArtifact());
  return { singleton, proxyFactory };
}

export async function hasSafeInfrastructure(provider: JsonRpcProvider, infra: SafeInfrastructure): Promise<boolean> {
  const codes = await Promise.all([provider.getCode(infra.singleton), provider.getCode(infra.proxyFactory)]);
  return codes.every((c) => c !== '0x');
}

/**
 * A fund's Safe: a proxy of the singleton set up with the approvers as owners and the threshold.
 * Its address is CREATE2 of (owners, threshold, salt), so deploying again finds the same Safe.
 */
export async function ensureSafe(admin: AdminSender, infra: SafeInfrastructure, p: { owners: string[]; threshold: number; salt: bigint }): Promise<string> {
  const initializer = safeAbi.safe.encodeFunctionData('setup', [p.owners, p.threshold, ZeroAddress, '0x', ZeroAddress, ZeroAddress, 0, ZeroAddress]);
  const creationCode = await readContract<string>(admin.provider, safeAbi.proxyFactory, infra.proxyFactory, 'proxyCreationCode');
  const salt = solidityPackedKeccak256(['bytes32', 'uint256'], [keccak256(initializer), p.salt]);
  const address = getCreate2Address(infra.proxyFactory, salt, keccak256(concat([creationCode, zeroPadValue(infra.singleton, 32)])));
  if ((await admin.provider.getCode(address)) === '0x') {
    await admin.call(infra.proxyFactory, safeAbi.proxyFactory.encodeFunctionData('createProxyWithNonce', [infra.singleton, initializer, p.salt]));
  }
  const [owners, threshold] = await Promise.all([
    readContract<string[]>(admin.provider, safeAbi.safe, address, 'getOwners'),
    readContract<bigint>(admin.provider, safeAbi.safe, address, 'getThreshold'),
  ]);
  if (threshold !== BigInt(p.threshold) || owners.length !== p.owners.length) {
    throw new FiscusError('CONFLICT', `Safe ${address} is not ${p.threshold}-of-${p.owners.length}`);
  }
  return address;
}

/**
 * The chain's Safe singleton and proxy factory: the recorded ones when they still have code (a
 * devnet restarted from its state), else deployed by the admin key and recorded. For devnets;
 * on a public network pass the canonical deployments' addresses instead.
 */
export async function ensureSafeInfrastructure(admin: AdminSender, recordPath?: string): Promise<SafeInfrastructure> {
  if (recordPath && existsSync(recordPath)) {
    const recorded = JSON.parse(readFileSync(recordPath, 'utf8')) as SafeInfrastructure;
    if (await hasSafeInfrastructure(admin.provider, recorded)) return recorded;
  }
  const infra = await deploySafeInfrastructure(admin);
  if (recordPath) writeFileSync(recordPath, `${JSON.stringify(infra, null, 2)}\n`);
  return infra;
}

/** EVM_SAFE_OWNERS (comma-separated), EVM_SAFE_THRESHOLD, EVM_SAFE_SINGLETON, EVM_SAFE_PROXY_FACTORY. */
export function safeApprovalsFromEnv(env: NodeJS.ProcessEnv): { approvals?: { owners: string[]; threshold: number; safe: SafeInfrastructure } } {
  if (!env.EVM_SAFE_OWNERS) return {};
  const need = (k: string) => {
    const v = env[k];
    if (!v) throw new FiscusError('CHAIN_NOT_CONFIGURED', `${k} is not set (required with EVM_SAFE_OWNERS)`);
    return v;
  };
  return {
    approvals: {
      owners: env.EVM_SAFE_OWNERS.split(','),
      threshold: Number(need('EVM_SAFE_THRESHOLD')),
      safe: { singleton: need('EVM_SAFE_SINGLETON'), proxyFactory: need('EVM_SAFE_PROXY_FACTORY') },
    },
  };
}
