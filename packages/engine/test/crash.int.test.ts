import { describeCrashSafety } from '../src/testing/index.ts';
import { startMemchainHarness } from './support/memchain.ts';

describeCrashSafety('memchain', () => startMemchainHarness());
