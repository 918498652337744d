/** One contract call an operation becomes; `fallbackGas` is used when estimation is impossible. */
export interface EncodedCall {
  to: string;
  data: string;
  fallbackGas: bigint;
}
