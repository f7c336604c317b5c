/**
 * Linker flags (`-ldflags`) and what they break or keep (FACTS §2, §3.5, §8).
 */
import { facts, url, URLS } from './sources';
import type { Source } from './types';
import { goAtLeast } from './version';

/** One linker flag and its consequences. */
export interface LinkerFlag {
	/** Canonical spelling: `-s`, `-w`, `-w=0`, `-linkmode=external`, `-extldflags=-static`, `-X`, `-d`. */
	readonly flag: string;
	readonly summary: string;
	readonly breaks: readonly string[];
	readonly keepsWorking: readonly string[];
	/** Behaviour that depends on the Go version, e.g. `-w=0` only from 1.22. */
	readonly byGoVersion?: readonly { readonly since?: string; readonly before?: string; readonly text: string }[];
	/** Exact error texts related to the flag. */
	readonly errors?: readonly string[];
	readonly sources: readonly Source[];
}

/** The linker flags the rules reason about. */
export const LINKER_FLAGS: readonly LinkerFlag[] = [
	{
		flag: '-s',
		summary: 'omit the symbol table and debug information; implies -w (negate with -w=0, Go 1.22+)',
		breaks: [
			'nm: GNU nm prints "no symbols", go tool nm prints "no symbol section"',
			'perf report / perf top show raw hex addresses',
			'eBPF and other external profilers that read only ELF .symtab/.dynsym (e.g. blazesym) show hex addresses',
		],
		keepsWorking: [
			'.gopclntab is never removed: Go panic stack traces keep function names and lines',
			'runtime/pprof profiles keep function names (symbolized in-process from pclntab)',
			'go tool addr2line resolves addresses via pclntab',
			'profilers that parse .gopclntab (parca, opentelemetry-ebpf-profiler, datadog-agent)',
		],
		byGoVersion: [
			{ before: '1.22', text: 'on ELF -s already dropped DWARF (dwarfEnabled returns false when -s and not darwin); on darwin DWARF was kept' },
			{ since: '1.22', text: '-s implies -w on every platform unless -w is given explicitly; -s -w=0 keeps DWARF without the symbol table' },
		],
		sources: [facts('2.1'), facts('2.2'), facts('2.3')],
	},
	{
		flag: '-w',
		summary: 'omit the DWARF symbol table',
		breaks: [
			'Delve refuses to start: "could not launch process: could not open debug info" (go-delve/delve#2825, #2899)',
			'gdb loses source-level debugging and variables',
		],
		keepsWorking: ['Go panic stack traces (from pclntab)', 'runtime/pprof function names'],
		sources: [facts('2.1'), facts('2.3')],
	},
	{
		flag: '-w=0',
		summary: 'negates -w: keep DWARF even with -s',
		breaks: [],
		keepsWorking: ['Delve and gdb (DWARF present)'],
		byGoVersion: [
			{ before: '1.22', text: 'no effect together with -s on ELF: -s alone disabled DWARF' },
			{ since: '1.22', text: '-s -w=0 produces DWARF but no symbol table' },
		],
		sources: [facts('2.1', 'Go 1.22 release notes (golang/go#71051)')],
	},
	{
		flag: '-linkmode=external',
		summary: 'link with the external (C) linker; needs cgo',
		breaks: ['with CGO_ENABLED=0 the build fails (current cmd/go) or, in Go 1.19, the binary crashed at start'],
		keepsWorking: [],
		errors: ['-linkmode=external requires external (cgo) linking, but cgo is not enabled', 'loadinternal: cannot find runtime/cgo'],
		byGoVersion: [
			{ text: 'current cmd/go errors out (load/pkg.go LinkerDeps); reported in the wild with Go 1.22 (SagerNet/sing-box#1504)' },
			{ text: 'observed with go1.19.8: "loadinternal: cannot find runtime/cgo" and the binary crashed at start (SIGTRAP); the version that turned this into an error is not recorded' },
		],
		sources: [facts('3.5')],
	},
	{
		flag: '-extldflags=-static',
		summary: 'with cgo and external linking, link the C libraries statically',
		breaks: [
			'with glibc: NSS is still loaded dynamically; glibc warns "Using \'getaddrinfo\' in statically linked applications requires at runtime the shared libraries from the glibc version used for linking"',
		],
		keepsWorking: ['with musl (CC=musl-gcc) there is no such warning', 'the usual fix for the warning adds -tags netgo,osusergo (SCENARIOS 10)'],
		errors: ["Using 'getaddrinfo' in statically linked applications requires at runtime the shared libraries from the glibc version used for linking"],
		sources: [facts('3.5')],
	},
	{
		flag: '-extldflags=-static-pie',
		summary: 'with -buildmode=pie, cgo and external linking, produce a static PIE',
		breaks: ['needs cgo and external linking (golang/go#41944)'],
		keepsWorking: ['file reports "static-pie linked" and the binary runs'],
		sources: [facts('3.5')],
	},
	{
		flag: '-X',
		summary: 'set a string variable: -X importpath.name=value',
		breaks: ['only effective for a variable declared uninitialized or initialized to a constant string expression; not when the initializer calls a function or refers to other variables'],
		keepsWorking: ['unaffected by -s/-w'],
		byGoVersion: [{ text: 'with -trimpath, -ldflags (and so -X values) are not recorded in the build info (go.dev/issue/52372)' }],
		sources: [url(URLS.linkDoc, '2026-11-23', '-X importpath.name=value'), facts('8')],
	},
	{
		flag: '-d',
		summary: 'disable generation of dynamic executables',
		breaks: ['CGO_ENABLED=0 -buildmode=pie -ldflags -d is reported to segfault (golang/go#80464, go1.26.5)'],
		keepsWorking: [],
		sources: [facts('3.5'), url('https://pkg.go.dev/github.com/huandu/go/src/cmd/link', '2026-11-23', '"-d Disable generation of dynamic executables"')],
	},
];

