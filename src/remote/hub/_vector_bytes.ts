/** Vector ⇄ bytes for the hub's tables (private to the hub). */

/** Encodes a float32 vector as bytes (little-endian, the platform order of every target). */
export function encodeVector(vector: Float32Array): Uint8Array {
  return new Uint8Array(
    vector.buffer.slice(vector.byteOffset, vector.byteOffset + vector.byteLength),
  );
}

/**
 * Decodes bytes written by {@link encodeVector}; copies, since a driver's buffer may be
 * unaligned or pooled.
 *
 * @throws {RangeError} when the byte length is not a multiple of 4.
 */
export function decodeVector(bytes: Uint8Array): Float32Array {
  if (bytes.byteLength % 4 !== 0) {
    throw new RangeError(`a stored vector has ${bytes.byteLength} bytes, not a multiple of 4`);
  }
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return new Float32Array(copy.buffer);
}
