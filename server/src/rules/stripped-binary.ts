import { lookupLinkerFlag, strippingEffect } from '../knowledge';
import type { LinkerFlag, LinkerFlags } from '../model/go-command/types';
import type { GoBuild } from '../model/project';
import { buildText, removeLinkerFlags, replaceLinkerFlag } from './flag-edits';
import type { Rule, RuleContext } from './rule';
import type { Fix, RelatedInformation } from './types';

/**
 * `-ldflags "-s -w"` says what stops working (nm, perf and symbol-table-only profilers with -s; Delve and
 * gdb without DWARF) and what keeps working (panics, pprof, pclntab-based profilers): FACTS §2, §6 claims 8-9.
 * Never claims pprof breaks: it symbolizes in-process from .gopclntab, which -s never removes.
 */
export const strippedBinary: Rule = {
	id: 'stripped-binary',
	defaultSeverity: 'info',
	summary: 'The binary is linked with -s and/or -w: nm, perf and debuggers lose symbols or DWARF, while panics and pprof keep function names.',
	check(context: RuleContext) {
		for (const build of context.project.builds) {
			const ld = build.command.ldflags;
			const s = ld?.s?.enabled === true ? ld.s : undefined;
			const w = ld?.w?.enabled === true ? ld.w : undefined;
			if (!ld || (!s && !w)) continue;
			const text = buildText(context.project, build) ?? '';
			// Show -w=0 next to -s too: it is what decides whether DWARF stays.
			const shown = [s, ld.w].filter((f) => f !== undefined).sort((a, b) => a.span.start - b.span.start);
			// From GOFLAGS the span is the whole assignment: spell the flags out instead.
			const written = shown.map((f) => (ld.flag.source === 'command-line' && text ? text.slice(f.span.start, f.span.end) : `-${f.name}${f.enabled === false ? '=0' : ''}`)).join(' ');
			context.report({
				file: build.file,
				span: { start: shown[0].span.start, end: shown[shown.length - 1].span.end },
				message: messageFor(build, ld, written),
				related: related(build),
				fixes: fixesFor(build, text, ld, s, w),
			});
		}
	},
};

function effectOf(build: GoBuild, ld: LinkerFlags, s: boolean) {
	const goos = build.env.get('GOOS')?.value ?? 'linux';
	return strippingEffect({ s, w: ld.w?.enabled, goVersion: build.host.image?.goVersion, goos });
}

function messageFor(build: GoBuild, ld: LinkerFlags, written: string): string {
	const effect = effectOf(build, ld, ld.s?.enabled === true);
	const dwarfSince = lookupLinkerFlag('-w=0')?.byGoVersion?.find((v) => v.since)?.since ?? 'new enough';
	const implied = !effect.symbolTable && effect.dwarf === false && ld.w?.enabled !== true;
	const lost = effect.symbolTable ? 'DWARF' : effect.dwarf === false ? (implied ? 'the symbol table and, with it, DWARF' : 'the symbol table and DWARF') : 'the symbol table';
	const breaks = [
		...(effect.dwarf === false ? ['Delve refuses to start ("could not open debug info")', 'gdb loses source-level debugging'] : []),
		...(effect.symbolTable ? [] : ['nm, perf and profilers that read only the ELF symbol table show no function names']),
	];
	const ignoredW0 = implied && ld.w?.enabled === false ? ` (-w=0 keeps it only from Go ${dwarfSince})` : '';
	const dwarfNote = effect.dwarf === true && !effect.symbolTable ? ', and DWARF stays for Delve and gdb' : effect.dwarf === undefined ? `; DWARF stays only if the builder runs Go ${dwarfSince} or later, which is not known` : '';
	return `"${written}" strips ${lost}${ignoredW0}: ${listText(breaks)}; Go panic traces, pprof profiles and profilers that read .gopclntab keep function names${dwarfNote}`;
}

/** `a`, `a and b`, `a, b, and c`. */
function listText(items: readonly string[]): string {
	return items.length <= 2 ? items.join(' and ') : `${items.slice(0, -1).join(', ')}, and ${items[items.length - 1]}`;
}

function fixesFor(build: GoBuild, text: string, ld: LinkerFlags, s: LinkerFlag | undefined, w: LinkerFlag | undefined): Fix[] {
	const file = build.file;
	const fixes: (Fix | undefined)[] = [];
	// -w=0 is offered only where DWARF is lost now and the builder's Go honours it (1.22+, FACTS §2.1).
	const keepsDwarf = effectOf(build, ld, true).dwarf === false && strippingEffect({ s: true, w: false, goVersion: build.host.image?.goVersion }).dwarf === true;
	const edit = (title: string, e: Fix['edits'][number] | undefined): Fix | undefined => (e ? { title, edits: [e] } : undefined);
	if (s && keepsDwarf) {
		const target = w ?? s;
		const newText = w ? '-w=0' : `${text.slice(s.span.start, s.span.end)} -w=0`;
		fixes.push(edit(`Keep DWARF for Delve and gdb: "${w ? '-s -w' : '-s'}" → "-s -w=0"`, replaceLinkerFlag(file, ld, target, newText)));
	}
	if (s && w) {
		fixes.push(edit('Remove -s (the symbol table stays for nm and perf; -w still drops DWARF)', removeLinkerFlags(file, text, ld, [s])));
		fixes.push(edit('Remove -s and -w (keep the symbol table and DWARF)', removeLinkerFlags(file, text, ld, [s, w])));
	} else if (s) {
		fixes.push(edit('Remove -s (keep the symbol table and DWARF)', removeLinkerFlags(file, text, ld, [s])));
	} else if (w) {
		fixes.push(edit('Remove -w (keep DWARF for Delve and gdb)', removeLinkerFlags(file, text, ld, [w])));
	}
	return fixes.filter((f) => f !== undefined);
}

function related(build: GoBuild): RelatedInformation[] {
	const trimpath = build.command.trimpath;
	if (!trimpath) return [];
	return [{ file: build.file, span: trimpath.span, message: '-trimpath keeps -ldflags out of the build info: "go version -m" will not show that this binary is stripped; check for .symtab and .debug_* sections instead' }];
}
