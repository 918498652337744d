import pkcs11js from 'pkcs11js';

/**
 * One loaded PKCS#11 library per process and path. C_Initialize may run once per process
 * (a second call answers CKR_CRYPTOKI_ALREADY_INITIALIZED), so tokens opened on the same library
 * share it, counted, and the last one to close finalizes it.
 */
interface Loaded {
  module: pkcs11js.PKCS11;
  users: number;
}

const loaded = new Map<string, Loaded>();

export function acquireModule(library: string): pkcs11js.PKCS11 {
  const have = loaded.get(library);
  if (have) {
    have.users += 1;
    return have.module;
  }
  const module = new pkcs11js.PKCS11();
  module.load(library);
  module.C_Initialize();
  loaded.set(library, { module, users: 1 });
  return module;
}

export function releaseModule(library: string): void {
  const have = loaded.get(library);
  if (!have) return;
  have.users -= 1;
  if (have.users > 0) return;
  loaded.delete(library);
  have.module.C_Finalize();
  have.module.close();
}
