export { runSoak, soakOn } from './soak.ts';
export { startCluster, type Cluster } from './cluster.ts';
export { parseArgs, UsageError, LIMITS, type SoakOptions } from './args.ts';
export { renderReport, reproduceCommand, type SoakResult } from './report.ts';
export { postgresUnavailable } from './postgres.ts';
