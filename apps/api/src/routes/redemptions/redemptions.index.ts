import { createRouter } from '../../lib/router.ts';
import * as handlers from './redemptions.handlers.ts';
import * as routes from './redemptions.routes.ts';

export const redemptionsRouter = createRouter().openapi(routes.create, handlers.create);
