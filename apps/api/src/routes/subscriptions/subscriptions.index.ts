import { createRouter } from '../../lib/router.ts';
import * as handlers from './subscriptions.handlers.ts';
import * as routes from './subscriptions.routes.ts';

export const subscriptionsRouter = createRouter().openapi(routes.create, handlers.create);
