import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { GraphqlClient } from '../bench/http-client';

/*
 * The API bench's client (bench/http-client.ts) against a server that resets a keep-alive
 * socket when the next request arrives on it, as a server does whose keep-alive timer falls due
 * while that request is on its way (the bench's `read ECONNRESET`).
 */

let server: http.Server;
let port: number;
let requests: number;
/** Sockets that answered once; the next request on each is answered with a reset. */
let resetOnReuse: boolean;
const answered = new WeakSet<Socket>();

beforeAll(async () => {
  server = http.createServer((req, res) => {
    requests += 1;
    if (resetOnReuse && answered.has(req.socket)) {
      req.socket.resetAndDestroy();
      return;
    }
    answered.add(req.socket);
    req.resume();
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ data: { n: requests } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  requests = 0;
  resetOnReuse = false;
});

const client = () =>
  new GraphqlClient(port, '/graphql', { serverKeepAliveMs: 5000, maxSockets: 1 });

test('reuses its keep-alive socket', async () => {
  const c = client();
  try {
    await c.request('{ n }');
    await c.request('{ n }');
    expect(c.requests).toBe(2);
    expect(c.retries).toBe(0);
  } finally {
    c.close();
  }
});

test('repeats a request once when a reused socket is reset, on a new socket', async () => {
  resetOnReuse = true;
  const c = client();
  try {
    await c.request('{ n }');
    await expect(c.request<{ n: number }>('{ n }')).resolves.toEqual({ n: 3 });
    expect(c.retries).toBe(1);
    expect(c.requests).toBe(3);
  } finally {
    c.close();
  }
});

test('does not repeat a reset on a fresh socket: that is a real failure', async () => {
  const fresh = http.createServer((req) => req.socket.resetAndDestroy());
  await new Promise<void>((resolve) => fresh.listen(0, '127.0.0.1', resolve));
  const c = new GraphqlClient((fresh.address() as AddressInfo).port, '/graphql', {
    serverKeepAliveMs: 5000,
    maxSockets: 1,
  });
  try {
    await expect(c.request('{ n }')).rejects.toThrow(/ECONNRESET/);
    expect(c.retries).toBe(0);
  } finally {
    c.close();
    await new Promise((resolve) => fresh.close(resolve));
  }
});

test('closes idle sockets 1 s before the server would', () => {
  expect(() => new GraphqlClient(port, '/', { serverKeepAliveMs: 1500, maxSockets: 1 })).toThrow(
    'too short to reuse',
  );
  const c = client();
  try {
    const agent = (c as unknown as { agent: http.Agent }).agent as http.Agent & {
      options: { timeout?: number };
    };
    expect(agent.options.timeout).toBe(4000);
  } finally {
    c.close();
  }
});
