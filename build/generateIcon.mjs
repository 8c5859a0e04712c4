// Draws Lanyard's app icon (build/icon.png, 512×512 RGBA) with no dependencies: a rounded
// indigo tile with a white badge hanging from a lanyard strap. Run by `npm run package`
// before electron-builder, which derives the .ico and .icns from the PNG.
import { Buffer } from 'node:buffer'
import { writeFileSync } from 'node:fs'
import { deflateSync } from 'node:zlib'

const size = 512
const pixels = Buffer.alloc(size * size * 4)

function insideRoundedRectangle(x, y, left, top, right, bottom, radius) {
  const cx = Math.min(Math.max(x, left + radius), right - radius)
  const cy = Math.min(Math.max(y, top + radius), bottom - radius)
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2
}

function distanceToSegment(x, y, ax, ay, bx, by) {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)))
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay)))
}

function colourAt(x, y) {
  if (!insideRoundedRectangle(x, y, 16, 16, 496, 496, 96)) return [0, 0, 0, 0]
  const strap = Math.min(distanceToSegment(x, y, 150, 16, 256, 230), distanceToSegment(x, y, 362, 16, 256, 230))
  if (strap <= 18 && y <= 236) return [251, 191, 36, 255]
  if (insideRoundedRectangle(x, y, 156, 220, 356, 456, 28)) {
    if (insideRoundedRectangle(x, y, 226, 236, 286, 256, 10)) return [55, 48, 163, 255]
    if ((x - 256) ** 2 + (y - 318) ** 2 <= 42 ** 2) return [99, 102, 241, 255]
    if (insideRoundedRectangle(x, y, 196, 382, 316, 398, 8)) return [165, 180, 252, 255]
    if (insideRoundedRectangle(x, y, 216, 414, 296, 428, 7)) return [199, 210, 254, 255]
    return [255, 255, 255, 255]
  }
  const shade = Math.round(40 * (y / size))
  return [79 - shade / 2, 70 - shade / 2, 229 - shade, 255]
}

for (let y = 0; y < size; y += 1) {
  for (let x = 0; x < size; x += 1) pixels.set(colourAt(x + 0.5, y + 0.5), (y * size + x) * 4)
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
function crc32(buffer) {
  let c = 0xffffffff
  for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
function chunk(type, data) {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

const header = Buffer.alloc(13)
header.writeUInt32BE(size, 0)
header.writeUInt32BE(size, 4)
header.set([8, 6, 0, 0, 0], 8) // 8-bit RGBA, no interlace
const rows = Buffer.alloc(size * (size * 4 + 1))
for (let y = 0; y < size; y += 1) pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4)

const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(rows, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
])
writeFileSync(new URL('./icon.png', import.meta.url), png)
console.log(`build/icon.png written (${png.length} bytes)`)
