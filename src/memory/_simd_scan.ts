/**
 * A WebAssembly SIMD kernel for the coarse pass of recall: scores[r] = Σⱼ query[j] · rows[r][j]
 * for every row of a row-major float32 matrix, four lanes at a time. It is what makes a scan
 * of 100k sketches take ~3 ms instead of ~9 ms in plain JavaScript (it runs at memory speed).
 * Exact similarities still come from `dot` in src/embed; this kernel only preselects.
 *
 * The module is assembled here from its instructions (no toolchain, no binary blob), this text:
 *
 * ```wat
 * (module
 *   (memory (export "memory") 1)
 *   (func (export "scan") (param $q i32) (param $rows i32) (param $count i32) (param $width i32)
 *                         (param $out i32) (local $r i32) (local $j i32) (local $a v128) (local $b v128)
 *     (block $done (loop $row
 *       (br_if $done (i32.ge_u (local.get $r) (local.get $count)))
 *       (local.set $a (v128.const i64x2 0 0)) (local.set $b (v128.const i64x2 0 0))
 *       (local.set $j (i32.const 0))
 *       (block $end (loop $col                                   ;; width is a multiple of 8
 *         (br_if $end (i32.ge_u (local.get $j) (local.get $width)))
 *         (local.set $a (f32x4.add (local.get $a) (f32x4.mul
 *           (v128.load offset=0 (i32.add (local.get $q) (i32.shl (local.get $j) (i32.const 2))))
 *           (v128.load offset=0 (i32.add (local.get $rows) (i32.shl (local.get $j) (i32.const 2)))))))
 *         (local.set $b ( …the same with offset=16… ))
 *         (local.set $j (i32.add (local.get $j) (i32.const 8)))
 *         (br $col)))
 *       (local.set $a (f32x4.add (local.get $a) (local.get $b)))
 *       (f32.store (i32.add (local.get $out) (i32.shl (local.get $r) (i32.const 2)))
 *         (f32.add (f32.add (f32.add (f32x4.extract_lane 0 (local.get $a))
 *           (f32x4.extract_lane 1 (local.get $a))) (f32x4.extract_lane 2 (local.get $a)))
 *           (f32x4.extract_lane 3 (local.get $a))))
 *       (local.set $rows (i32.add (local.get $rows) (i32.shl (local.get $width) (i32.const 2))))
 *       (local.set $r (i32.add (local.get $r) (i32.const 1)))
 *       (br $row)))))
 * ```
 *
 * @module
 */

