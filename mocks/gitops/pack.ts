/**
 * Writes many blobs into the repository as one packfile (and its version 2
 * index) instead of one loose object file each: an export of 500 workloads
 * is 500 and more files, and writing as many small files costs far more than
 * hashing and compressing them (about 40 ms here). Pure JavaScript (fflate's
 * zlib, @noble/hashes' SHA-1) over the injected file system, so it runs
 * wherever isomorphic-git does. Git's formats: gitformat-pack(5).
 */
import { sha1 } from '@noble/hashes/legacy';
import { bytesToHex } from '@noble/hashes/utils';
import { zlibSync } from 'fflate';
import type { PromiseFsClient } from 'isomorphic-git';

const BLOB = 3;

let crcTable: Uint32Array | undefined;
function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** The object header of a pack entry: type and size, 7 bits a byte after the first 4. */
function entryHeader(type: number, size: number): Uint8Array {
  const out: number[] = [];
  let byte = (type << 4) | (size & 0x0f);
  let rest = Math.floor(size / 16);
  while (rest > 0) {
    out.push(byte | 0x80);
    byte = rest & 0x7f;
    rest = Math.floor(rest / 128);
  }
  out.push(byte);
  return Uint8Array.from(out);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function uint32(value: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, value >>> 0);
  return out;
}

/** The git object id of a blob. */
export function blobId(content: Uint8Array): string {
  return bytesToHex(
    sha1(
      concat([new TextEncoder().encode(`blob ${content.length}\0`), content]),
    ),
  );
}

/** Writes `blobs` as one pack (and index) into `gitdir`; their object ids, in order. */
export async function writeBlobPack(
  fs: PromiseFsClient,
  gitdir: string,
  blobs: readonly Uint8Array[],
): Promise<string[]> {
  const ids = blobs.map(blobId);
  if (blobs.length === 0) return ids;
  const parts: Uint8Array[] = [
    new TextEncoder().encode('PACK'),
    uint32(2),
    uint32(blobs.length),
  ];
  let offset = 12;
  const entries = blobs.map((blob, i) => {
    const packed = concat([
      entryHeader(BLOB, blob.length),
      zlibSync(blob, { level: 1 }),
    ]);
    const entry = { id: ids[i], offset, crc: crc32(packed) };
    parts.push(packed);
    offset += packed.length;
    return entry;
  });
  const body = concat(parts);
  const packSum = sha1(body);
  const pack = concat([body, packSum]);

  // The index: fan-out by first byte, sorted ids, CRCs, 31-bit offsets (packs here stay far below 2 GiB).
  const unique = [...new Map(entries.map((e) => [e.id, e])).values()].sort(
    (a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const fanout = new Uint32Array(256);
  for (const e of unique) fanout[parseInt(e.id.slice(0, 2), 16)] += 1;
  for (let i = 1; i < 256; i++) fanout[i] += fanout[i - 1];
  const idxBody = concat([
    Uint8Array.from([0xff, 0x74, 0x4f, 0x63]),
    uint32(2),
    ...Array.from(fanout, uint32),
    ...unique.map((e) =>
      Uint8Array.from(e.id.match(/../g)!.map((h) => parseInt(h, 16))),
    ),
    ...unique.map((e) => uint32(e.crc)),
    ...unique.map((e) => uint32(e.offset)),
    packSum,
  ]);
  const idx = concat([idxBody, sha1(idxBody)]);
  const name = `${gitdir}/objects/pack/pack-${bytesToHex(packSum)}`;
  try {
    await fs.promises.mkdir(`${gitdir}/objects/pack`);
  } catch {
    // exists
  }
  // The pack first, then its index: a reader finds a pack only through its index.
  await fs.promises.writeFile(`${name}.pack`, pack);
  await fs.promises.writeFile(`${name}.idx`, idx);
  return ids;
}
