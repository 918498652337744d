import { describeCrashSafety } from '@fiscus/engine/testing';
import { startStellarHarness } from './support/engine-harness.ts';

describeCrashSafety('stellar (local ledger)', () => startStellarHarness());
