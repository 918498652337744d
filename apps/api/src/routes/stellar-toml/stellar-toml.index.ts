import { createRouter } from '../../lib/router.ts';
import * as handlers from './stellar-toml.handlers.ts';
import * as routes from './stellar-toml.routes.ts';

export const stellarTomlRouter = createRouter().openapi(routes.get, handlers.get);
