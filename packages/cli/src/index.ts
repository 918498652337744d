export { main, HELP } from './main.ts';
export { EXIT, exitForStatus } from './exit-codes.ts';
export { resolveProfile, configPath, type Profile } from './profile.ts';
export type { Io } from './output.ts';
