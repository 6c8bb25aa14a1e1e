/**
 * The binary sidecar of one snapshot generation: everything bulky about the memories, read in
 * one go on an I/O thread while the metadata is parsed. After a 48-byte header come five
 * sections (little-endian, the byte order of every CPU lshml runs on), rows in the metadata's
 * column order:
 *
 *   vectors        float32: every memory's vector (its space's dims each)
 *   priors         float32: every memory's support prior (1 each)
 *   sketches       float32: every memory's coarse sketch (its space's sketch width each)
 *   text offsets   uint32: 2·rows + 1 offsets into the text bytes (intent, experience, …)
 *   text bytes     UTF-8: the intents and experiences, decoded only when used
 *
 * Priors and sketches are derived from the vectors; storing them saves ~25M additions when 50k
 * memories load. Texts live here rather than in the JSON metadata because decoding and parsing
 * them was the largest part of loading, and most are never read in a session.
 *
 *   bytes 0–7   "LSHMLVEC"
 *   8–11        format version (1), uint32
 *   12–15       snapshot generation, uint32 (must match the metadata)
 *   16–19       rows, uint32
 *   20–23       reserved (0)
 *   24–31       vector floats, float64
 *   32–39       sketch floats, float64
 *   40–47       text bytes, float64
 */
import type { TextTable } from "./_entry.ts";

const MAGIC = "LSHMLVEC";
/** Header size; a multiple of 16 keeps every float section aligned for typed-array views. */
export const VECTORS_HEADER_BYTES = 48;

/** The sections of a sidecar. */
export interface SidecarSections {
  readonly vectors: Float32Array;
  readonly priors: Float32Array;
  readonly sketches: Float32Array;
  readonly texts: TextTable;
}

/** One row as the sidecar stores it. */
export interface SidecarRow {
  readonly vector: Float32Array;
  readonly prior: number;
  readonly sketch: Float32Array;
}

/** The sizes a sidecar must have, from the metadata. */
export interface SidecarShape {
  readonly generation: number;
  readonly rows: number;
  readonly vectorFloats: number;
  readonly sketchFloats: number;
  readonly textBytes: number;
}

function assertLittleEndian(): void {
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) {
    throw new RangeError("the memory sidecar is little-endian; this CPU is big-endian");
  }
}

function byteLength(shape: SidecarShape): number {
  const floats = shape.vectorFloats + shape.rows + shape.sketchFloats;
  return VECTORS_HEADER_BYTES + floats * 4 + (2 * shape.rows + 1) * 4 + shape.textBytes;
}

/** Encodes the sidecar of `generation` from per-row vectors, priors and sketches, and texts. */
export function encodeSidecar(
  generation: number,
  rows: readonly SidecarRow[],
  texts: TextTable,
): Uint8Array {
  assertLittleEndian();
  const shape: SidecarShape = {
    generation,
    rows: rows.length,
    vectorFloats: rows.reduce((sum, row) => sum + row.vector.length, 0),
    sketchFloats: rows.reduce((sum, row) => sum + row.sketch.length, 0),
    textBytes: texts.bytes.length,
  };
  const bytes = new Uint8Array(byteLength(shape));
  const view = new DataView(bytes.buffer);
  bytes.set(new TextEncoder().encode(MAGIC), 0);
  view.setUint32(8, 1, true);
  view.setUint32(12, generation, true);
  view.setUint32(16, rows.length, true);
  view.setFloat64(24, shape.vectorFloats, true);
  view.setFloat64(32, shape.sketchFloats, true);
  view.setFloat64(40, shape.textBytes, true);
  const floats = shape.vectorFloats + rows.length + shape.sketchFloats;
  const body = new Float32Array(bytes.buffer, VECTORS_HEADER_BYTES, floats);
  let v = 0, s = shape.vectorFloats + rows.length;
  rows.forEach((row, i) => {
    body.set(row.vector, v);
    v += row.vector.length;
    body[shape.vectorFloats + i] = row.prior;
    body.set(row.sketch, s);
    s += row.sketch.length;
  });
  const textsAt = VECTORS_HEADER_BYTES + floats * 4;
  new Uint32Array(bytes.buffer, textsAt, texts.offsets.length).set(texts.offsets);
  bytes.set(texts.bytes, textsAt + texts.offsets.length * 4);
  return bytes;
}

/**
 * The sections of a sidecar, after checking its header against what the metadata says.
 *
 * @returns the sections (views into `bytes`), or a reason why the bytes are not that sidecar.
 */
export function decodeSidecar(bytes: Uint8Array, expected: SidecarShape): SidecarSections | string {
  assertLittleEndian();
  if (bytes.length < VECTORS_HEADER_BYTES) return `only ${bytes.length} bytes`;
  const magic = new TextDecoder().decode(bytes.subarray(0, 8));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (magic !== MAGIC || view.getUint32(8, true) !== 1) return "not an lshml memory sidecar";
  const found: SidecarShape = {
    generation: view.getUint32(12, true),
    rows: view.getUint32(16, true),
    vectorFloats: view.getFloat64(24, true),
    sketchFloats: view.getFloat64(32, true),
    textBytes: view.getFloat64(40, true),
  };
  if (JSON.stringify(found) !== JSON.stringify(expected)) {
    return `its header says ${JSON.stringify(found)}, the metadata ${JSON.stringify(expected)}`;
  }
  if (bytes.length !== byteLength(found)) return `${bytes.length} bytes`;
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice(); // unaligned: copy once
  const at = aligned.byteOffset + VECTORS_HEADER_BYTES;
  const floats = found.vectorFloats + found.rows + found.sketchFloats;
  const body = new Float32Array(aligned.buffer, at, floats);
  const priorsAt = found.vectorFloats, sketchesAt = priorsAt + found.rows;
  const offsets = new Uint32Array(aligned.buffer, at + floats * 4, 2 * found.rows + 1);
  return {
    vectors: body.subarray(0, priorsAt),
    priors: body.subarray(priorsAt, sketchesAt),
    sketches: body.subarray(sketchesAt),
    texts: {
      offsets,
      bytes: new Uint8Array(aligned.buffer, at + floats * 4 + offsets.byteLength, found.textBytes),
    },
  };
}
