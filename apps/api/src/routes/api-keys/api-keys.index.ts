import { createRouter } from '../../lib/router.ts';
import * as handlers from './api-keys.handlers.ts';
import * as routes from './api-keys.routes.ts';

export const apiKeysRouter = createRouter().openapi(routes.create, handlers.create).openapi(routes.list, handlers.list).openapi(routes.revoke, handlers.revoke);
