export { startLocalHorizon, LOCAL_PASSPHRASE, type LocalHorizon, type LocalHorizonOptions } from './server.ts';
export { LocalLedger, type LocalLedgerOptions, type SubmitAnswer } from './ledger.ts';
export { FRIENDBOT_STARTING_BALANCE } from './friendbot.ts';
export { LedgerJournalError } from './journal.ts';
