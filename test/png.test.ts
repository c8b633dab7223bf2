import zlib from 'node:zlib';
import { colourCounts, decodePng } from './png';

function chunk(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'latin1');
  // The decoder does not check CRCs.
  return Buffer.concat([head, body, Buffer.alloc(4)]);
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** An RGB PNG whose row y is written with filter y % 5, the way encoders choose per row. */
function encode(width: number, rows: number[][]): Buffer {
  const stride = width * 3;
  let previous = new Array<number>(stride).fill(0);
  const lines = rows.map((row, y) => {
    const filter = y % 5;
    const out = row.map((value, x) => {
      const left = x >= 3 ? row[x - 3]! : 0;
      const up = previous[x]!;
      const upLeft = x >= 3 ? previous[x - 3]! : 0;
      const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter]!;
      return (value - predictor + 256) & 0xff;
    });
    previous = row;
    return Buffer.from([filter, ...out]);
  });
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(rows.length, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(lines))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('decodePng', () => {
  it('undoes every filter type and reads the pixels back', () => {
    const rows = [0, 1, 2, 3, 4, 5].map((y) =>
      [0, 1, 2].flatMap((x) => [(x * 90 + y * 7) % 256, (y * 40) % 256, 200 - x * 60]),
    );
    const image = decodePng(encode(3, rows));
    expect([image.width, image.height]).toEqual([3, 6]);
    const pixels = rows.map((row) => [0, 1, 2].map((x) => [...row.slice(x * 3, x * 3 + 3), 255]));
    expect([...image.rgba]).toEqual(pixels.flat(2));
  });

  it('counts colours, most frequent first', () => {
    const white = [255, 255, 255];
    const red = [255, 0, 0];
    const image = decodePng(
      encode(2, [
        [...white, ...white],
        [...red, ...white],
      ]),
    );
    expect(colourCounts(image)).toEqual([
      [0xffffffff, 3],
      [0xff0000ff, 1],
    ]);
  });

  it('refuses what is not a PNG', () => {
    expect(() => decodePng(Buffer.from('GIF89a'))).toThrow('not a PNG');
  });
});
