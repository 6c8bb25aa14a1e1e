import { Buffer } from "node:buffer";

/** Base64 of a vector's float32 values, little-endian (how an `add` op carries its vector). */
export function encodeVector(vector: Float32Array): string {
  const bytes = new Uint8Array(vector.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < vector.length; i++) view.setFloat32(i * 4, vector[i]!, true);
  return Buffer.from(bytes).toString("base64");
}

/**
 * The vector {@link encodeVector} encoded.
 *
 * @throws {SyntaxError} when the text is not base64 of whole float32 values.
 */
export function decodeVector(text: string): Float32Array {
  const bytes = Buffer.from(text, "base64");
  if (bytes.length % 4 !== 0 || bytes.length === 0) {
    throw new SyntaxError(`not a base64 float32 vector (${bytes.length} bytes)`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Float32Array(bytes.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(i * 4, true);
  return out;
}
