import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { AppBindings, AppDeps } from '../lib/types.ts';

/** Route pattern, not the raw path, so metrics have bounded cardinality (ids stay out of labels). */
function routeLabel(c: Parameters<MiddlewareHandler<AppBindings>>[0]): string {
  const path = routePath(c, -1);
  return !path || path.includes('*') ? 'unmatched' : path;
}

/**
 * Puts the dependencies and the root db on the context, and logs one line per request with its
 * id. Only method, route, status, duration and the principal's key id are logged — never
 * headers or bodies (the Authorization header and API key secrets stay out of the log).
 */
export function requestContext(deps: AppDeps): MiddlewareHandler<AppBindings> {
  return async (c, next) => {
    const started = performance.now();
    const logger = deps.logger.child({ requestId: c.get('requestId') });
    c.set('deps', deps);
    c.set('db', deps.db);
    c.set('logger', logger);
    try {
      await next();
    } finally {
      const seconds = (performance.now() - started) / 1000;
      const labels = { method: c.req.method, route: routeLabel(c), status: String(c.res.status) };
      deps.metrics?.requests.inc(labels);
      deps.metrics?.duration.observe(labels, seconds);
      const principal = c.get('principal');
      logger.info(
        { method: c.req.method, path: c.req.path, route: labels.route, status: c.res.status, ms: Math.round(seconds * 1000), keyId: principal?.keyId },
        'request',
      );
    }
  };
}
