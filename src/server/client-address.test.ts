import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { clientAddressOf, trustFunction } from './client-address';

/** A request from `peer` carrying X-Forwarded-For `forwarded` (when given). */
function request(peer: string, forwarded?: string): IncomingMessage {
  const socket = new Socket();
  Object.defineProperty(socket, 'remoteAddress', { value: peer });
  const req = new IncomingMessage(socket);
  if (forwarded !== undefined) req.headers['x-forwarded-for'] = forwarded;
  return req;
}

describe('clientAddressOf', () => {
  it('names the peer and ignores X-Forwarded-For when no proxy is trusted', () => {
    const address = clientAddressOf(trustFunction(false));
    expect(address(request('192.0.2.1'))).toBe('192.0.2.1');
    expect(address(request('192.0.2.1', '203.0.113.7'))).toBe('192.0.2.1');
  });

  it('walks as many hops as TRUST_PROXY counts', () => {
    const oneHop = clientAddressOf(trustFunction(1));
    expect(oneHop(request('10.0.0.2', '203.0.113.7'))).toBe('203.0.113.7');
    expect(oneHop(request('10.0.0.2', '198.51.100.9, 203.0.113.7'))).toBe('203.0.113.7');
    expect(
      clientAddressOf(trustFunction(2))(request('10.0.0.2', '198.51.100.9, 203.0.113.7')),
    ).toBe('198.51.100.9');
  });

  it('trusts only the listed proxies', () => {
    const address = clientAddressOf(trustFunction(['loopback', '10.0.0.0/8']));
    expect(address(request('10.1.2.3', '203.0.113.7'))).toBe('203.0.113.7');
    expect(address(request('127.0.0.1', '10.9.9.9, 203.0.113.7'))).toBe('203.0.113.7');
    // The peer is not a listed proxy: what it says about its client is not believed.
    expect(address(request('192.0.2.1', '203.0.113.7'))).toBe('192.0.2.1');
  });
});
