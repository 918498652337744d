/**
 * PKCS#11 3.0 values pkcs11js 2.1.7 does not export (its constant table stops at 2.40). SoftHSM
 * 2.6 uses exactly these for Ed25519 (include/pkcs11/pkcs11.h there: CKK_EC_EDWARDS 0x40,
 * CKM_EC_EDWARDS_KEY_PAIR_GEN 0x1055, CKM_EDDSA 0x1057).
 */
export const CKK_EC_EDWARDS = 0x40;
export const CKM_EC_EDWARDS_KEY_PAIR_GEN = 0x1055;
export const CKM_EDDSA = 0x1057;

/** DER-encoded curve OIDs for CKA_EC_PARAMS. */
export const EC_PARAMS = {
  /** 1.3.132.0.10 (secp256k1) */
  secp256k1: Buffer.from('06052b8104000a', 'hex'),
  /** 1.3.101.112 (id-Ed25519, RFC 8410) */
  ed25519: Buffer.from('06032b6570', 'hex'),
} as const;
