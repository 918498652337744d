import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import type { MiddlewareHandler } from 'hono';
import type { AppOpenAPI } from './types.ts';
import { ProblemError } from './problem.ts';

/** Where `npm run build -w @fiscus/console` writes (apps/console/dist); nothing is committed there. */
export const DEFAULT_CONSOLE_DIR = fileURLToPath(new URL('../../../console/dist', import.meta.url));

/**
 * The operator console (apps/console) on the API's own origin at /console, so it calls /v1 with no
 * CORS. Client-side routes (/console/cap-table…) get index.html; hashed assets are cached for good.
 * Without a build the page answers 503 saying how to build it, rather than a bare 404.
 */
const CSP =
  "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

export function mountConsole(app: AppOpenAPI, dir: string = DEFAULT_CONSOLE_DIR): void {
  const missing = () => {
    throw new ProblemError(503, 'CONSOLE_NOT_BUILT', `the console is not built (${dir} is missing): run \`npm run build -w @fiscus/console\``);
  };
  // The console's own router reads pages below /console/. The router is not strict, so '/console/'
  // matches here too and c.req.path has lost its slash: look at the raw URL.
  app.get('/console', async (c, next) => (new URL(c.req.url).pathname === '/console' ? c.redirect('/console/', 301) : next()));
  app.use('/console/assets/*', async (c, next) => {
    await next();
    if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=31536000, immutable');
  });
  // Created on first use: the build may appear after the app (and serveStatic complains about a missing root).
  let files: MiddlewareHandler | undefined;
  let index: MiddlewareHandler | undefined;
  app.use('/console/*', async (c, next) => {
    // The page only ever talks to this origin; nothing inline but the style properties Chart.js sets.
    c.header('Content-Security-Policy', CSP);
    c.header('X-Content-Type-Options', 'nosniff');
    if (!existsSync(`${dir}/index.html`)) return missing();
    files ??= serveStatic({ root: dir, rewriteRequestPath: (p) => p.replace(/^\/console/, '') });
    return files(c, next);
  });
  // Anything else under /console that is not a file with an extension is a page of the app.
  app.get('/console/*', async (c, next) => {
    if (/\.[a-z0-9]+$/i.test(c.req.path)) return c.notFound();
    index ??= serveStatic({ path: `${dir}/index.html` });
    c.header('Cache-Control', 'no-cache');
    return index(c, next);
  });
}