const ALIASES: Record<string, string> = {
	'-w=false': '-w=0',
	'-w=1': '-w',
	'-w=true': '-w',
	'-s=true': '-s',
	'-s=1': '-s',
	'-linkmode external': '-linkmode=external',
	'-extldflags -static': '-extldflags=-static',
	'-extldflags -static-pie': '-extldflags=-static-pie',
};

/** Finds a flag by spelling (`-w=false` → `-w=0`; `-X main.v=1` → `-X`). */
export function lookupLinkerFlag(flag: string): LinkerFlag | undefined {
	let f = flag.trim().replace(/^--/, '-').replace(/\s+/g, ' ').replace(/["']/g, '');
	if (/^-X[ =]?/.test(f)) {
		f = '-X';
	}
	f = ALIASES[f] ?? f;
	return LINKER_FLAGS.find((l) => l.flag === f);
}

/** What a combination of -s / -w leaves in an ELF or Mach-O binary. */
export interface StripResult {
	readonly symbolTable: boolean;
	/** Undefined when it cannot be told (unknown Go version on darwin). */
	readonly dwarf: boolean | undefined;
	/** Always true: -s never removes .gopclntab. */
	readonly pclntab: true;
	readonly sources: readonly Source[];
}

/**
 * The effect of `-s`, `-w` (`true`/`false` when given explicitly, undefined when absent) for a Go version
 * and GOOS. `-w=0` is `w: false`.
 */
export function strippingEffect(opts: { s: boolean; w?: boolean; goVersion?: string; goos?: string }): StripResult {
	const sources = [facts('2.1')];
	const symbolTable = !opts.s;
	if (opts.w === true) {
		return { symbolTable, dwarf: false, pclntab: true, sources };
	}
	if (!opts.s) {
		return { symbolTable, dwarf: true, pclntab: true, sources };
	}
	const at122 = opts.goVersion !== undefined ? goAtLeast(opts.goVersion, '1.22') : undefined;
	if (at122 === true) {
		// 1.22+: -s implies -w unless -w is given; -w=0 keeps DWARF.
		return { symbolTable, dwarf: opts.w === false, pclntab: true, sources };
	}
	if (opts.goos !== 'darwin') {
		// ELF: -s disabled DWARF before 1.22 too; from 1.22 only -w=0 keeps it.
		return { symbolTable, dwarf: at122 === undefined && opts.w === false ? undefined : false, pclntab: true, sources };
	}
	return { symbolTable, dwarf: at122 === false ? true : undefined, pclntab: true, sources };
}

/** Build modes that need cgo or change linking (FACTS §3.2, §3.5). */
export const BUILDMODE_FACTS: readonly { readonly buildmode: string; readonly text: string; readonly sources: readonly Source[] }[] = [
	{ buildmode: 'pie', text: 'CGO_ENABLED=0 -buildmode=pie produces a dynamically linked PIE with an ELF interpreter (/lib64/ld-linux-x86-64.so.2 on amd64)', sources: [facts('3.5')] },
	{ buildmode: 'pie', text: 'on riscv64 and s390x, -buildmode=pie needs cgo (golang/go#64875, #77449)', sources: [facts('3.5')] },
	{ buildmode: 'plugin', text: 'always needs external linking, and therefore cgo', sources: [facts('3.2')] },
	{ buildmode: 'c-shared', text: 'always needs external linking, and therefore cgo; on darwin -w is forced (#61229)', sources: [facts('3.2'), facts('2.1')] },
];
