import { describeCrashSafety } from '@fiscus/engine/testing';
import { startEvmEngineHarness } from './support/engine-harness.ts';

describeCrashSafety('evm (T-REX on anvil)', () => startEvmEngineHarness());
