/**
 * A one-byte fix of tree-sitter-yaml 0.7.1's external scanner, applied to its wasm before it is loaded.
 *
 * The scanner's `serialize()` writes its indentation stack, four bytes a level, into tree-sitter's 1,024-byte
 * serialization buffer, but its loop guard only checks that one byte is free: when the stack is deeper than 253
 * levels the last entry lands two bytes past the buffer (upstream: tree-sitter-grammars/tree-sitter-yaml#48,
 * fix proposed in #47, not released). Natively that is a buffer overflow; in web-tree-sitter the grammar shares
 * linear memory with the runtime, and the two bytes overwrite the next field of the parser (its stack pointer).
 * Found by our fuzzer (`npm run fuzz -- --seed 1124 --case 9628`): a workflow whose `run:` holds 250 nested
 * `- ` on one line after a mis-indented key trapped with "memory access out of bounds" and left every later
 * parse, bash included, failing in the same way. Deep nesting is reachable from any file a user opens, so the
 * product must not depend on the grammar's luck.
 *
 * The fix is the upstream one: write an entry only when all four of its bytes fit. clang compiled the guard as
 * `previous size < 1020` at the loop's end (sizes run 10, 14, …): 1018 instead makes the last entry end at
 * byte 1022 and the function return at most 1022, as #47's `size + 4 <= 1024` does. A stack deeper than that
 * is truncated, as upstream already does for deeper stacks than the buffer holds: the parse of such a file may
 * be wrong, never the memory.
 */

/** The pinned grammar's size, and where the guard's constant is. */
const EXPECTED_LENGTH = 189_255;
const GUARD_OFFSET = 0x1725;
/** `local.get 0; i32.const 1020; i32.lt_u; local.set 6; local.get 2; local.set 0; local.get 6; br_if 0; end; end; local.get 2; end`. */
const GUARD_CODE = [0x20, 0x00, 0x41, 0xfc, 0x07, 0x49, 0x21, 0x06, 0x20, 0x02, 0x21, 0x00, 0x20, 0x06, 0x0d, 0x00, 0x0b, 0x0b, 0x20, 0x02, 0x0b];
/** The low byte of the constant's LEB128 encoding: 1020 is FC 07, 1018 is FA 07. */
const CONSTANT_LOW_BYTE = GUARD_OFFSET + 3;
const FIXED_LOW_BYTE = 0xfa;

/**
 * The grammar with its serializer bounded; other bytes, or another version of the grammar, unchanged (the unit
 * test fails when package.json pins a version this does not recognise, so the fix is never silently lost).
 */
export function boundYamlScannerState(wasm: Uint8Array): Uint8Array {
	if (!isPinnedGrammar(wasm)) return wasm;
	const fixed = wasm.slice();
	fixed[CONSTANT_LOW_BYTE] = FIXED_LOW_BYTE;
	return fixed;
}

/** Whether these are the bytes of tree-sitter-yaml 0.7.1's wasm, still with the unbounded guard. */
export function isPinnedGrammar(wasm: Uint8Array): boolean {
	return wasm.length === EXPECTED_LENGTH && GUARD_CODE.every((byte, i) => wasm[GUARD_OFFSET + i] === byte);
}
