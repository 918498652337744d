import { z } from '@hono/zod-openapi';

/** SEP-8 request: one `tx` parameter, form-encoded or JSON (ecosystem/sep-0008.md, "POST Endpoint"). */
export const Sep8RequestSchema = z
  .object({ tx: z.string().optional().openapi({ description: 'Base64 transaction envelope XDR signed by the source account', example: 'AAAAAgAAAAD…' }) })
  .openapi('Sep8Request');

const tx = z.string().openapi({ description: 'Transaction envelope XDR, base64' });

export const Sep8SuccessSchema = z
  .object({ status: z.literal('success'), tx, message: z.string().optional() })
  .openapi('Sep8Success', { description: 'Compliant as composed: the issuer signature was added; submit it to Horizon.' });

export const Sep8RevisedSchema = z.object({ status: z.literal('revised'), tx, message: z.string() }).openapi('Sep8Revised', {
  description:
    'Wrapped in the issuer’s authorize / deauthorize operations (same source and sequence), issuer-signed: check, sign with the source account, submit.',
});

export const Sep8PendingSchema = z
  .object({
    status: z.literal('pending'),
    timeout: z.int().min(0).openapi({ description: 'Milliseconds to wait before sending the same transaction again' }),
    message: z.string().optional(),
  })
  .openapi('Sep8Pending');

export const Sep8ActionRequiredSchema = z
  .object({
    status: z.literal('action_required'),
    message: z.string(),
    action_url: z.string(),
    action_method: z.enum(['GET', 'POST']).optional(),
    action_fields: z.array(z.string()).optional().openapi({ description: 'SEP-9 fields the wallet may pass along' }),
  })
  .openapi('Sep8ActionRequired');

export const Sep8RejectedSchema = z
  .object({ status: z.literal('rejected'), error: z.string().openapi({ description: 'Why, naming the failing rule and its numbers' }) })
  .openapi('Sep8Rejected');

export const Sep8OkSchema = z.union([Sep8SuccessSchema, Sep8RevisedSchema, Sep8PendingSchema, Sep8ActionRequiredSchema]);

export type Sep8Answer =
  | z.infer<typeof Sep8SuccessSchema>
  | z.infer<typeof Sep8RevisedSchema>
  | z.infer<typeof Sep8PendingSchema>
  | z.infer<typeof Sep8ActionRequiredSchema>
  | z.infer<typeof Sep8RejectedSchema>;

export const rejected = (error: string): Sep8Answer => ({ status: 'rejected', error });
