import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { InterfaceAbi } from 'ethers';
import type { Signer } from '@fiscus/core';
import { AdminSender, createEvmProvider, deployInfrastructure, signerAddress, type EvmInfrastructure } from '@fiscus/chain-evm';
import { allowListAbi, gatekeeperArtifact } from './contracts.ts';
import { PRECOMPILES } from './genesis.ts';
import { ROLE, readRole } from './precompiles.ts';

/** EVM infrastructure on the L1, plus the gatekeeper that owns the onboarder. */
export interface AvalancheInfrastructure extends EvmInfrastructure {
  gatekeeper: string;
}

/**
 * Deploys (once) what every fund on the L1 shares: the gatekeeper (owner = operator), then the
 * ERC-3643 infrastructure with the GATEKEEPER as the onboarder's owner, then the allow-list admin
 * makes the gatekeeper Manager of TxAllowList and Enabled on NativeMinter. The admin (deployer)
 * key must be Enabled on ContractDeployerAllowList and TxAllowList (genesis). Re-running skips
 * what is done; a record whose contracts still have code is reused.
 */
export async function ensureAvalancheInfrastructure(p: {
  url: string;
  chainId: bigint;
  admin: Signer;
  operator: Signer;
  allowListAdmin: Signer;
  claimSigner?: Signer;
  recordPath?: string;
}): Promise<AvalancheInfrastructure> {
  const provider = createEvmProvider(p.url, p.chainId);
  try {
    let infra: AvalancheInfrastructure | undefined;
    let reused = false;
    if (p.recordPath && existsSync(p.recordPath)) {
      const recorded = JSON.parse(readFileSync(p.recordPath, 'utf8')) as AvalancheInfrastructure;
      const addresses = [
        recorded.gatekeeper,
        recorded.trexFactory,
        recorded.idFactory,
        recorded.onboarder,
        recorded.claimIssuer,
        ...Object.values(recorded.modules),
      ];
      if ((await Promise.all(addresses.map((a) => provider.getCode(a)))).every((c) => c !== '0x')) infra = recorded;
      reused = infra !== undefined;
    }
    if (!infra) {
      const admin = new AdminSender(provider, p.admin, p.chainId);
      const art = gatekeeperArtifact();
      const gatekeeper = await admin.deploy({ abi: art.abi as InterfaceAbi, bytecode: art.bytecode }, signerAddress(p.operator));
      const evm = await deployInfrastructure(admin, { operator: gatekeeper, claimSigner: signerAddress(p.claimSigner ?? p.admin) });
      infra = { ...evm, gatekeeper };
    }
    const listAdmin = new AdminSender(provider, p.allowListAdmin, p.chainId);
    if ((await readRole(provider, 'txAllowList', infra.gatekeeper)) === ROLE.None) {
      await listAdmin.call(PRECOMPILES.txAllowList, allowListAbi.encodeFunctionData('setManager', [infra.gatekeeper]));
    }
    if ((await readRole(provider, 'contractNativeMinter', infra.gatekeeper)) === ROLE.None) {
      await listAdmin.call(PRECOMPILES.contractNativeMinter, allowListAbi.encodeFunctionData('setEnabled', [infra.gatekeeper]));
    }
    // Only a new deployment is written, and by rename: API and worker processes sharing the data dir
    // start together and read this file, and a rewrite in place let one read it empty (found by the soak).
    if (p.recordPath && !reused) writeRecordAtomically(p.recordPath, infra);
    return infra;
  } finally {
    provider.destroy();
  }
}

/** Writes beside the record, then renames: a reader sees the old file or the new one, never a half-written one. */
function writeRecordAtomically(path: string, infra: AvalancheInfrastructure): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(infra, null, 2)}\n`);
  renameSync(tmp, path);
}
