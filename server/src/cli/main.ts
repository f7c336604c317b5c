import { statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { NodeFileSystem } from '../node/fs-view';
import { loadWasmFromDir } from '../node/wasm';
import { initParsers, type Parsers } from '../parse/tree-sitter';
import { analyze } from '../rules/analyze';
import { DEFAULT_CONFIG, isIgnoredPath, mergeConfigs, type ShipcheckConfig } from '../rules/config';
import { findConfigFile, loadConfigFile } from '../rules/config-file';
import { entryFilesFor, projectFilesUnder } from '../rules/discover';
import type { Finding } from '../rules/types';
import { parseArgs, USAGE, UsageError, type CheckArgs } from './args';
import { runInspect } from './inspect';
import { formatJson, formatSarif, formatText, positionFindings } from './output';

const VERSION = '0.1.0';

/** `shipcheck` entry point: exit 0 clean, 1 findings at or above --fail-on, 2 usage or internal error. */
async function main(argv: readonly string[]): Promise<number> {
	let args;
	try {
		args = parseArgs(argv);
	} catch (error) {
		if (error instanceof UsageError) {
			process.stderr.write(`shipcheck: ${error.message}\n${USAGE}\n`);
			return 2;
		}
		throw error;
	}
	switch (args.command) {
		case 'help':
			process.stdout.write(`${USAGE}\n`);
			return 0;
		case 'version':
			process.stdout.write(`${VERSION}\n`);
			return 0;
		case 'check':
			return runCheck(args, await initParsers(loadWasmFromDir(__dirname)));
		case 'inspect':
			return runInspect(args, (s) => process.stdout.write(s), (s) => process.stderr.write(s));
	}
}

const SEVERITY_RANK: Record<Finding['severity'], number> = { hint: 0, info: 1, warning: 2, error: 3 };

export function runCheck(args: CheckArgs, parsers: Parsers): number {
	const fs = new NodeFileSystem();
	const cwd = process.cwd();
	const findings: Finding[] = [];
	let filesChecked = 0;
	for (const given of args.paths) {
		const root = toPosix(resolve(cwd, given));
		const kind = statKind(root);
		if (!kind) {
			process.stderr.write(`shipcheck: ${given}: no such file or directory\n`);
			return 2;
		}
		const config = configFor(fs, parsers, args, root);
		const files = (kind === 'dir' ? projectFilesUnder(fs, root) : entryFilesFor(fs, root)).filter((f) => !isIgnoredPath(toPosix(relative(cwd, f)), config));
		filesChecked += files.length;
		const result = analyze({ fs, parsers, config, entryFiles: files });
		for (const failure of result.failures) process.stderr.write(`shipcheck: internal error in rule ${failure.ruleId}: ${String(failure.error)}\n`);
		if (result.failures.length > 0) return 2;
		findings.push(...result.findings.filter((f) => kind === 'dir' || f.file === root || files.includes(f.file)));
	}
	const positioned = positionFindings(findings, (f) => fs.readFile(f), (f) => toPosix(relative(cwd, f)) || '.');
	const output = args.format === 'json' ? formatJson(positioned) : args.format === 'sarif' ? formatSarif(positioned, VERSION) : formatText(positioned, filesChecked);
	process.stdout.write(`${output}\n`);
	const threshold = SEVERITY_RANK[args.failOn];
	return findings.some((f) => SEVERITY_RANK[f.severity] >= threshold) ? 1 : 0;
}

function configFor(fs: NodeFileSystem, parsers: Parsers, args: CheckArgs, root: string): ShipcheckConfig {
	const path = args.config ? toPosix(resolve(args.config)) : findConfigFile(fs, `${root}/.`);
	const loaded = loadConfigFile(fs, parsers, path);
	for (const error of loaded.errors) process.stderr.write(`shipcheck: ${loaded.path}: ${error}\n`);
	if (args.config && fs.readFile(path!) === undefined) throw new UsageError(`cannot read --config ${args.config}`);
	return mergeConfigs(DEFAULT_CONFIG, loaded.config);
}

function statKind(path: string): 'file' | 'dir' | undefined {
	try {
		const stat = statSync(path);
		return stat.isDirectory() ? 'dir' : 'file';
	} catch {
		return undefined;
	}
}

function toPosix(path: string): string {
	return path.replace(/\\/g, '/');
}

if (require.main === module) {
	main(process.argv.slice(2)).then(
		(code) => {
			process.exitCode = code;
		},
		(error: unknown) => {
			process.stderr.write(`shipcheck: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
			process.exitCode = 2;
		},
	);
}