/** Unsigned LEB128, the encoding of every count and index in a module. */
function uleb(value: number): number[] {
  const out: number[] = [];
  let n = value >>> 0;
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

const vector = (items: readonly number[][]): number[] => [...uleb(items.length), ...items.flat()];
const section = (id: number, body: readonly number[]) => [id, ...uleb(body.length), ...body];
const name = (text: string) => vector([...new TextEncoder().encode(text)].map((b) => [b]));

const I32 = 0x7f, V128 = 0x7b, EMPTY_BLOCK = 0x40;
const Op = {
  block: 0x02,
  loop: 0x03,
  br: 0x0c,
  brIf: 0x0d,
  end: 0x0b,
  get: 0x20,
  set: 0x21,
  i32Const: 0x41,
  i32GeU: 0x4f,
  i32Add: 0x6a,
  i32Shl: 0x74,
  f32Add: 0x92,
  f32Store: 0x38,
} as const;
/** SIMD instructions: the 0xfd prefix, then the opcode as LEB128. */
const simd = (opcode: number, ...immediates: number[]) => [0xfd, ...uleb(opcode), ...immediates];
const v128Load = (offset: number) => simd(0x00, 4, ...uleb(offset)); // align 2^4 = 16 bytes
const v128Zero = simd(0x0c, ...new Array<number>(16).fill(0));
const f32x4ExtractLane = (lane: number) => simd(0x1f, lane);
const f32x4Add = simd(0xe4);
const f32x4Mul = simd(0xe6);

const [Q, ROWS, COUNT, WIDTH, OUT, R, J, A, B] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
const get = (local: number) => [Op.get, local];
const set = (local: number) => [Op.set, local];
const i32 = (value: number) => [Op.i32Const, value]; // small non-negative constants only
/** `base + j·4`, the address of float j of a row. */
const at = (base: number) => [...get(base), ...get(J), ...i32(2), Op.i32Shl, Op.i32Add];
const accumulate = (acc: number, offset: number) => [
  ...get(acc),
  ...at(Q),
  ...v128Load(offset),
  ...at(ROWS),
  ...v128Load(offset),
  ...f32x4Mul,
  ...f32x4Add,
  ...set(acc),
];

// deno-fmt-ignore
const body = [
  ...vector([[2, I32], [2, V128]]), // locals: $r, $j (i32); $a, $b (v128)
  Op.block, EMPTY_BLOCK, Op.loop, EMPTY_BLOCK, // $done, $row
  ...get(R), ...get(COUNT), Op.i32GeU, Op.brIf, 1,
  ...v128Zero, ...set(A), ...v128Zero, ...set(B), ...i32(0), ...set(J),
  Op.block, EMPTY_BLOCK, Op.loop, EMPTY_BLOCK, // $end, $col
  ...get(J), ...get(WIDTH), Op.i32GeU, Op.brIf, 1,
  ...accumulate(A, 0), ...accumulate(B, 16),
  ...get(J), ...i32(8), Op.i32Add, ...set(J),
  Op.br, 0, Op.end, Op.end,
  ...get(OUT), ...get(R), ...i32(2), Op.i32Shl, Op.i32Add, // address of scores[r]
  ...get(A), ...get(B), ...f32x4Add, ...set(A),
  ...get(A), ...f32x4ExtractLane(0), ...get(A), ...f32x4ExtractLane(1), Op.f32Add,
  ...get(A), ...f32x4ExtractLane(2), Op.f32Add, ...get(A), ...f32x4ExtractLane(3), Op.f32Add,
  Op.f32Store, 2, 0, // align 2^2, offset 0
  ...get(ROWS), ...get(WIDTH), ...i32(2), Op.i32Shl, Op.i32Add, ...set(ROWS),
  ...get(R), ...i32(1), Op.i32Add, ...set(R),
  Op.br, 0, Op.end, Op.end,
  Op.end,
];

/** The kernel's binary module (see the module doc for its text form). */
export function simdScanModule(): Uint8Array<ArrayBuffer> {
  const header = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]; // "\0asm", version 1
  return new Uint8Array([
    ...header,
    ...section(1, vector([[0x60, ...vector([[I32], [I32], [I32], [I32], [I32]]), 0]])), // type
    ...section(3, vector([[0]])), // function 0 has type 0
    ...section(5, vector([[0x00, ...uleb(1)]])), // one memory, 1 page to start, no maximum
    ...section(7, vector([[...name("memory"), 0x02, 0], [...name("scan"), 0x00, 0]])), // exports
    ...section(10, vector([[...uleb(body.length), ...body]])), // code
  ]);
}

/** The kernel's exports. */
export interface SimdScan {
  readonly memory: WebAssembly.Memory;
  /** Writes `count` float32 scores at byte `out`; rows of `width` floats (a multiple of 8). */
  readonly scan: (query: number, rows: number, count: number, width: number, out: number) => void;
}

let compiled: WebAssembly.Module | null | undefined;

/**
 * A fresh instance of the kernel (its own memory), or `null` where WebAssembly SIMD is not
 * available — the caller then scans in JavaScript.
 */
export function instantiateSimdScan(): SimdScan | null {
  if (compiled === undefined) {
    const bytes = simdScanModule();
    compiled = typeof WebAssembly === "object" && WebAssembly.validate(bytes)
      ? new WebAssembly.Module(bytes)
      : null;
  }
  if (compiled === null) return null;
  const instance = new WebAssembly.Instance(compiled);
  return instance.exports as unknown as SimdScan;
}
