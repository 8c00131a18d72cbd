/**
 * The media behind the recording links: a real WebM video (a 2 s VP8 test pattern
 * shipped in assets/), and PNG thumbnails and screenshots drawn at the size asked for.
 */
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

let video: Buffer | undefined;
export function recordingVideo(): Buffer {
  video ??= readFileSync(new URL('./assets/recording.webm', import.meta.url));
  return video;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A PNG (8-bit RGB) whose pixel at (x, y) is `paint(x, y)`. */
export function encodePng(
  width: number,
  height: number,
  paint: (x: number, y: number) => [number, number, number],
): Buffer {
  const stride = width * 3 + 1;
  const raw = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    raw[y * stride] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const [r, g, b] = paint(x, y);
      const i = y * stride + 1 + x * 3;
      raw[i] = r;
      raw[i + 1] = g;
      raw[i + 2] = b;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // depth 8, RGB, deflate, no filter, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * A stand-in screenshot of a web page, drawn in proportion to any size: a title
 * bar, a hero band and text lines, so a resized one looks like the same page.
 */
export function screenshotPng(width: number, height: number): Buffer {
  return encodePng(width, height, (x, y) => {
    const u = x / width;
    const v = y / height;
    if (v < 0.08) return [32, 41, 64];
    if (v < 0.4) return [11 + Math.round(60 * u), 95, 255 - Math.round(60 * v)];
    const line = Math.floor((v - 0.45) / 0.07);
    const inLine = (v - 0.45) % 0.07 < 0.03 && v > 0.45 && u > 0.08 && u < 0.92 - (line % 3) * 0.15;
    return inLine ? [190, 196, 208] : [250, 250, 252];
  });
}
