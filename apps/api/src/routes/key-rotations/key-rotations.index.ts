import { createRouter } from '../../lib/router.ts';
import * as handlers from './key-rotations.handlers.ts';
import * as routes from './key-rotations.routes.ts';

export const keyRotationsRouter = createRouter().openapi(routes.rotateKey, handlers.rotateKey);
