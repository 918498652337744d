export * from './allocate.ts';
export { planDistribution } from './plan.ts';
export { advanceDistributions, type DistributionRound } from './saga.ts';
export * from './request.ts';
export { cancelDistribution } from './cancel.ts';
