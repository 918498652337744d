import { createRouter } from '../../lib/router.ts';
import * as handlers from './webhooks.handlers.ts';
import * as routes from './webhooks.routes.ts';

export const webhooksRouter = createRouter()
  .openapi(routes.create, handlers.create)
  .openapi(routes.list, handlers.list)
  .openapi(routes.get, handlers.get)
  .openapi(routes.disable, handlers.disable)
  .openapi(routes.deliveries, handlers.deliveries)
  .openapi(routes.delivery, handlers.delivery)
  .openapi(routes.replay, handlers.replay)
  .openapi(routes.replayMany, handlers.replayMany);
