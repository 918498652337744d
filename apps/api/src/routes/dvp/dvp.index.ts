import { createRouter } from '../../lib/router.ts';
import * as handlers from './dvp.handlers.ts';
import * as routes from './dvp.routes.ts';

export const dvpRouter = createRouter().openapi(routes.quote, handlers.quote).openapi(routes.getQuote, handlers.getQuote);
