import { describePayoutCrashSafety } from '@fiscus/engine/testing';
import { startUsdcHarness } from './support/usdc-harness.ts';

describePayoutCrashSafety('stellar (local ledger, local USDC)', () => startUsdcHarness());
