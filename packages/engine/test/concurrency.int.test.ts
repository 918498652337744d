import { describeTwoWorkers } from '../src/testing/index.ts';
import { startMemchainHarness } from './support/memchain.ts';

describeTwoWorkers('memchain', () => startMemchainHarness({ blockMs: 20 }));
