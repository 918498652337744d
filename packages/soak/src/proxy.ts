import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Rng } from './rng.ts';

export interface ProxyFault {
  /** Extra delay before the answer is passed on, drawn uniformly in [min, max] ms. */
  delayMs?: [number, number];
  /** Share of answers thrown away AFTER the chain handled the request: the socket is destroyed. */
  loseRate?: number;
}

/**
 * A small HTTP proxy in front of one chain's RPC (JSON-RPC or Horizon). Two listeners: the
 * `faulty` one, which the workers are configured to use, injects slow and lost answers while a
 * fault is on; the `clean` one (API processes, the soak's own checks) always passes through. The
 * target can change when the chain node is restarted on another port.
 */
export class ChainProxy {
  private fault: ProxyFault = {};
  private readonly servers: Server[] = [];
  lost = 0;
  delayed = 0;
  constructor(
    readonly name: string,
    private target: string,
    private readonly rng: Rng,
  ) {}

  static async start(name: string, target: string, rng: Rng, ports: { faulty: number; clean: number }): Promise<ChainProxy> {
    const p = new ChainProxy(name, target, rng);
    await p.listen(ports.faulty, true);
    await p.listen(ports.clean, false);
    p.ports = ports;
    return p;
  }

  ports = { faulty: 0, clean: 0 };
  get faultyUrl(): string {
    return `http://127.0.0.1:${this.ports.faulty}`;
  }
  get cleanUrl(): string {
    return `http://127.0.0.1:${this.ports.clean}`;
  }

  retarget(url: string): void {
    this.target = url;
  }

  setFault(f: ProxyFault): void {
    this.fault = f;
  }

  clearFault(): void {
    this.fault = {};
  }

  async close(): Promise<void> {
    await Promise.all(
      this.servers.map(
        (s) =>
          new Promise<void>((r) => {
            s.closeAllConnections();
            s.close(() => r());
          }),
      ),
    );
  }

  private listen(port: number, faulty: boolean): Promise<void> {
    const server = createServer((req, res) => this.forward(req, res, faulty));
    server.keepAliveTimeout = 5_000;
    this.servers.push(server);
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
  }

  private forward(req: IncomingMessage, res: ServerResponse, faulty: boolean): void {
    const target = new URL(this.target);
    // A target with a path prefix (none of ours today) would need joining; the devnets serve at '/'.
    const upstream = request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } },
      (answer) => {
        const f = faulty ? this.fault : {};
        const lose = f.loseRate !== undefined && this.rng.next() < f.loseRate;
        const delay = f.delayMs ? this.rng.int(f.delayMs[0], f.delayMs[1]) : 0;
        const pass = () => {
          if (lose) {
            // The chain did the work; the caller never hears about it.
            this.lost++;
            answer.resume();
            req.socket.destroy();
            return;
          }
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        };
        if (delay > 0) {
          this.delayed++;
          setTimeout(pass, delay);
        } else pass();
      },
    );
    upstream.on('error', (e) => {
      if (!res.headersSent) {
        res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(`soak proxy ${this.name}: ${e.message}`);
      } else res.destroy();
    });
    req.pipe(upstream);
  }
}
