// Generates Taper's PNG icons with node:zlib only (no image tool needed): the app icon at the sizes electron-builder
// wants, and tray icons for idle / scheduled / recording at 16, 24, 32, 48 px (+ @2x), plus macOS template images
// (black with alpha; macOS tints them). Run: node build/make-icons.mjs — the PNGs are committed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buffer) => {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};

/** RGBA pixels from `shade(x, y)` (coordinates in 0..1, sampled 4x4 per pixel for smooth edges). */
function png(size, shade) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < 4; sy++) {
        for (let sx = 0; sx < 4; sx++) {
          const [pr, pg, pb, pa] = shade((x + (sx + 0.5) / 4) / size, (y + (sy + 0.5) / 4) / size);
          r += pr * pa;
          g += pg * pa;
          b += pb * pa;
          a += pa;
        }
      }
      const offset = 1 + x * 4;
      row[offset] = a === 0 ? 0 : Math.round(r / a);
      row[offset + 1] = a === 0 ? 0 : Math.round(g / a);
      row[offset + 2] = a === 0 ? 0 : Math.round(b / a);
      row[offset + 3] = Math.round((a / 16) * 255);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const inCircle = (x, y, cx, cy, radius) => (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
const inRing = (x, y, cx, cy, outer, inner) => inCircle(x, y, cx, cy, outer) && !inCircle(x, y, cx, cy, inner);

/** A tape reel: ring with a hub; the status adds a dot (scheduled: amber clock dot, recording: red dot). */
function trayShade(status, template) {
  const ink = template ? [0, 0, 0] : [236, 239, 244];
  const accent = status === 'recording' ? [229, 57, 53] : [255, 179, 0];
  return (x, y) => {
    const hasDot = status !== 'idle';
    if (hasDot && inCircle(x, y, 0.78, 0.78, 0.2)) return template ? [0, 0, 0, 1] : [...accent, 1];
    if (hasDot && inCircle(x, y, 0.78, 0.78, 0.3)) return [0, 0, 0, 0];
    if (inRing(x, y, 0.45, 0.45, 0.42, 0.3) || inCircle(x, y, 0.45, 0.45, 0.1)) return [...ink, 1];
    return [0, 0, 0, 0];
  };
}

function appShade(x, y) {
  const inside = (x - 0.5) ** 2 + (y - 0.5) ** 2;
  if (inside > 0.47 ** 2) return [0, 0, 0, 0];
  if (inRing(x, y, 0.5, 0.5, 0.34, 0.24) || inCircle(x, y, 0.5, 0.5, 0.08)) return [255, 255, 255, 1];
  if (inCircle(x, y, 0.74, 0.74, 0.1)) return [229, 57, 53, 1];
  // Deep teal background with a gentle vertical gradient.
  return [16, Math.round(110 - 30 * y), Math.round(130 - 30 * y), 1];
}

const out = 'build/icons';
mkdirSync(join(out, 'tray'), { recursive: true });
for (const size of [16, 32, 48, 64, 128, 256, 512, 1024])
  writeFileSync(join(out, `icon-${size}.png`), png(size, appShade));
writeFileSync(join(out, 'icon.png'), png(1024, appShade));
for (const status of ['idle', 'scheduled', 'recording']) {
  for (const size of [16, 24, 32, 48]) {
    writeFileSync(join(out, 'tray', `tray-${status}-${size}.png`), png(size, trayShade(status, false)));
    writeFileSync(join(out, 'tray', `tray-${status}-${size}@2x.png`), png(size * 2, trayShade(status, false)));
  }
  // macOS menu bar: 16 pt template, "Template" suffix tells macOS to tint it.
  writeFileSync(join(out, 'tray', `tray-${status}Template.png`), png(16, trayShade(status, true)));
  writeFileSync(join(out, 'tray', `tray-${status}Template@2x.png`), png(32, trayShade(status, true)));
}
// Linux desktop files pick sizes from a folder of <size>x<size>.png.
mkdirSync(join(out, 'linux'), { recursive: true });
for (const size of [16, 32, 48, 64, 128, 256, 512])
  writeFileSync(join(out, 'linux', `${size}x${size}.png`), png(size, appShade));
