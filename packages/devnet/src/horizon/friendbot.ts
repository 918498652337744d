import { Account, Operation, StrKey, TransactionBuilder } from '@stellar/stellar-sdk';
import type { LocalLedger, SubmitAnswer } from './ledger.ts';

/** Lumens quickstart's friendbot gives a new account. */
export const FRIENDBOT_STARTING_BALANCE = '10000';

/**
 * Like quickstart's friendbot: a createAccount transaction from the root account, submitted
 * through the same validation and apply path as any other transaction.
 */
export function friendbot(ledger: LocalLedger, addr: string | null): Promise<SubmitAnswer> {
  if (!addr || !StrKey.isValidEd25519PublicKey(addr)) {
    return Promise.resolve({
      status: 400,
      body: { type: 'https://stellar.org/horizon-errors/bad_request', title: 'Bad Request', status: 400, detail: 'addr must be a G… account id' },
    });
  }
  const source = new Account(ledger.root.publicKey(), (ledger.nextSequence(ledger.root.publicKey()) - 1n).toString());
  const tx = new TransactionBuilder(source, { fee: '100', networkPassphrase: ledger.passphrase })
    .addOperation(Operation.createAccount({ destination: addr, startingBalance: FRIENDBOT_STARTING_BALANCE }))
    .setTimeout(300)
    .build();
  tx.sign(ledger.root);
  return ledger.submit(tx.toEnvelope().toXdr('base64'));
}
