import { describeTwoWorkers } from '@fiscus/engine/testing';
import { startEvmEngineHarness } from './support/engine-harness.ts';

// Runs where DATABASE_URL points at Postgres (PGlite is single-process and is skipped by the suite).
describeTwoWorkers('evm (T-REX on anvil)', () => startEvmEngineHarness(), 50);
