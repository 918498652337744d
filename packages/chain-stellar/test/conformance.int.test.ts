import { randomUUID } from 'node:crypto';
import { describeDriverConformance } from '@fiscus/core/conformance';
import { LocalNetwork } from './support/local-network.ts';

// The contract holds with one issuer key and with role keys (roles.ts: each operation from its role account).
for (const leastPrivilege of [false, true]) {
  describeDriverConformance(`stellar (local ledger${leastPrivilege ? ', role keys' : ''})`, async () => {
    const net = await LocalNetwork.start();
    const driver = net.driver({ leastPrivilege });
    const fund = { id: `fund_${randomUUID()}`, name: 'Conformance Treasury Fund', symbol: 'CTF', decimals: 6 };
    net.deployment = await driver.deploy(fund); // idempotent: the suite's own deploy returns the same
    return {
      driver,
      fund,
      newAddress: () => net.newInvestor(),
      holderTransfer: (from, to, units) => net.holderTransfer(from, to, units),
      pollMs: 20,
      timeoutMs: 10_000,
      close: () => net.close(),
    };
  });
}
