import { createRequire } from 'node:module';

/**
 * neo4j-driver 6.3 decodes a Bolt message that reaches it in several pieces (a record over one
 * 64 KiB chunk, or one split between two socket reads) through a `CombinedBuffer`. That buffer
 * finds each byte by walking its pieces and decodes each string with a new `StringDecoder` over
 * all of them: the more pieces, the slower each byte. Reading one record of ~75 KB (the size of
 * the mission question's answer) cost the Node process 14.7 ms of CPU as the driver decodes it and
 * 5.7 ms with the pieces joined; one of ~900 KB, 158 against 43 ms (`bench/bolt-decode.bench.ts`,
 * bench/README "Large records and a young generation"). The API's root fields return few, large
 * records (a page, a comparison, a city profile), so nearly every large answer paid it.
 *
 * `joinBoltMessagePieces` makes the driver join the pieces of a message into one buffer, one copy,
 * before it decodes it. It reaches into the driver's internals (the dechunker of
 * neo4j-driver-bolt-connection), so it first checks on a message of its own that the internals
 * are the ones it knows and that a message in pieces still decodes to the same bytes; if not
 * (another driver version), it leaves the driver as it is and says so.
 */

interface ChunkBuffer {
  _buffer: Buffer;
  remaining(): number;
}

interface DechunkerInstance {
  _currentMessage: ChunkBuffer[];
  onmessage: (message: ChunkBuffer) => void;
  write(buffer: ChunkBuffer): void;
}

interface DechunkerClass {
  new (): DechunkerInstance;
  prototype: { _onHeader: (this: DechunkerInstance, header: number) => unknown };
}

type ChannelBufferClass = new (data: Buffer) => ChunkBuffer;

/** Whether the driver now joins a message's pieces; why not when it does not. */
export type JoinOutcome = { joined: true } | { joined: false; why: string };

let outcome: JoinOutcome | null = null;

export function joinBoltMessagePieces(): JoinOutcome {
  if (outcome) return outcome;
  try {
    // The driver's own copy of the connection package, wherever npm placed it.
    const load = createRequire(require.resolve('neo4j-driver'));
    const { Dechunker } = load('neo4j-driver-bolt-connection/lib/channel/chunking.js') as {
      Dechunker: DechunkerClass;
    };
    const ChannelBuffer = (
      load('neo4j-driver-bolt-connection/lib/channel/channel-buf.js') as {
        default: ChannelBufferClass;
      }
    ).default;
    const before = decodesInPieces(Dechunker, ChannelBuffer);
    if (before !== 'ok') return (outcome = { joined: false, why: before });
    const onHeader = Dechunker.prototype._onHeader;
    Dechunker.prototype._onHeader = function (this: DechunkerInstance, header: number) {
      const pieces = this._currentMessage;
      // A header of 0 ends the message: its pieces become one buffer before the driver sees it.
      if (header === 0 && pieces.length > 1 && pieces.every((p) => Buffer.isBuffer(p._buffer))) {
        this._currentMessage = [new ChannelBuffer(Buffer.concat(pieces.map((p) => p._buffer)))];
      }
      return onHeader.call(this, header);
    };
    const after = decodesInPieces(Dechunker, ChannelBuffer);
    if (after !== 'ok') {
      Dechunker.prototype._onHeader = onHeader;
      return (outcome = { joined: false, why: after });
    }
    return (outcome = { joined: true });
  } catch (error) {
    return (outcome = { joined: false, why: (error as Error).message });
  }
}

/**
 * Feeds a dechunker one message in three chunks, the second split across two writes, and checks
 * that the message it hands on holds exactly those bytes: 'ok', or what went wrong.
 */
function decodesInPieces(Dechunker: DechunkerClass, ChannelBuffer: ChannelBufferClass): string {
  const body = Buffer.from('Stabsstelle für Seniorinnen und Senioren – Bochum ✓', 'utf8');
  const chunk = (part: Buffer) => Buffer.concat([u16(part.length), part]);
  const pieces = [body.subarray(0, 7), body.subarray(7, 30), body.subarray(30)];
  const wire = Buffer.concat([...pieces.map(chunk), u16(0)]);
  const dechunker = new Dechunker();
  if (!Array.isArray(dechunker._currentMessage)) return 'the dechunker keeps no list of pieces';
  const received: Buffer[] = [];
  dechunker.onmessage = (message) => {
    const bytes: number[] = [];
    const reader = message as unknown as { readUInt8(): number };
    while (message.remaining() > 0) bytes.push(reader.readUInt8());
    received.push(Buffer.from(bytes));
  };
  const split = 2 + 7 + 2 + 10;
  dechunker.write(new ChannelBuffer(wire.subarray(0, split)));
  dechunker.write(new ChannelBuffer(wire.subarray(split)));
  if (received.length !== 1) return `the dechunker handed on ${received.length} messages, not 1`;
  return received[0]!.equals(body) ? 'ok' : 'a message in pieces decoded to other bytes';
}

function u16(value: number): Buffer {
  const out = Buffer.alloc(2);
  out.writeUInt16BE(value);
  return out;
}
