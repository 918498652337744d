import { createHash } from 'node:crypto';
import pkcs11js from 'pkcs11js';
import { CKK_EC_EDWARDS, CKM_EC_EDWARDS_KEY_PAIR_GEN, EC_PARAMS } from './constants.ts';
import { acquireModule, releaseModule } from './module.ts';
import { decodeEcPoint } from './ec-point.ts';
import type { KeyAlgorithm } from '../algorithm.ts';

export interface Pkcs11Options {
  /** Path of the vendor's PKCS#11 library (SoftHSM2: /usr/lib/softhsm/libsofthsm2.so). */
  library: string;
  /** The token's label (what `softhsm2-util --init-token --label` set); or `slot`. */
  tokenLabel?: string;
  /** The slot id (CK_SLOT_ID), when the token is not chosen by label. */
  slot?: bigint;
  /** The user PIN. */
  pin: string;
}

/** A key pair in the token: a handle on the private key (never its value) and the public key bytes. */
export interface TokenKey {
  label: string;
  algorithm: KeyAlgorithm;
  privateKey: pkcs11js.Handle;
  /** secp256k1: 65-byte uncompressed point; ed25519: 32 bytes. */
  publicKey: Uint8Array;
}

const CKR_USER_ALREADY_LOGGED_IN = 0x100;

/**
 * One logged-in session on one token. Every call on the session goes through one queue: a
 * PKCS#11 session runs one operation at a time, and C_SignInit + C_Sign must not interleave
 * with another signature (C_Sign runs on libuv's thread pool, so the event loop keeps going).
 */
export class Pkcs11Token {
  #queue: Promise<unknown> = Promise.resolve();
  #closed = false;

  private constructor(
    readonly module: pkcs11js.PKCS11,
    private readonly slot: pkcs11js.Handle,
    private readonly pin: string,
    private readonly library: string,
    /** For messages: which token this is (its label or slot id). */
    readonly name: string,
  ) {}

  static open(o: Pkcs11Options): Pkcs11Token {
    if (!o.tokenLabel && o.slot === undefined) throw new Error('PKCS#11: name the token by its label or its slot id');
    const module = acquireModule(o.library);
    try {
      const token = new Pkcs11Token(module, findSlot(module, o), o.pin, o.library, o.tokenLabel ?? `slot ${o.slot}`);
      token.#session = token.#login();
      return token;
    } catch (e) {
      releaseModule(o.library);
      throw e;
    }
  }

  #session!: pkcs11js.Handle;

  /** The open session's handle (tests read attributes through it). */
  get session(): pkcs11js.Handle {
    return this.#session;
  }

