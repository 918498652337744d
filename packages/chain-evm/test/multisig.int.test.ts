import { Wallet } from 'ethers';
import type { SafeTx } from '../src/index.ts';
import { AdminSender, EvmDriver, createEvmProvider, deploySafeInfrastructure, devSecp256k1Signer, execTransactionData, signerAddress } from '../src/index.ts';
import { describeMultisigApprovals } from '@fiscus/engine/testing';
import { startEvmTestDevnet } from './support/devnet.ts';

/**
 * 2-of-3 on anvil: each fund gets a Safe (the audited contracts from @safe-global/safe-smart-account)
 * owned by three approvers, holding the minting right; the Safe itself refuses execTransaction
 * with one owner's signature. The owners' keys stay in this test.
 */
describeMultisigApprovals('Ethereum (Safe on anvil)', async () => {
  const devnet = await startEvmTestDevnet();
  const admin = devSecp256k1Signer(devnet.keys.admin);
  const provider = createEvmProvider(devnet.anvil.url, devnet.chainId);
  const safe = await deploySafeInfrastructure(new AdminSender(provider, admin, devnet.chainId));
  const owners = [Wallet.createRandom(), Wallet.createRandom(), Wallet.createRandom()];
  const driver = new EvmDriver({
    chainId: devnet.chainId,
    url: devnet.anvil.url,
    admin,
    operator: devSecp256k1Signer(devnet.keys.operator),
    claimSigner: devSecp256k1Signer(devnet.keys.claim),
    infrastructure: devnet.infra,
    approvals: { owners: owners.map((o) => o.address), threshold: 2, safe },
  });
  const operator = signerAddress(devSecp256k1Signer(devnet.keys.operator));
  return {
    chain: driver.chain,
    driver,
    newAddress: () => devnet.investor().address,
    // The suite runs every worker in this process: no child driver.
    childDriverModule: '',
    childDriverEnv: {},
    approvers: owners.map((o) => o.address),
    sign: async (i, proposal) => owners[i]!.signingKey.sign(proposal.hash).serialized,
    outsider: async (proposal) => {
      const w = Wallet.createRandom();
      return { signer: w.address, signature: w.signingKey.sign(proposal.hash).serialized };
    },
    // The Safe's own verdict, without sending: eth_call of execTransaction with these signatures only.
    accepts: async (approval) => {
      const tx = (approval.proposal.payload.typedData as { message: SafeTx }).message;
      const sigs = `0x${approval.signatures.map((s) => s.signature.slice(2)).join('')}`;
      const data = execTransactionData(tx, sigs);
      return provider.call({ from: operator, to: String(approval.proposal.payload.safe), data }).then(
        () => true,
        () => false,
      );
    },
    close: async () => {
      driver.provider.destroy();
      provider.destroy();
      await devnet.close();
    },
  };
});
