import http from 'node:http';

/**
 * A GraphQL client over plain `node:http` with keep-alive (no client library in the way), for
 * the API bench: one per server (ours, the peer).
 *
 * Keep-alive without `read ECONNRESET`. A keep-alive socket is closed by the server once it has
 * been idle for the server's `keepAliveTimeout` (Node: 5 s, announced as `Keep-Alive: timeout=5`;
 * Node 20 closes it about 1 s later still). An `http.Agent` with `keepAlive: true` and no
 * `timeout` of its own keeps idle sockets forever: Node honours the server's announcement only
 * when it is shorter than the agent's own timeout, and 0 (the default) counts as none. So a
 * request sent on a socket idle for just that long (between two phases of the bench, with the
 * event loop busy when the server's timer falls due) is written into a socket the server is
 * closing, and the server's kernel answers with a reset. The client therefore closes idle sockets
 * itself 1 s before the server would (`timeout` of the agent, which Node applies to free sockets),
 * and as a second line retries a request once when it fails with a reset on a reused socket
 * (every request of the bench is a read, so repeating it is safe); retries are counted.
 */
export class GraphqlClient {
  private readonly agent: http.Agent;
  /** HTTP requests sent, retries included. */
  requests = 0;
  /** Requests repeated after a reset on a reused keep-alive socket. */
  retries = 0;

  constructor(
    readonly port: number,
    readonly path: string,
    opts: {
      /** The server's `keepAliveTimeout` in ms (Node's default 5,000 when not set). */
      serverKeepAliveMs: number;
      maxSockets: number;
      /** Longest wait for an answer before the request fails. */
      requestTimeoutMs?: number;
    },
  ) {
    if (opts.serverKeepAliveMs < 2000) {
      throw new Error(`server keep-alive of ${opts.serverKeepAliveMs} ms is too short to reuse`);
    }
    this.agent = new http.Agent({
      keepAlive: true,
      maxSockets: opts.maxSockets,
      timeout: opts.serverKeepAliveMs - 1000,
    });
    this.requestTimeoutMs = opts.requestTimeoutMs ?? 120_000;
  }

  private readonly requestTimeoutMs: number;

  async request<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const body = JSON.stringify({ query, variables });
    try {
      return await this.send<T>(body);
    } catch (error) {
      if (!(error instanceof StaleSocketError)) throw error;
      this.retries += 1;
      return this.send<T>(body);
    }
  }

  private send<T>(body: string): Promise<T> {
    this.requests += 1;
    return new Promise<T>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: this.port,
          path: this.path,
          method: 'POST',
          agent: this.agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () => {
            try {
              const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
                data?: T;
                errors?: { message: string }[];
              };
              if (parsed.errors?.length || parsed.data === undefined || parsed.data === null) {
                reject(
                  new Error(
                    `GraphQL error (HTTP ${res.statusCode}): ${parsed.errors?.map((e) => e.message).join('; ')}`,
                  ),
                );
              } else resolve(parsed.data);
            } catch (error) {
              reject(error instanceof Error ? error : new Error(String(error)));
            }
          });
        },
      );
      req.setTimeout(this.requestTimeoutMs, () =>
        req.destroy(new Error(`no answer within ${this.requestTimeoutMs} ms`)),
      );
      req.on('error', (error: NodeJS.ErrnoException) => {
        // Before any answer, on a socket an earlier request left open: the server closed it.
        const stale = req.reusedSocket && (error.code === 'ECONNRESET' || error.code === 'EPIPE');
        reject(stale ? new StaleSocketError(error) : error);
      });
      req.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

class StaleSocketError extends Error {
  constructor(cause: Error) {
    super(`${cause.message} (on a reused keep-alive socket)`, { cause });
  }
}
