export { WEBHOOK_DEFAULTS, WEBHOOK_EVENT_TYPES, type WebhookEvent, type WebhookEventType, type WebhookOptions } from './types.ts';
export { decryptSecret, encryptSecret, generateWebhookSecret, loadOrCreateWebhookKey, webhookKeyFromHex } from './secret-box.ts';
export {
  createWebhookEndpoint,
  disableWebhookEndpoint,
  getWebhookDelivery,
  getWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
  replayWebhookDeliveries,
  type DeliveryView,
  type WebhookAttemptRow,
  type WebhookDeliveryRow,
  type WebhookEndpointRow,
} from './endpoints.ts';
export { produceWebhookEvents, recordWebhookEvents } from './produce.ts';
export { deliverDueWebhooks } from './deliver.ts';
export { webhookTask } from './task.ts';
