import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { AppOpenAPI } from './lib/types.ts';

export interface ServerOptions {
  hostname: string;
  port: number;
  /** Whole request (headers + body) must arrive within this; Node then answers 408 and closes. */
  requestTimeoutMs: number;
  /** Headers must arrive within this (≤ requestTimeoutMs). */
  headersTimeoutMs: number;
}

/**
 * The HTTP server main.ts runs, with its timeouts set: a client that sends fewer bytes than its
 * Content-Length, or trickles them, holds a connection for requestTimeoutMs at most (Node's
 * default is 5 minutes). Node checks those timeouts every connectionsCheckingInterval (30 s by
 * default), so the interval is scaled down to the timeouts or they would be off by up to 30 s.
 */
export function startServer(app: AppOpenAPI, o: ServerOptions, onListen?: (info: AddressInfo) => void): Server {
  const shortest = Math.min(o.requestTimeoutMs, o.headersTimeoutMs);
  const serverOptions = {
    requestTimeout: o.requestTimeoutMs,
    headersTimeout: o.headersTimeoutMs,
    connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(shortest / 4))),
  };
  return serve({ fetch: app.fetch, hostname: o.hostname, port: o.port, serverOptions }, onListen) as Server;
}
