/** Parsed `shipcheck` command line. */
export interface CheckArgs {
	readonly command: 'check';
	readonly paths: readonly string[];
	readonly format: 'text' | 'json' | 'sarif';
	readonly config: string | undefined;
	readonly failOn: 'error' | 'warning' | 'info';
	/** Threads to analyse with; undefined: one per core when there are enough independent projects. */
	readonly jobs: number | undefined;
}

/** `shipcheck inspect FILE`: describe one executable and where it runs. */
export interface InspectArgs {
	readonly command: 'inspect';
	readonly file: string;
	readonly format: 'text' | 'json';
}

export type CliArgs = CheckArgs | InspectArgs | { readonly command: 'help' } | { readonly command: 'version' };

export class UsageError extends Error {}

export const USAGE = `usage: shipcheck check [PATH...] [--format text|json|sarif] [--config FILE] [--fail-on error|warning|info] [--jobs N]
       shipcheck inspect FILE [--format text|json]

check    analyse Dockerfiles and go.mod files under each PATH (default .) and report whether the Go binaries
         they build will run where they are shipped. Exit 0: nothing at or above --fail-on; 1: findings; 2: error.
         --jobs: threads for a folder of independent projects (default: one per two idle cores from 200 files).
inspect  read an ELF, Mach-O or PE executable (never run it): sections, segments, dynamic, version needs, Go build
         info, and on which runtime images it starts. Exit 0: described (also when not a Go binary); 2: error.`;

export function parseArgs(argv: readonly string[]): CliArgs {
	const [command, ...rest] = argv;
	if (command === undefined || command === 'help' || command === '--help' || command === '-h') return { command: 'help' };
	if (command === '--version' || command === 'version') return { command: 'version' };
	const options = new Map<string, string>();
	const positional: string[] = [];
	for (let i = 0; i < rest.length; i++) {
		const arg = rest[i];
		if (!arg.startsWith('--')) {
			positional.push(arg);
			continue;
		}
		const eq = arg.indexOf('=');
		const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
		const value = eq < 0 ? rest[++i] : arg.slice(eq + 1);
		if (value === undefined) throw new UsageError(`--${name} needs a value`);
		options.set(name, value);
	}
	if (command === 'check') return checkArgs(positional, options);
	if (command === 'inspect') return inspectArgs(positional, options);
	throw new UsageError(`unknown command "${command}"`);
}

function checkArgs(positional: string[], options: Map<string, string>): CheckArgs {
	allowOnly(options, ['format', 'config', 'fail-on', 'jobs']);
	const format = oneOf(options.get('format') ?? 'text', ['text', 'json', 'sarif'], 'format');
	const failOn = oneOf(options.get('fail-on') ?? 'error', ['error', 'warning', 'info'], 'fail-on');
	const jobs = options.has('jobs') ? positiveInteger(options.get('jobs') ?? '', 'jobs') : undefined;
	return { command: 'check', paths: positional.length > 0 ? positional : ['.'], format, config: options.get('config'), failOn, jobs };
}

function inspectArgs(positional: string[], options: Map<string, string>): InspectArgs {
	allowOnly(options, ['format']);
	const format = oneOf(options.get('format') ?? 'text', ['text', 'json'], 'format');
	if (positional.length !== 1) throw new UsageError(`inspect needs exactly one FILE, got ${positional.length}`);
	return { command: 'inspect', file: positional[0] ?? '', format };
}

function positiveInteger(value: string, name: string): number {
	if (!/^[1-9]\d{0,3}$/.test(value)) throw new UsageError(`--${name} must be a whole number from 1 to 9999`);
	return Number(value);
}

function allowOnly(options: Map<string, string>, allowed: string[]): void {
	for (const name of options.keys()) if (!allowed.includes(name)) throw new UsageError(`unknown option --${name}`);
}

function oneOf<T extends string>(value: string, allowed: readonly T[], name: string): T {
	if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')}`);
	return value as T;
}
