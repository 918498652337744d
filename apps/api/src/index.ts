export { createApp, createTestApp, DEFAULT_BODY_LIMIT, type TestApp } from './app.ts';
export { loadConfig, type Config } from './config.ts';
export { PERMISSIONS, allows, type Permission } from './auth/roles.ts';
export { ROLES, type Role, type Principal } from './auth/principal.ts';
export { createApiKey, ensureAdminKey } from './auth/bootstrap.ts';
