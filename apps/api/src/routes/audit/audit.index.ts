import { createRouter } from '../../lib/router.ts';
import * as handlers from './audit.handlers.ts';
import * as routes from './audit.routes.ts';

export const auditRouter = createRouter().openapi(routes.verify, handlers.verify).openapi(routes.list, handlers.list);
