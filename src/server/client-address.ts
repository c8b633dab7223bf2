import type { IncomingMessage } from 'node:http';
import proxyaddr from 'proxy-addr';
import type { TrustProxy } from '../config';

/** Whether an address (the `i`-th hop from the socket inward) is a proxy we trust. */
export type TrustFunction = (address: string, hop: number) => boolean;

/** TRUST_PROXY as a function, as Express compiles its `trust proxy` setting. */
export function trustFunction(trust: TrustProxy): TrustFunction {
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return proxyaddr.compile(trust === false ? [] : trust);
}

/**
 * The client's address: the socket's peer, or the nearest untrusted address of X-Forwarded-For
 * when the peer is a trusted proxy (Express's `req.ip` under the same setting). The rate limit's
 * key, and what logs name.
 */
export function clientAddressOf(trust: TrustFunction): (req: IncomingMessage) => string {
  return (req) => proxyaddr(req, trust);
}