  #login(): pkcs11js.Handle {
    const session = this.module.C_OpenSession(this.slot, pkcs11js.CKF_SERIAL_SESSION | pkcs11js.CKF_RW_SESSION);
    try {
      this.module.C_Login(session, pkcs11js.CKU_USER, this.pin);
    } catch (e) {
      // Login state is per application and token: another session of this process logged in
      // already (the token then does not check this PIN; the first login did).
      if ((e as { code?: number }).code !== CKR_USER_ALREADY_LOGGED_IN) {
        this.module.C_CloseSession(session);
        throw e;
      }
    }
    return session;
  }

  /** Runs `fn` alone on the session (see the class comment). */
  run<T>(fn: () => T | Promise<T>): Promise<T> {
    const next = this.#queue.then(() => {
      if (this.#closed) throw new Error(`PKCS#11 token ${this.name} is closed`);
      return fn();
    });
    this.#queue = next.catch(() => undefined);
    return next;
  }

  /** The key pair labelled `label`, or undefined. Refuses keys that could leave the token. */
  findKey(label: string): Promise<TokenKey | undefined> {
    return this.run(() => this.#find(label));
  }

  /** Generates a key pair inside the token: sensitive, never extractable, kept on the token. */
  generateKey(label: string, algorithm: KeyAlgorithm): Promise<TokenKey> {
    return this.run(async () => {
      if (this.#find(label)) throw new Error(`PKCS#11 token ${this.name} already holds a key labelled "${label}"`);
      // CKA_ID ties the pair together for tools that match by id (pkcs11-tool, p11tool).
      const id = createHash('sha256').update(label).digest().subarray(0, 16);
      const common = [
        { type: pkcs11js.CKA_TOKEN, value: true },
        { type: pkcs11js.CKA_LABEL, value: label },
        { type: pkcs11js.CKA_ID, value: id },
      ];
      const mechanism = { mechanism: algorithm === 'secp256k1' ? pkcs11js.CKM_EC_KEY_PAIR_GEN : CKM_EC_EDWARDS_KEY_PAIR_GEN };
      await this.module.C_GenerateKeyPairAsync(
        this.#session,
        mechanism,
        [...common, { type: pkcs11js.CKA_VERIFY, value: true }, { type: pkcs11js.CKA_EC_PARAMS, value: EC_PARAMS[algorithm] }],
        [
          ...common,
          { type: pkcs11js.CKA_PRIVATE, value: true },
          { type: pkcs11js.CKA_SIGN, value: true },
          { type: pkcs11js.CKA_SENSITIVE, value: true },
          { type: pkcs11js.CKA_EXTRACTABLE, value: false },
        ],
      );
      const key = this.#find(label);
      if (!key) throw new Error(`PKCS#11 token ${this.name}: the key "${label}" just generated is not found`);
      return key;
    });
  }

  /** Signs `data` with `mechanism` (the caller prepares what the mechanism expects). */
  sign(key: TokenKey, mechanism: number, data: Uint8Array): Promise<Buffer> {
    // An empty buffer reaches C_Sign as a NULL pointer (CKR_ARGUMENTS_BAD); no chain signs nothing.
    if (data.length === 0) return Promise.reject(new Error('PKCS#11: refusing to sign an empty message'));
    return this.run(async () => {
      this.module.C_SignInit(this.#session, { mechanism }, key.privateKey);
      try {
        return await this.module.C_SignAsync(this.#session, Buffer.from(data), Buffer.alloc(128));
      } catch (e) {
        // A C_Sign refused before it started (e.g. CKR_ARGUMENTS_BAD) leaves the signing operation
        // active, and every later C_SignInit would answer CKR_OPERATION_ACTIVE: start a new
        // session (object handles belong to the application, so keys stay valid).
        this.#renewSession();
        throw e;
      }
    });
  }

  #renewSession(): void {
    try {
      this.module.C_CloseSession(this.#session);
    } catch {
      // already gone
    }
    this.#session = this.#login();
  }

  /** Closes the session (waiting for queued work); the last token on a library finalizes it. */
  async close(): Promise<void> {
    await this.run(() => undefined).catch(() => undefined);
    if (this.#closed) return;
    this.#closed = true;
    try {
      this.module.C_CloseSession(this.#session);
    } finally {
      releaseModule(this.library);
    }
  }

  #objects(template: pkcs11js.Template): pkcs11js.Handle[] {
    this.module.C_FindObjectsInit(this.#session, template);
    try {
      return this.module.C_FindObjects(this.#session, 16);
    } finally {
      this.module.C_FindObjectsFinal(this.#session);
    }
  }

  #find(label: string): TokenKey | undefined {
    const privs = this.#objects([
      { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_PRIVATE_KEY },
      { type: pkcs11js.CKA_LABEL, value: label },
    ]);
    if (privs.length === 0) return undefined;
    if (privs.length > 1) throw new Error(`PKCS#11 token ${this.name} holds ${privs.length} private keys labelled "${label}"; labels must be unique`);
    const pubs = this.#objects([
      { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_PUBLIC_KEY },
      { type: pkcs11js.CKA_LABEL, value: label },
    ]);
    if (pubs.length !== 1) throw new Error(`PKCS#11 token ${this.name}: the key "${label}" needs exactly one public key object, found ${pubs.length}`);
    const privateKey = privs[0]!;
    const [sensitive, extractable] = this.module.C_GetAttributeValue(this.#session, privateKey, [
      { type: pkcs11js.CKA_SENSITIVE },
      { type: pkcs11js.CKA_EXTRACTABLE },
    ]);
    if (!bool(sensitive!.value) || bool(extractable!.value)) {
      throw new Error(
        `PKCS#11 token ${this.name}: the key "${label}" can leave the token (CKA_SENSITIVE false or CKA_EXTRACTABLE true); generate it in the token instead`,
      );
    }
    const [keyType, params, point] = this.module.C_GetAttributeValue(this.#session, pubs[0]!, [
      { type: pkcs11js.CKA_KEY_TYPE },
      { type: pkcs11js.CKA_EC_PARAMS },
      { type: pkcs11js.CKA_EC_POINT },
    ]);
    const algorithm = algorithmOf(keyType!.value as Buffer, params!.value as Buffer);
    if (!algorithm) throw new Error(`PKCS#11 token ${this.name}: the key "${label}" is neither secp256k1 nor Ed25519`);
    return { label, algorithm, privateKey, publicKey: decodeEcPoint(point!.value as Buffer, algorithm) };
  }
}

function findSlot(module: pkcs11js.PKCS11, o: Pkcs11Options): pkcs11js.Handle {
  const slots = module.C_GetSlotList(true);
  for (const slot of slots) {
    if (o.slot !== undefined) {
      if (slot.readBigUInt64LE() === o.slot) return slot;
      continue;
    }
    if (module.C_GetTokenInfo(slot).label.trimEnd() === o.tokenLabel) return slot;
  }
  throw new Error(`PKCS#11: no initialized token ${o.tokenLabel !== undefined ? `labelled "${o.tokenLabel}"` : `in slot ${o.slot}`} in ${o.library}`);
}

const bool = (v: Buffer | undefined) => !!v && v.length > 0 && v[0] !== 0;

function algorithmOf(keyType: Buffer, params: Buffer): KeyAlgorithm | undefined {
  const type = keyType.length >= 8 ? Number(keyType.readBigUInt64LE()) : keyType.readUInt32LE();
  if (type === pkcs11js.CKK_EC && params.equals(EC_PARAMS.secp256k1)) return 'secp256k1';
  if (type === CKK_EC_EDWARDS && params.equals(EC_PARAMS.ed25519)) return 'ed25519';
  return undefined;
}
