import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';

/**
 * Status recorded (metrics, request log) for a request whose client went away before sending all
 * of it — nginx's 499 "client closed request". Nobody receives it: the connection is gone.
 */
export const CLIENT_CLOSED_REQUEST = 499;

/**
 * True when the client hung up mid-request (a body shorter than its Content-Length, a dropped
 * connection): reading the body then fails, but that is the client's doing, not a server error.
 * Under @hono/node-server the Node request is `c.env.incoming`; elsewhere (app.request in tests)
 * only the request's abort signal can tell.
 */
export function clientAborted(c: Context): boolean {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  // Only an unfinished request counts: a client leaving after sending everything does not turn
  // a genuine server error (thrown while it waited) into a 499.
  if (incoming) return !incoming.complete && (incoming.destroyed || incoming.readableAborted);
  return c.req.raw.signal?.aborted ?? false;
}
