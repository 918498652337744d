/**
 * How a key role is configured (e.g. EVM_OPERATOR_SIGNER):
 *   pkcs11:<label>   a key generated in the configured PKCS#11 token, found by its CKA_LABEL
 *   keystore:<path>  an encrypted keystore file, unlocked with the configured passphrase
 */
export type SignerSpec = { kind: 'pkcs11'; label: string } | { kind: 'keystore'; path: string };

export const SIGNER_SPEC_PATTERN = /^(pkcs11:\S.*|keystore:\S.*)$/;
export const SIGNER_SPEC_HINT = 'must be pkcs11:<key label> or keystore:<path to an encrypted keystore file>';

export function parseSignerSpec(value: string): SignerSpec {
  if (value.startsWith('pkcs11:') && value.length > 'pkcs11:'.length) return { kind: 'pkcs11', label: value.slice('pkcs11:'.length) };
  if (value.startsWith('keystore:') && value.length > 'keystore:'.length) return { kind: 'keystore', path: value.slice('keystore:'.length) };
  throw new Error(`signer "${value.split(':')[0]}…" ${SIGNER_SPEC_HINT}`);
}
