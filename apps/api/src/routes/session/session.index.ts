import { createRouter } from '../../lib/router.ts';
import * as handlers from './session.handlers.ts';
import * as routes from './session.routes.ts';

export const sessionRouter = createRouter().openapi(routes.me, handlers.me);
