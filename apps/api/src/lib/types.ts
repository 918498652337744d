import type { OpenAPIHono, RouteConfig, RouteHandler } from '@hono/zod-openapi';
import type { DriverRegistry } from '@fiscus/core';
import type { Db } from '@fiscus/ledger';
import type { Logger } from 'pino';
import type { Principal } from '../auth/principal.ts';
import type { Metrics } from './metrics.ts';

/** Everything a request needs from the outside world; tests build it with their own db and chains. */
export interface AppDeps {
  /** The root handle. Handlers use `c.var.db`, which is the request's transaction on mutating routes. */
  db: Db;
  drivers: DriverRegistry;
  logger: Logger;
  /** Largest request body in bytes (default 64 KiB). */
  bodyLimit?: number;
  metrics?: Metrics;
  /** Deadline for on-chain reads made while answering a GET (default 3 s). */
  chainReadTimeoutMs?: number;
}

export interface AppBindings {
  Variables: {
    /** Root db on reads; the idempotency transaction on mutations (PGlite: never mix the two). */
    db: Db;
    deps: AppDeps;
    principal: Principal;
    requestId: string;
    logger: Logger;
  };
}

export type AppOpenAPI = OpenAPIHono<AppBindings>;
export type AppRouteHandler<R extends RouteConfig> = RouteHandler<R, AppBindings>;
