/**
 * Sets the process's exit status from a run's result, and reports a crash as status 2 (the CLI contract). Shared
 * by the shipped entry (entry.ts) and the CLI proper run directly; it uses nothing but the process object, so
 * entry.ts stays a bundle of Node built-ins only.
 */
export function exitWith(run: Promise<number>): void {
	run.then(
		(code) => {
			process.exitCode = code;
		},
		(error: unknown) => {
			process.stderr.write(`shipcheck: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
			process.exitCode = 2;
		},
	);
}
