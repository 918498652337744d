import { randomUUID } from 'node:crypto';
import { describeDriverConformance } from '@fiscus/core/conformance';
import { LocalNetwork } from '../../chain-stellar/test/support/local-network.ts';
import { Pkcs11Token, pkcs11Ed25519Keyring } from '../src/index.ts';
import { tempToken } from './support/softhsm.ts';

/**
 * The driver conformance suite on the local Stellar ledger with the fund's issuing and distribution
 * keys generated in a SoftHSM2 token (the PKCS#11 keyring): every transaction is signed with CKM_EDDSA.
 */
describeDriverConformance('stellar (local ledger), keys in a PKCS#11 token', async () => {
  const hsm = tempToken('fiscus-stellar-conformance');
  const token = Pkcs11Token.open(hsm.options);
  const net = await LocalNetwork.start();
  const driver = net.driver({ keys: pkcs11Ed25519Keyring(token, 'fiscus-stellar') });
  const fund = { id: `fund_${randomUUID()}`, name: 'Conformance Treasury Fund', symbol: 'CTF', decimals: 6 };
  net.deployment = await driver.deploy(fund); // idempotent: the suite's own deploy returns the same
  return {
    driver,
    fund,
    newAddress: () => net.newInvestor(),
    holderTransfer: (from, to, units) => net.holderTransfer(from, to, units),
    pollMs: 20,
    timeoutMs: 10_000,
    close: async () => {
      await net.close();
      await token.close();
      hsm.remove();
    },
  };
});
