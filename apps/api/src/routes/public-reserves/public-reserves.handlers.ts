import type { AppRouteHandler } from '../../lib/types.ts';
import { attestationHistory, attestationKeyOf, latestAttestation } from '../attestations/attestations.handlers.ts';
import type { HistoryRoute, KeysRoute, LatestRoute } from './public-reserves.routes.ts';

// The same presentation as the keyed /v1 routes: one attestation reads the same wherever it is fetched.

export const latest: AppRouteHandler<LatestRoute> = async (c) => c.json(await latestAttestation(c.var.db, c.req.valid('param').fundId), 200);

export const history: AppRouteHandler<HistoryRoute> = async (c) =>
  c.json(await attestationHistory(c.var.db, c.req.valid('param').fundId, c.req.valid('query')), 200);

export const keys: AppRouteHandler<KeysRoute> = async (c) => {
  const k = attestationKeyOf(c.var.deps);
  return c.json({ keys: [{ keyId: k.keyId, algorithm: 'Ed25519' as const, publicKey: k.publicKey }] }, 200);
};
