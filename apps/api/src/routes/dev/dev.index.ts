import { createRouter } from '../../lib/router.ts';
import * as handlers from './dev.handlers.ts';
import * as routes from './dev.routes.ts';

export const devRouter = createRouter().openapi(routes.faucet, handlers.faucet);
