import { setFlagsFromString } from 'node:v8';

/**
 * Compiles the grammars' wasm with V8's baseline compiler (Liftoff) only. By default V8 also recompiles hot
 * wasm functions with TurboFan on background threads; for tree-sitter-bash that is about a second of CPU in the
 * first seconds of a process. On a two-core machine it competes with the analysis itself: measured on 1,000
 * analyses of a typical Dockerfile right after start, p95 5.0 ms with the default and 3.4 ms with Liftoff only.
 * TurboFan's code parses about 1.5 times faster once it is there (170 against 265 µs for a five-command RUN),
 * a tenth of a millisecond per edited RUN, which the editor never notices. A CLI run also cannot exit before
 * those compile jobs finish. Must run before the wasm is compiled: V8 reads the flag at compile time (and keys
 * its code cache by its flags).
 */
export function preferBaselineWasmCompiler(): void {
	setFlagsFromString('--liftoff-only');
}
