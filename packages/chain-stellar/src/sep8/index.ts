export { reviewSep8, MAX_SEP8_PAYMENTS, type Sep8Payment, type Sep8Request, type Sep8Review, type Sep8Limits } from './review.ts';
export { signApproved, composition, type Sep8Approved } from './revise.ts';
export type { Sep8Approvals } from './approvals.ts';
