import { RequestType } from 'vscode-languageserver-protocol';

/**
 * `shipcheck/describeBinary`: the server reads an executable (bounded reads, never executed) and answers with the
 * `shipcheck inspect --format json` contract plus what a detailed view needs. The client never parses binaries
 * itself (STYLE §8). 64-bit addresses are hex strings; sizes and offsets are numbers.
 */
export interface DescribeBinaryParams {
	/** A local file path; or */
	readonly path?: string;
	/** a `file:` URI. */
	readonly uri?: string;
}

/** The JSON contract of one binary (mirrors the reader's BinaryDto; the LSP layer checks they agree). */
export interface BinaryContract {
	readonly format: 'elf' | 'macho' | 'pe';
	readonly class: 32 | 64;
	readonly machine: string;
	readonly type: string;
	readonly linkage: 'static' | 'static-pie' | 'dynamic';
	readonly interpreter: string | null;
	readonly libc: 'glibc' | 'musl' | 'none' | 'unknown';
	readonly glibcMin: string | null;
	readonly needed: string[];
	readonly versionNeeds: { file: string; versions: string[] }[];
	readonly sections: { name: string; type: string; address: string; offset: number; size: number; flags: string }[];
	readonly segments: { type: string; name: string; offset: number; address: string; fileSize: number; memSize: number; flags: string; align: number }[];
	readonly symtab: boolean;
	readonly dwarf: boolean;
	readonly gopclntab: boolean;
	/** Go build info; null for a binary that is not Go (a result, not an error). */
	readonly go: GoBuildInfoContract | null;
	readonly runsOn: RunsOn[];
}

export interface GoModuleContract {
	readonly path: string;
	readonly version: string;
	readonly sum: string;
	readonly replace: GoModuleContract | null;
}

export interface GoBuildInfoContract {
	readonly version: string;
	readonly path: string;
	readonly main: GoModuleContract | null;
	readonly deps: GoModuleContract[];
	readonly settings: Record<string, string>;
	readonly ldflags: { status: 'recorded'; value: string } | { status: 'not recorded'; why: string } | { status: 'absent' };
}

/** Whether a runtime image starts the binary: true, false, or null (not known). */
export interface RunsOn {
	readonly image: string;
	readonly ok: boolean | null;
	readonly why: string;
}

export interface ToolingRow {
	readonly id: 'go-runtime' | 'symbols' | 'debugger';
	readonly tools: string;
	readonly ok: boolean | null;
	readonly why: string;
}

/** What a detailed view shows beyond the contract. */
export interface BinaryDetailsContract {
	readonly endian: 'little' | 'big';
	readonly pie: boolean;
	readonly glibcMinSymbols: string[];
	readonly dynamic: { tag: string; type: string; value: string }[];
	readonly versionSymbols: { file: string; version: string; symbols: string[] }[];
	readonly notes: { section: string; owner: string; size: number; description: string }[];
	readonly tables: { name: string; kind: 'symbols' | 'dwarf' | 'go'; size: number | null }[];
	readonly notGoReason: string | null;
}

/** A decoded binary: the contract, the tooling verdict, details and the readelf-style text. */
export interface DescribedBinary extends BinaryContract {
	readonly file: { readonly name: string; readonly size: number };
	readonly tooling: ToolingRow[];
	readonly ldflags: { readonly status: 'recorded' | 'not recorded' | 'absent' | 'not a Go binary'; readonly text: string };
	readonly details: BinaryDetailsContract;
	/** readelf -W -S -l -d -V -n layout, the Go build info and the verdict, as `shipcheck inspect` prints it. */
	readonly text: string;
}

/** The file is broken at a known offset, or could not be read. */
export interface DescribeBinaryError {
	readonly error: { readonly message: string; readonly offset?: number };
}

/** Not an ELF, Mach-O or PE file (a result: the view says so kindly). */
export interface NotExecutable {
	readonly notExecutable: true;
	readonly reason: string;
}

export type DescribeBinaryResult = DescribedBinary | DescribeBinaryError | NotExecutable;

export namespace DescribeBinaryRequest {
	export const method = 'shipcheck/describeBinary' as const;
	export const type = new RequestType<DescribeBinaryParams, DescribeBinaryResult, void>(method);
}

export function isDescribeBinaryError(r: DescribeBinaryResult): r is DescribeBinaryError {
	return 'error' in r;
}

export function isNotExecutable(r: DescribeBinaryResult): r is NotExecutable {
	return 'notExecutable' in r;
}
