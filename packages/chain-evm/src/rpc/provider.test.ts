import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvmProvider } from './provider.ts';

/** A JSON-RPC endpoint on 127.0.0.1 answering each method with the body given for it. */
const ANSWERS: Record<string, (id: number) => string> = {
  web3_clientVersion: (id) => JSON.stringify({ jsonrpc: '2.0', id, result: 'nœud ✓ 節点' }),
  eth_blockNumber: (id) => JSON.stringify({ jsonrpc: '2.0', id, result: '0x2a' }),
  eth_call: (id) => JSON.stringify({ jsonrpc: '2.0', id, error: { code: 3, message: 'exécution annulée', data: '0x' } }),
  eth_getBalance: () => '{"jsonrpc":"2.0","id":',
};

describe('createEvmProvider (answers decoded natively)', () => {
  let server: Server;
  let url = '';
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        const { id, method } = JSON.parse(body) as { id: number; method: string };
        res.writeHead(200, { 'content-type': 'application/json' }).end(Buffer.from(ANSWERS[method]!(id), 'utf8'));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('reads ASCII and multi-byte UTF-8 answers exactly', async () => {
    const provider = createEvmProvider(url, 31_337);
    expect(await provider.getBlockNumber()).toBe(42);
    expect(await provider.send('web3_clientVersion', [])).toBe('nœud ✓ 節点');
    provider.destroy();
  });

  it("keeps ethers' errors: a JSON-RPC error with its message, and an unparseable body", async () => {
    const provider = createEvmProvider(url, 31_337);
    await expect(provider.send('eth_call', [{ to: `0x${'11'.repeat(20)}`, data: '0x' }, 'latest'])).rejects.toMatchObject({
      code: 'CALL_EXCEPTION',
      info: { error: { code: 3, message: 'exécution annulée' } },
    });
    await expect(provider.send('eth_getBalance', [`0x${'11'.repeat(20)}`, 'latest'])).rejects.toMatchObject({
      code: 'UNSUPPORTED_OPERATION',
      message: expect.stringContaining('response body is not valid JSON'),
    });
    provider.destroy();
  });
});
