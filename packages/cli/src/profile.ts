import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface Profile {
  url: string;
  key?: string;
}

/** ~/.config/fiscus/config.json (FISCUS_CONFIG overrides): `{"default": "prod", "profiles": {"prod": {"url": …, "key": …}}}`. */
export function configPath(env: NodeJS.ProcessEnv): string {
  return env.FISCUS_CONFIG ?? join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'fiscus', 'config.json');
}

export class UsageError extends Error {}

/**
 * Where to call and with which key, first found wins: --url / --api-key flags, the env
 * (FISCUS_API_URL / FISCUS_API_KEY), then the profile (--profile, FISCUS_PROFILE, or the
 * file's `default`) in the config file.
 */
export function resolveProfile(flags: { url?: string; apiKey?: string; profile?: string }, env: NodeJS.ProcessEnv): Profile {
  const file = configPath(env);
  let fromFile: Profile | undefined;
  const name = flags.profile ?? env.FISCUS_PROFILE;
  if (existsSync(file)) {
    const cfg = JSON.parse(readFileSync(file, 'utf8')) as { default?: string; profiles?: Record<string, Profile> };
    const chosen = name ?? cfg.default;
    if (chosen !== undefined) {
      fromFile = cfg.profiles?.[chosen];
      if (!fromFile) throw new UsageError(`profile "${chosen}" is not in ${file}`);
    }
  } else if (name !== undefined) {
    throw new UsageError(`profile "${name}" asked for, but ${file} does not exist`);
  }
  const url = flags.url ?? env.FISCUS_API_URL ?? fromFile?.url;
  if (!url) throw new UsageError(`no API URL: pass --url, set FISCUS_API_URL, or add a profile to ${file}`);
  return { url, key: flags.apiKey ?? env.FISCUS_API_KEY ?? fromFile?.key };
}
