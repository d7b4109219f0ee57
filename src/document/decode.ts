// Turns a draft's bytes into text: byte order marks, UTF-16, and a clear refusal of binary files and invalid UTF-8.

import { PoaError } from '../errors.js';
import type { Source } from '../types.js';

interface Signature {
  bytes: number[];
  what: string;
}

// Magic numbers of files users mistake for drafts; poa names what it found.
const SIGNATURES: Signature[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], what: 'a PDF document' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: 'an old Microsoft Office document (.doc)' },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: 'an RTF document' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive' },
];

const READS = 'poa reads markdown and plain-text drafts';

// What a ZIP archive holds, by a name or media type stored in it: Office and OpenDocument files are ZIP archives.
const ZIP_CONTENTS: Array<[string, string]> = [
  ['word/', 'a Word document (.docx)'],
  ['xl/', 'an Excel workbook (.xlsx)'],
  ['ppt/', 'a PowerPoint presentation (.pptx)'],
  ['application/vnd.oasis.opendocument.text', 'an OpenDocument text (.odt)'],
  ['application/vnd.oasis.opendocument.spreadsheet', 'an OpenDocument spreadsheet (.ods)'],
  ['application/epub+zip', 'an EPUB book'],
  ['application/vnd.apple.pages', 'a Pages document'],
];

const ZIP_EXTENSIONS: Record<string, string> = { docx: 'word/', xlsx: 'xl/', pptx: 'ppt/', odt: 'application/vnd.oasis.opendocument.text', ods: 'application/vnd.oasis.opendocument.spreadsheet', epub: 'application/epub+zip', pages: 'application/vnd.apple.pages' };

/** What a ZIP archive is: by what it holds, else by the file's extension. */
function zipKind(bytes: Uint8Array, path: string): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const [marker, what] of ZIP_CONTENTS) if (buffer.includes(marker, 0, 'latin1')) return what;
  const byExtension = ZIP_EXTENSIONS[/\.([a-z]+)$/i.exec(path)?.[1]?.toLowerCase() ?? ''];
  return ZIP_CONTENTS.find(([marker]) => marker === byExtension)?.[1] ?? 'a ZIP archive';
}

/** UTF-16 without a byte order mark: a NUL in (nearly) every other byte of the first few KB, and only there. */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const half = n / 2;
  if (odd >= half * 0.9 && even === 0) return 'utf-16le';
  if (even >= half * 0.9 && odd === 0) return 'utf-16be';
  return null;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  if (bytes.length < prefix.length) return false;
  return prefix.every((b, i) => bytes[i] === b);
}

function lineOfByte(bytes: Uint8Array, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decode a file's bytes. Throws PoaError naming the file for anything that is not text. */
export function decodeDraft(bytes: Uint8Array, path: string): Source {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    return { path, text: decodeUtf8(bytes.subarray(3), path, 3), bom: true, encoding: 'utf-8' };
  }
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) {
    throw new PoaError('UTF-32 text, which poa does not read', { subject: path, hint: 'save the draft as UTF-8' });
  }
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    if ((bytes.length - 2) % 2 !== 0) {
      throw new PoaError(`not valid ${encoding.toUpperCase()}: odd number of bytes`, {
        subject: path,
        hint: 'save the draft as UTF-8',
      });
    }
    try {
      const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(2));
      return { path, text, bom: true, encoding };
    } catch {
      throw new PoaError(`not valid ${encoding.toUpperCase()} text`, { subject: path, hint: 'save the draft as UTF-8' });
    }
  }
  for (const signature of SIGNATURES) {
    if (startsWith(bytes, signature.bytes)) {
      throw new PoaError(`binary file (${signature.what === 'a ZIP archive' ? zipKind(bytes, path) : signature.what})`, {
        subject: path,
        hint: `${READS}: export or copy the text into a .md or .txt file`,
      });
    }
  }
  const nul = bytes.indexOf(0);
  const utf16 = nul === -1 ? null : utf16WithoutBom(bytes);
  if (utf16) {
    throw new PoaError(`${utf16.toUpperCase()} text without a byte order mark`, {
      subject: path,
      hint: 'save the draft as UTF-8 (or as UTF-16 with a byte order mark, which poa also reads)',
    });
  }
  if (nul !== -1) {
    throw new PoaError(`binary file (NUL byte at offset ${nul})`, {
      subject: path,
      hint: `${READS}: export or copy the text into a .md or .txt file`,
    });
  }
  return { path, text: decodeUtf8(bytes, path, 0), bom: false, encoding: 'utf-8' };
}

function decodeUtf8(bytes: Uint8Array, path: string, offset: number): string {
  try {
    return utf8.decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    throw new PoaError(`invalid UTF-8 at byte ${bad + offset} (line ${lineOfByte(bytes, bad)})`, {
      subject: path,
      hint: 'save the draft as UTF-8 (in most editors: Save with encoding → UTF-8)',
    });
  }
}

/** Index of the first byte that starts an invalid UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return i;
    }
    if (i + need >= bytes.length) return i;
    let cp = b & (0xff >> (need + 2));
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return bytes.length;
}
