import { Wallet } from 'ethers';
import { describeMultisigApprovals } from '@fiscus/engine/testing';
import {
  AdminSender,
  GATE_ROLE_IDS,
  createEvmProvider,
  deploySafeInfrastructure,
  devSecp256k1Signer,
  evmAbi,
  readContract,
  execTransactionData,
  signerAddress,
} from '@fiscus/chain-evm';
import type { SafeTx } from '@fiscus/chain-evm';
import { startAvalancheTestDevnet } from './support/devnet.ts';

/**
 * 2-of-3 on the Avalanche L1 stand-in: each fund gets a Safe (@safe-global/safe-smart-account)
 * owned by three approvers, holding the agent gate's MINTER role; the Safe itself refuses
 * execTransaction with one owner's signature. The executor of the SafeTx is the minting key, which
 * the L1 allow-lists (the TxAllowList checks the sender, not the Safe it calls). The owners' keys
 * stay in this test.
 */
describeMultisigApprovals('the Avalanche L1 (Safe through the agent gate, Subnet-EVM stand-in)', async () => {
  const minter = Wallet.createRandom().privateKey;
  const devnet = await startAvalancheTestDevnet({ roleKeys: { minter: [minter] } });
  const admin = devSecp256k1Signer(devnet.keys.admin);
  const provider = createEvmProvider(devnet.node.url, devnet.chainId);
  // The admin is the L1's deployer: the singleton, the factory and (CREATE2 under it) each fund's Safe.
  const safe = await deploySafeInfrastructure(new AdminSender(provider, admin, devnet.chainId));
  const owners = [Wallet.createRandom(), Wallet.createRandom(), Wallet.createRandom()];
  const driver = devnet.driver({ approvals: { owners: owners.map((o) => o.address), threshold: 2, safe } });
  const executor = signerAddress(devSecp256k1Signer(minter));
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
    // The Safe's own verdict, without sending: eth_call of execTransaction by the executor with these signatures only
    // (after checking the Safe holds the minting role on the gate and nothing else).
    accepts: async (approval, deployment) => {
      const fundSafe = String(approval.proposal.payload.safe);
      // The Safe holds the minting role on the gate (and nothing else); it is no token agent itself.
      const gate = driver.agentGate!;
      if (!(await readContract<boolean>(provider, evmAbi.agentGate, gate, 'hasRole', [GATE_ROLE_IDS.minter, fundSafe]))) {
        throw new Error(`the fund's Safe ${fundSafe} does not hold MINTER on the gate`);
      }
      if (await readContract<boolean>(provider, evmAbi.token, deployment.details.token!, 'isAgent', [fundSafe])) {
        throw new Error(`the fund's Safe ${fundSafe} is a token agent: it would hold every agent right`);
      }
      const tx = (approval.proposal.payload.typedData as { message: SafeTx }).message;
      const sigs = `0x${approval.signatures.map((s) => s.signature.slice(2)).join('')}`;
      const data = execTransactionData(tx, sigs);
      return provider.call({ from: executor, to: fundSafe, data }).then(
        () => true,
        () => false,
      );
    },
    close: async () => {
      provider.destroy();
      await devnet.close();
    },
  };
});
