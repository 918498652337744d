import { apiKeysRouter } from './api-keys/api-keys.index.ts';
import { auditRouter } from './audit/audit.index.ts';
import { capTableRouter } from './cap-table/cap-table.index.ts';
import { distributionsRouter } from './distributions/distributions.index.ts';
import { deploymentsRouter } from './deployments/deployments.index.ts';
import { enforcementRouter } from './enforcement/enforcement.index.ts';
import { fundsRouter } from './funds/funds.index.ts';
import { healthRouter } from './health/health.index.ts';
import { navRouter } from './nav/nav.index.ts';
import { attestationsRouter } from './attestations/attestations.index.ts';
import { avalancheRouter } from './avalanche/avalanche.index.ts';
import { investorsRouter } from './investors/investors.index.ts';
import { operationsRouter } from './operations/operations.index.ts';
import { recoveriesRouter } from './recoveries/recoveries.index.ts';
import { reconciliationsRouter } from './reconciliations/reconciliations.index.ts';
import { redemptionsRouter } from './redemptions/redemptions.index.ts';
import { custodyRouter } from './custody/custody.index.ts';
import { stellarRouter } from './stellar/stellar.index.ts';
import { stellarTomlRouter } from './stellar-toml/stellar-toml.index.ts';
import { sep8Router } from './sep8/sep8.index.ts';
import { subscriptionsRouter } from './subscriptions/subscriptions.index.ts';
import { supplyRouter } from './supply/supply.index.ts';
import { walletsRouter } from './wallets/wallets.index.ts';
import { movesRouter } from './moves/moves.index.ts';
import { sessionRouter } from './session/session.index.ts';
import { chainsRouter } from './chains/chains.index.ts';
import { payoutsRouter } from './payouts/payouts.index.ts';
import { liquidityRouter } from './liquidity/liquidity.index.ts';
import { devRouter } from './dev/dev.index.ts';
import { dvpRouter } from './dvp/dvp.index.ts';
import { publicReservesRouter } from './public-reserves/public-reserves.index.ts';
import { webhooksRouter } from './webhooks/webhooks.index.ts';
import { keyRotationsRouter } from './key-rotations/key-rotations.index.ts';

export const routers = [
  healthRouter,
  fundsRouter,
  deploymentsRouter,
  investorsRouter,
  walletsRouter,
  subscriptionsRouter,
  redemptionsRouter,
  custodyRouter,
  enforcementRouter,
  recoveriesRouter,
  operationsRouter,
  supplyRouter,
  reconciliationsRouter,
  distributionsRouter,
  capTableRouter,
  auditRouter,
  apiKeysRouter,
  stellarTomlRouter,
  stellarRouter,
  sep8Router,
  navRouter,
  attestationsRouter,
  movesRouter,
  avalancheRouter,
  sessionRouter,
  chainsRouter,
  payoutsRouter,
  liquidityRouter,
  devRouter,
  dvpRouter,
  publicReservesRouter,
  webhooksRouter,
  keyRotationsRouter,
];
