import { compareDottedVersions, describeGlibcFloorFailures, summariseTargets, type Libc } from '../knowledge';
import type { RuleContext } from './rule';
import { dynamicLibcFamily, notLinuxReason } from './binary-verdict';
import { contextBinaries, type ContextBinary } from './context-binary';
import { describeImage, imageName } from './describe';
import { libcShims, shimLabels } from './libc-shims';
import type { FindingInput, RelatedInformation, Severity } from './types';

/**
 * The findings `libc-mismatch` and `glibc-too-old` make from a binary that is in the workspace and copied into
 * an image from the build context (context-binary.ts): the same rules as for a predicted build, fed by what the
 * file says (its ELF interpreter, NEEDED libraries and GLIBC_x.y version needs) instead of a prediction. The
 * facts are read, so a finding is an error whenever the image is known; an image the knowledge base does not
 * describe gets information at most.
 */

/** A dynamically linked Linux executable: its loader's C library, or undefined when it is no such file. */
interface DynamicFacts {
	readonly interpreter: string;
	readonly family: 'glibc' | 'musl' | undefined;
	/** A PIE built without cgo names a loader but needs no libc.so (FACTS §3.5). */
	readonly loaderOnly: boolean;
}

function dynamicFacts(b: ContextBinary): DynamicFacts | undefined {
	const info = b.info;
	// A shared object without PT_INTERP is a library, not something the image starts.
	if (info.format !== 'elf' || info.linkage !== 'dynamic' || !info.interpreter || notLinuxReason(info)) return undefined;
	const family = dynamicLibcFamily(info);
	const loaderOnly = !info.needed.some((n) => /^libc\.(so(\.\d+)?|musl-[a-z0-9_]+\.so\.1)$/.test(n));
	return { interpreter: info.interpreter, family, loaderOnly };
}

/** `"/app" (dist/app in the build context)`. */
function binaryName(b: ContextBinary): string {
	const source = b.source.path.replace(/^\.\/+/, '');
	return b.landing ? `"${b.landing}" (${source} in the build context)` : `"${source}" (in the build context)`;
}

const READ = 'read from the file in the workspace';

/** `libc-mismatch` for workspace binaries: a loader or C library the image does not have. */
export function contextLibcFindings(context: RuleContext): FindingInput[] {
	const out: FindingInput[] = [];
	for (const b of contextBinaries(context.project, context.fs)) {
		const facts = dynamicFacts(b);
		if (!facts?.family) continue;
		const runtime = b.stage.image?.libc;
		if (!runtime) {
			out.push(unknownRuntime(b, facts));
			continue;
		}
		const missing = whatIsMissing(facts, runtime);
		if (!missing) continue;
		const shims = facts.family === 'glibc' ? libcShims(b.stage) : [];
		const severity: Severity = shims.length === 0 ? 'error' : 'warning';
		const outcome = shims.length > 0 ? `with ${shimLabels(shims)} it may start, then fail with "Error relocating …: symbol not found"` : 'it will fail to start with "no such file or directory"';
		out.push({
			file: b.copy.file,
			span: b.copy.instruction.span,
			severity,
			message: `${binaryName(b)} is dynamically linked against ${facts.family} with the loader "${facts.interpreter}" (${READ}) but ${describeImage(b.stage)} ${missing}: ${outcome}`,
			related: [...related(b), ...shims.map((shim) => ({ file: shim.file, span: shim.span, message: `${shim.label}: a glibc workaround on musl (see libc-workaround)` }))],
		});
	}
	return out;
}

function whatIsMissing(facts: DynamicFacts, runtime: Libc): string | undefined {
	if (runtime.family === 'none') return facts.loaderOnly ? 'has no ELF loader' : 'has no C library and no loader';
	if (runtime.family === facts.family) return undefined;
	return `has ${runtime.version ? `${runtime.family} ${runtime.version}` : runtime.family}, not ${facts.family}`;
}

function unknownRuntime(b: ContextBinary, facts: DynamicFacts): FindingInput {
	return {
		file: b.copy.file,
		span: b.copy.instruction.span,
		severity: 'info',
		message: `the C library of ${imageName(b.stage)} is not known, so whether ${binaryName(b)} (dynamically linked against ${facts.family} with the loader "${facts.interpreter}", ${READ}) can start there cannot be checked; state it in .shipcheck.yaml under images:`,
		related: related(b),
	};
}

/** `glibc-too-old` for workspace binaries: the highest GLIBC_x.y the file needs, above the image's glibc. */
export function contextGlibcFindings(context: RuleContext): FindingInput[] {
	const out: FindingInput[] = [];
	for (const b of contextBinaries(context.project, context.fs)) {
		const facts = dynamicFacts(b);
		const floor = b.info.glibcMin;
		const runtime = b.stage.image?.libc;
		if (facts?.family !== 'glibc' || !floor || runtime?.family !== 'glibc' || runtime.version === undefined) continue;
		if (compareDottedVersions(floor, runtime.version) <= 0) continue;
		const symbols = symbolList(b.info.glibcMinSymbols);
		const failures = summariseTargets(describeGlibcFloorFailures(floor));
		out.push({
			file: b.copy.file,
			span: b.copy.instruction.span,
			severity: 'error',
			message: `${binaryName(b)} needs GLIBC_${floor}${symbols ? ` for ${symbols}` : ''} (${READ}) but ${describeImage(b.stage)} has glibc ${runtime.version}: it will fail to start with "version \`GLIBC_${floor}' not found"`,
			related: related(b, failures ? `; GLIBC_${floor} is newer than the glibc of ${failures}` : ''),
		});
	}
	return out;
}

/** `pthread_create, pthread_key_create and 3 more`. */
function symbolList(symbols: readonly string[]): string {
	const shown = symbols.slice(0, 4);
	return symbols.length > shown.length ? `${shown.join(', ')} and ${symbols.length - shown.length} more` : shown.join(', ');
}

/** Where the facts come from (the COPY source, naming the file) and where the binary runs. */
function related(b: ContextBinary, extra = ''): RelatedInformation[] {
	const info = b.info;
	const libs = info.needed.length > 0 ? `, needs ${info.needed.join(', ')}` : '';
	const floor = info.glibcMin ? `, highest symbol version GLIBC_${info.glibcMin}` : '';
	const libc = b.stage.image?.libc;
	const runsIn = libc?.version ? ` (${libc.family} ${libc.version})` : '';
	return [
		{ file: b.copy.file, span: b.source.span, message: `read from ${b.contextPath} in the build context (never run): ELF ${info.machine}, interpreter "${info.interpreter ?? ''}"${libs}${floor}${extra}` },
		{ file: b.stage.file, span: b.stage.syntax.from.span, message: `runs in ${imageName(b.stage)}${runsIn}` },
	];
}
