import type { BinaryInfo } from '../binary';
import { ldflagsStatus } from '../binary';

/** What a debugging or profiling tool can do with the binary (FACTS §2.2, §2.3). */
export interface ToolingEntry {
	/** Stable key: `go-runtime`, `symbols`, `debugger`. */
	readonly id: 'go-runtime' | 'symbols' | 'debugger';
	/** The tools, as users know them. */
	readonly tools: string;
	/** true works, false does not, null not applicable or not known. */
	readonly ok: boolean | null;
	readonly why: string;
}

/** How `-ldflags` shows in build info: `recorded`, `not recorded` (never "absent" when -trimpath hid it) or `absent`. */
export interface LdflagsVerdict {
	readonly status: 'recorded' | 'not recorded' | 'absent' | 'not a Go binary';
	readonly text: string;
}

/**
 * Tooling facts from what is really in the file: panics and pprof symbolize from `.gopclntab`, which `-s` never
 * removes; perf and nm need `.symtab`; delve and gdb need DWARF (FACTS §2).
 */
export function toolingVerdict(info: BinaryInfo): ToolingEntry[] {
	const t = info.tooling;
	const symbolTable = info.format === 'elf' ? '.symtab' : 'symbol table';
	const debugInfo = t.dwarf ? `DWARF present (${t.debugSections.join(', ')}${t.dwarfCompressed ? ', compressed' : ''})` : 'no DWARF (built with -w, or -s which implies it)';
	return [
		info.go
			? {
					id: 'go-runtime',
					tools: 'Go panics, pprof, go tool addr2line',
					ok: t.gopclntab,
					why: t.gopclntab ? 'the runtime symbolizes stacks from .gopclntab, which -s and -w never remove' : 'no .gopclntab found: stack traces may show bare addresses',
				}
			: { id: 'go-runtime', tools: 'Go panics, pprof, go tool addr2line', ok: null, why: 'not a Go binary' },
		{
			id: 'symbols',
			tools: 'nm, perf, profilers that read only the symbol table',
			ok: t.symtab,
			why: t.symtab ? `${symbolTable} present` : `no ${symbolTable} (built with -s): nm prints "no symbols" and perf shows raw addresses${info.go ? '; profilers that parse .gopclntab still work' : ''}`,
		},
		{
			id: 'debugger',
			tools: 'delve, gdb',
			ok: t.dwarf,
			why: t.dwarf ? debugInfo : `${debugInfo}: delve refuses to start ("could not open debug info") and gdb has no source view`,
		},
	];
}

/** `-ldflags` as build info records it (FACTS §8: -trimpath omits it, so its absence proves nothing). */
export function ldflagsVerdict(info: BinaryInfo): LdflagsVerdict {
	if (!info.go) return { status: 'not a Go binary', text: 'no Go build info' };
	const s = ldflagsStatus(info.go);
	if (s.status === 'recorded') return { status: 'recorded', text: `-ldflags=${s.value}` };
	if (s.status === 'not recorded') return { status: 'not recorded', text: `-ldflags not recorded: ${s.why}; .symtab and DWARF above are read from the file itself` };
	return { status: 'absent', text: 'built without -ldflags' };
}
