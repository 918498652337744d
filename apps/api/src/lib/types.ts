import type { ApiKeyCache } from '../auth/key-cache.ts';
import type { OpenAPIHono, RouteConfig, RouteHandler } from '@hono/zod-openapi';
import type { ChainId, DriverRegistry } from '@fiscus/core';
import type { Db } from '@fiscus/ledger';
import type { AttestationKey } from '@fiscus/engine';
import type { Logger } from 'pino';
import type { Principal } from '../auth/principal.ts';
import type { Metrics } from './metrics.ts';
import type { L1Provisioner } from '../chains/avalanche/provision-store.ts';

/** Everything a request needs from the outside world; tests build it with their own db and chains. */
export interface AppDeps {
  /** The root handle. Handlers use `c.var.db`, which is the request's transaction on mutating routes. */
  db: Db;
  drivers: DriverRegistry;
  logger: Logger;
  /** Verified API keys kept between requests (createApp makes one with the default TTL if absent). */
  apiKeys?: ApiKeyCache;
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
  /** Where clients reach each chain (GET /v1/chains) and how to probe its health (wiring.ts). */
  chainEndpoints?: Record<string, ChainEndpoint>;
  /** The keyless /public routes (proof of reserves): requests per minute per client address. */
  publicApi?: { ratePerMinute?: number; trustProxy?: boolean };
  /** AES-256-GCM key (32 bytes) webhook secrets are encrypted under (createApp generates one if absent). */
  webhookKey?: Uint8Array;
  /** The operator console's build (default apps/console/dist); null serves no console. */
  consoleDir?: string | null;
  /** Dev-only stablecoin faucets of LOCAL networks, per chain (POST /v1/dev/faucet); never set for a real network. */
  faucets?: Record<string, StablecoinFaucet>;
}

/** Gives a test wallet local stablecoin (issue 12): a local USDC's issuer or minter, held by the platform. */
export interface StablecoinFaucet {
  /** Pays `usd` micro-dollars of the chain's local stablecoin to `address`; the transaction hash when there is one. */
  pay(address: string, usd: bigint): Promise<{ txHash: string | null }>;
}

export interface ChainEndpoint {
  /** The protocol spoken at `url`. */
  kind: 'memchain' | 'horizon' | 'evm-rpc';
  /** What GET /v1/chains shows: the full URL of public or local endpoints; only the origin of a private RPC (it may carry a provider key). */
  url: string;
  /** The Avalanche P-Chain JSON-RPC the L1 was provisioned on, when known. */
  pchainUrl?: string;
  /** The URL health probes call (never shown). */
  probeUrl: string;
  /** A local stand-in or devnet started for development, not a real network. */
  local: boolean;
}

export interface StellarTomlDeps {
  chain: ChainId;
  networkPassphrase: string;
  horizonUrl: string;
  /** Base URL of this API as clients reach it (attestation links). */
  publicUrl: string;
  organization: { name: string; url: string; officialEmail?: string; physicalAddress?: string };
  /** The SEP-8 approval server (routes/sep8); defaults in sep8.handlers.ts. */
  sep8?: {
    /** Highest fee per operation a wallet's transaction may bid, in stroops. */
    maxFeePerOp?: bigint;
    /** New approval requests per source account per minute (per process). */
    ratePerMinute?: number;
    /** Where an unknown receiver is sent to onboard (action_required); default <publicUrl>/onboarding. */
    actionUrl?: string;
  };
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
