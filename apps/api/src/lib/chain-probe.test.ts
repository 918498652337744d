import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { probeChain } from './chain-probe.ts';

describe('probeChain', () => {
  it('reads an EVM node’s block number; a chain that does not answer is down, without its URL', async () => {
    const server = createServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ jsonrpc: '2.0', id: 1, result: '0x2a' })),
    );
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/secret-token`;
    expect(await probeChain({ kind: 'evm-rpc', url: 'x', probeUrl: url, local: false }, 1_000)).toEqual({ status: 'up', height: '42', error: null });
    await new Promise<void>((r) => server.close(() => r()));
    const down = await probeChain({ kind: 'evm-rpc', url: 'x', probeUrl: url, local: false }, 1_000);
    expect(down).toMatchObject({ status: 'down', height: null });
    expect(down.error).not.toContain('secret-token');
    expect(await probeChain(undefined, 1_000)).toEqual({ status: 'unknown', height: null, error: null });
  });
});
