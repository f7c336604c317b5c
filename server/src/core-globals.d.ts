// The core is type-checked without @types/node or the DOM lib so that nothing Node-only slips in.
// These are the only host globals it may use; both Node and browsers provide them.
declare class TextDecoder {
	constructor(label?: string, options?: { fatal?: boolean });
	decode(input?: Uint8Array): string;
}
declare class TextEncoder {
	encode(input?: string): Uint8Array;
}
declare const console: { log(...args: unknown[]): void; error(...args: unknown[]): void };
/** High-resolution clock (the parse time backstop, parse/tree-sitter.ts). */
declare const performance: { now(): number };
