import { vi } from 'vitest';
import { describeCrashSafety } from '@fiscus/engine/testing';
import { startAvalancheEngineHarness } from './support/engine-harness.ts';

// Each case starts two worker processes (tsx start-up each) and deploys a fund on the L1: on the
// shared 2-core machine this alone can pass the default 60 s.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

describeCrashSafety('avalanche (T-REX on the Subnet-EVM stand-in)', () => startAvalancheEngineHarness());
