import { createRouter } from '../../lib/router.ts';
import * as handlers from './wallets.handlers.ts';
import * as routes from './wallets.routes.ts';

export const walletsRouter = createRouter().openapi(routes.register, handlers.register).openapi(routes.list, handlers.list);
