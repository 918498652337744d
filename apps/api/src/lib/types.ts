import type { OpenAPIHono, RouteConfig, RouteHandler } from '@hono/zod-openapi';
import type { ChainId, DriverRegistry } from '@fiscus/core';
import type { Db } from '@fiscus/ledger';
import type { AttestationKey } from '@fiscus/engine';
import type { Logger } from 'pino';
import type { Principal } from '../auth/principal.ts';
import type { Metrics } from './metrics.ts';
import type { L1Provisioner } from './l1-provisioner.ts';

/** Everything a request needs from the outside world; tests build it with their own db and chains. */
export interface AppDeps {
  /** The root handle. Handlers use `c.var.db`, which is the request's transaction on mutating routes. */
  db: Db;
  drivers: DriverRegistry;
  logger: Logger;
  /** Largest request body in bytes (default 64 KiB). */
  bodyLimit?: number;
  metrics?: Metrics;
  /** Deadline for on-chain reads made while answering a request (default 3 s). */
  chainReadTimeoutMs?: number;
  /** The configured Stellar network and what /.well-known/stellar.toml says about the issuer. */
  stellar?: StellarTomlDeps;
  /** Signs proof-of-reserve attestations (createApp generates an ephemeral one if absent). */
  attestationKey?: AttestationKey;
  /** Creates Avalanche L1s on the P-Chain (POST /v1/avalanche/l1s); absent = no P-Chain configured. */
  l1Provisioner?: L1Provisioner;
}

export interface StellarTomlDeps {
  chain: ChainId;
  networkPassphrase: string;
  horizonUrl: string;
  /** Base URL of this API as clients reach it (attestation links). */
  publicUrl: string;
  organization: { name: string; url: string; officialEmail?: string; physicalAddress?: string };
}

export interface AppBindings {
  Variables: {
    /** Root db on reads; the idempotency transaction on mutations (PGlite: never mix the two). */
    db: Db;
    deps: AppDeps;
    principal: Principal;
    requestId: string;
    logger: Logger;
    /**
     * What the idempotency record keeps instead of the response body, when the body holds a
     * secret that must not rest in the database (a new API key): replays get this version.
     */
    replayBody?: unknown;
  };
}

export type AppOpenAPI = OpenAPIHono<AppBindings>;
export type AppRouteHandler<R extends RouteConfig> = RouteHandler<R, AppBindings>;
