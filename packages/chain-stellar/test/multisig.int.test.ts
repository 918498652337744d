import { Keypair } from '@stellar/stellar-sdk';
import { describeMultisigApprovals } from '@fiscus/engine/testing';
import { fileURLToPath } from 'node:url';
import { driverEnv, LOCAL_CHAIN, LocalNetwork } from './support/local-network.ts';

/**
 * 2-of-3 on the local ledger: the issuing account's thresholds (platform weight 1, medium 3) are
 * what refuses a mint carrying one approver's signature; the approvers' keys stay in this test.
 */
function describeStellarApprovals(title: string, leastPrivilege: boolean) {
  describeMultisigApprovals(title, async () => {
    const net = await LocalNetwork.start();
    const keys = [Keypair.random(), Keypair.random(), Keypair.random()];
    const approvers = keys.map((k) => k.publicKey());
    const inner = net.driver({ approvals: { approvers, threshold: 2 }, leastPrivilege });
    const driver = net.recordingDeploys(inner);
    const sign = (k: Keypair, hash: string) => Buffer.from(k.sign(Buffer.from(hash, 'hex'))).toString('hex');
    return {
      chain: LOCAL_CHAIN,
      driver,
      newAddress: () => net.newInvestor(),
      // Worker children need no approvers: the deployment records them and prepare reads the proposal.
      childDriverModule: fileURLToPath(new URL('./support/stellar-child.ts', import.meta.url)),
      childDriverEnv: driverEnv(net.horizon, net.seed),
      approvers,
      sign: async (i, proposal) => sign(keys[i]!, proposal.hash),
      outsider: async (proposal) => {
        const k = Keypair.random();
        return { signer: k.publicKey(), signature: sign(k, proposal.hash) };
      },
      accepts: async (approval, deployment) => {
        const sequence = BigInt(String(approval.proposal.payload.sequence));
        const tx = await inner.prepare({ kind: 'mint', to: approvers[0]!, units: 0n }, { deployment, sequence, approval });
        const result = await inner.submit(tx);
        return result.kind === 'accepted' || result.kind === 'duplicate';
      },
      close: () => net.close(),
    };
  });
}

describeStellarApprovals('Stellar (issuing account thresholds, local ledger)', false);
// With role keys an approver weighs 7 and medium is 1 + 7M: the minting key signs beside M approvers.
describeStellarApprovals('Stellar (issuing account thresholds and role keys, local ledger)', true);
