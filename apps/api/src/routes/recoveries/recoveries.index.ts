import { createRouter } from '../../lib/router.ts';
import * as handlers from './recoveries.handlers.ts';
import * as routes from './recoveries.routes.ts';

export const recoveriesRouter = createRouter().openapi(routes.createRecovery, handlers.createRecovery);
