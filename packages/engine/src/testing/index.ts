/** Engine test kit: every driver package re-runs these suites against its own devnet. */
export { describeCrashSafety } from './crash-suite.ts';
export { describeTwoWorkers } from './two-workers-suite.ts';
export type { EngineChainHarness } from './chain.ts';
export { deployedFund } from './fixture.ts';
export { seedFund, seedWallet, requestMint, getOperation, deploymentOf } from './seed.ts';
export { testWorker, settle, until } from './drive.ts';
export { runTsChild, runWorkerChild, type ChildResult } from './spawn.ts';
export { startWebhookReceiver, type ReceivedWebhook, type WebhookReceiver } from '../webhooks/testing/receiver.ts';
export { describePayoutCrashSafety, type PayoutChainHarness } from './payout-crash-suite.ts';
export { describeMultisigApprovals, type MultisigChainHarness } from './multisig-suite.ts';
