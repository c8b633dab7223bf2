import { createRequire } from 'node:module';
import { joinBoltMessagePieces } from './bolt-messages';

/* The driver's dechunker, as the connection uses it: after the join, a message in pieces reaches
   the decoder as one plain buffer holding exactly the message's bytes. */

const load = createRequire(require.resolve('neo4j-driver'));
const { Dechunker } = load('neo4j-driver-bolt-connection/lib/channel/chunking.js') as {
  Dechunker: new () => {
    onmessage: (message: { _buffer?: Buffer; _buffers?: unknown[] }) => void;
    write(buffer: unknown): void;
  };
};
const ChannelBuffer = (
  load('neo4j-driver-bolt-connection/lib/channel/channel-buf.js') as {
    default: new (data: Buffer) => unknown;
  }
).default;

function chunked(body: Buffer, sizes: number[]): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (const size of [...sizes, body.length]) {
    const part = body.subarray(at, Math.min(body.length, at + size));
    if (part.length === 0) break;
    const header = Buffer.alloc(2);
    header.writeUInt16BE(part.length);
    parts.push(header, part);
    at += part.length;
  }
  return Buffer.concat([...parts, Buffer.alloc(2)]);
}

function messagesOf(wire: Buffer, writes: number[]) {
  const dechunker = new Dechunker();
  const out: { _buffer?: Buffer; _buffers?: unknown[] }[] = [];
  dechunker.onmessage = (message) => out.push(message);
  let at = 0;
  for (const end of [...writes, wire.length]) {
    dechunker.write(new ChannelBuffer(wire.subarray(at, end)));
    at = end;
  }
  return out;
}

describe('joinBoltMessagePieces', () => {
  it('joins with the installed driver', () => {
    expect(joinBoltMessagePieces()).toEqual({ joined: true });
    // Once per process: a second call changes nothing.
    expect(joinBoltMessagePieces()).toEqual({ joined: true });
  });

  it('hands on a message of several chunks, split across writes, as one buffer of its bytes', () => {
    joinBoltMessagePieces();
    const body = Buffer.from(
      'Fachstelle „Älter werden in Bremerhaven“ – 2019 ✓ '.repeat(300),
      'utf8',
    );
    // Three chunks; the second write cuts the second chunk and a multi-byte character.
    const wire = chunked(body, [5000, 4003]);
    const messages = messagesOf(wire, [7001, 12000]);
    expect(messages).toHaveLength(1);
    expect(messages[0]!._buffers).toBeUndefined();
    expect(messages[0]!._buffer!.equals(body)).toBe(true);
  });

  it('leaves a message of one piece and the messages around it as they were', () => {
    joinBoltMessagePieces();
    const one = Buffer.from('RECORD', 'utf8');
    const two = Buffer.from('zweiter Teil', 'utf8');
    const wire = Buffer.concat([chunked(one, []), chunked(two, [4])]);
    const messages = messagesOf(wire, []);
    expect(messages.map((m) => m._buffer!.toString('utf8'))).toEqual(['RECORD', 'zweiter Teil']);
  });
});
