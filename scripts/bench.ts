// `npm run bench` (builds first): measures, now, on this machine, and prints `name: value unit (details)`:
//   - CLI whole-process throughput on a generated corpus (scripts/bench/corpus.ts), 3 runs, median;
//   - in-process analysis latency of a typical Dockerfile, each run on a slightly edited text;
//   - keystroke → pulled diagnostics, hover, code action and inlay hint latency over LSP with the bundled server;
//   - the binary reader's figures when this build has scripts/bench-binary.ts.
// Only measured figures are printed. Goals (issue 4): CLI ≥ 1,000 files/s, analysis p95 < 5 ms, keystroke p95
// < 10 ms, hover/code action/inlay hint p95 < 20 ms; each line says whether it met its goal.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { threadCount } from '../server/src/cli/parallel';
import { memoryFileSystem } from '../server/src/model/file-system';
import { initNodeParsers } from '../server/src/node/wasm';
import { analyze } from '../server/src/rules/analyze';
import { DEFAULT_CONFIG } from '../server/src/rules/config';
import { entryFilesFor } from '../server/src/rules/discover';
import { positionAt, splice } from '../test/protocol/expected';
import { ensureServerBuilt, LspSession } from '../test/protocol/lsp-client';
import { typicalProject, writeCorpus } from './bench/corpus';

const root = resolve(__dirname, '..');

interface BenchLine {
	readonly name: string;
	readonly value: number;
	readonly unit: string;
	readonly detail?: string;
}

function print(line: BenchLine): void {
	const value = Number.isInteger(line.value) ? String(line.value) : line.value >= 100 ? line.value.toFixed(0) : line.value.toFixed(2);
	console.log(`${line.name}: ${value}${line.unit ? ` ${line.unit}` : ''}${line.detail ? ` (${line.detail})` : ''}`);
}

function percentile(values: readonly number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const goal = (ok: boolean, text: string) => `goal ${text}: ${ok ? 'met' : 'NOT met'}`;

/** One whole-process CLI run: wall time and, where /usr/bin/time exists, the CPU time of all its threads. */
function runCli(dir: string, cliFlags: readonly string[], env: Record<string, string> = {}): { wallMs: number; cpuS: number | undefined; findings: number; stdout: string } {
	const timer = existsSync('/usr/bin/time') ? ['/usr/bin/time', '-f', 'shipcheck-cpu %U %S'] : [];
	const command = [...timer, process.execPath, join(root, 'server/out/cli.js'), 'check', dir, '--format', 'json', ...cliFlags];
	const started = performance.now();
	const cli = spawnSync(command[0], command.slice(1), { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, ...env } });
	const wallMs = performance.now() - started;
	if (cli.status !== 0 && cli.status !== 1) throw new Error(`cli.js exited ${cli.status}: ${cli.stderr.slice(0, 2000)}`);
	const cpu = /shipcheck-cpu ([\d.]+) ([\d.]+)/.exec(cli.stderr);
	return { wallMs, cpuS: cpu ? Number(cpu[1]) + Number(cpu[2]) : undefined, findings: (JSON.parse(cli.stdout) as { findings: unknown[] }).findings.length, stdout: cli.stdout };
}

/** `shipcheck check <corpus> --format json`, whole process, 3 runs each: as shipped and with a thread per CPU. */
function benchCli(): BenchLine[] {
	const dir = mkdtempSync(join(tmpdir(), 'shipcheck-bench-corpus-'));
	try {
		const stats = writeCorpus(dir, 520);
		const files = stats.dockerfiles + stats.goMods;
		const corpus = `${stats.dockerfiles} Dockerfiles + ${stats.goMods} go.mod checked, ${stats.goSources} Go sources read, ${(stats.bytes / 1024).toFixed(0)} KB in ${stats.projects} projects`;
		const lines: BenchLine[] = [];
		const outputs: string[] = [];
		for (const flags of [[], ['--jobs', String(cpus().length)]]) {
			const runs = [0, 1, 2].map(() => runCli(dir, flags));
			outputs.push(runs[0].stdout);
			const median = percentile(runs.map((r) => r.wallMs), 50);
			const rate = files / (median / 1000);
			const cpu = runs.every((r) => r.cpuS !== undefined) ? `, CPU user+sys ${runs.map((r) => r.cpuS!.toFixed(2)).join(', ')} s` : '';
			const how = `node server/out/cli.js check <corpus> --format json${flags.length > 0 ? ` ${flags.join(' ')}` : ''}`;
			// The default depends on the load average: say how many threads it gives at the start of the runs.
			const threads = flags.length === 0 ? threadCount(files, stats.projects, undefined) : cpus().length;
			const name = flags.length === 0 ? `cli (as shipped: one thread per two idle cores of ${cpus().length} CPUs, ${threads} at the load average when the runs began)` : `cli (${flags.join(' ')}: a thread per CPU)`;
			lines.push(
				{ name: `${name}: files/s (median of 3, whole process)`, value: Math.round(rate), unit: 'files/s', detail: `${corpus}; ${runs[0].findings} findings${flags.length === 0 ? `; ${goal(rate >= 1000, '≥ 1,000 files/s')}` : ''}` },
				{ name: `${name}: wall time (median of 3)`, value: median, unit: 'ms', detail: `runs ${runs.map((r) => r.wallMs.toFixed(0)).join(', ')} ms${cpu}; ${how}` },
			);
		}
		if (outputs[0] !== outputs[1]) throw new Error('the CLI printed different findings with a different number of threads');
		// What a fresh CI machine sees: no code cache from an earlier run (cli/entry.ts).
		const uncached = [0, 1, 2].map(() => runCli(dir, [], { SHIPCHECK_NO_COMPILE_CACHE: '1' }));
		const uncachedMedian = percentile(uncached.map((r) => r.wallMs), 50);
		lines.push({
			name: 'cli (as shipped, without the code cache: a first run, or a fresh CI machine): files/s (median of 3, whole process)',
			value: Math.round(files / (uncachedMedian / 1000)),
			unit: 'files/s',
			detail: `runs ${uncached.map((r) => r.wallMs.toFixed(0)).join(', ')} ms; SHIPCHECK_NO_COMPILE_CACHE=1`,
		});
		return lines;
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

/** analyze() of a typical Dockerfile with its go.mod and a Go source; only the Dockerfile's text changes between runs. */
async function benchAnalysis(): Promise<BenchLine[]> {
	const parsers = await initNodeParsers(join(root, 'server/out'));
	const project = typicalProject();
	const run = (i: number) => {
		// A different text each time: the WORKDIR and a comment change, as they would while typing.
		const text = project.dockerfile.replace('WORKDIR /src', `WORKDIR /src${i % 10}`).replace('\nARG GO_VERSION', `\n# edit ${i}\nARG GO_VERSION`);
		const fs = memoryFileSystem({ '/w/Dockerfile': text, '/w/go.mod': project.goMod, '/w/cmd/server/main.go': project.mainGo });
		const started = performance.now();
		const result = analyze({ fs, parsers, config: DEFAULT_CONFIG, entryFiles: entryFilesFor(fs, '/w/Dockerfile') });
		const ms = performance.now() - started;
		if (result.failures.length > 0) throw new Error(`analysis failed: ${String(result.failures[0].error)}`);
		return { ms, findings: result.findings.length };
	};
	for (let i = 0; i < 100; i++) run(i); // warm-up: JIT, first bash parse
	const times: number[] = [];
	let findings = 0;
	for (let i = 0; i < 1000; i++) {
		const r = run(100 + i);
		times.push(r.ms);
		findings = r.findings;
	}
	// V8 keeps optimising for a few hundred more runs; an editor session is long, so the steady state is shown too.
	const steady: number[] = [];
	for (let i = 0; i < 2000; i++) steady.push(run(1100 + i).ms);
	const p95 = percentile(times, 95);
	const steadyP95 = percentile(steady, 95);
	const detail = `1,000 runs after 100 warm-up, ${project.dockerfile.split('\n').length}-line multi-stage Dockerfile + go.mod + main.go in memory, ${findings} finding(s)`;
	return [
		{ name: 'analysis: typical Dockerfile p50', value: percentile(times, 50), unit: 'ms', detail },
		{ name: 'analysis: typical Dockerfile p95', value: p95, unit: 'ms', detail: `min ${Math.min(...times).toFixed(2)} ms; ${goal(p95 < 5, 'p95 < 5 ms')}` },
		{ name: 'analysis: typical Dockerfile, steady state p50', value: percentile(steady, 50), unit: 'ms', detail: 'the 2,000 runs after those 1,100' },
		{ name: 'analysis: typical Dockerfile, steady state p95', value: steadyP95, unit: 'ms', detail: `min ${Math.min(...steady).toFixed(2)} ms; ${goal(steadyP95 < 5, 'p95 < 5 ms')}` },
	];
}

/** Keystrokes, hovers, code actions and inlay hints against the bundled server over stdio. */
async function benchLsp(): Promise<BenchLine[]> {
	const dir = mkdtempSync(join(tmpdir(), 'shipcheck-bench-lsp-'));
	const { session } = await LspSession.start();
	try {
		cpSync(join(root, 'examples/cgo-alpine-broken'), dir, { recursive: true });
		const project = typicalProject();
		mkdirSync(join(dir, 'cmd/server'), { recursive: true });
		writeFileSync(join(dir, 'cmd/server/main.go'), project.mainGo);
		const uri = pathToFileURL(join(dir, 'Dockerfile')).toString();
		let text = project.dockerfile;
		await session.open(uri, text);
		const initial = await session.diagnostics(uri);
		if (initial.length === 0) throw new Error('the benchmark Dockerfile should have a finding');
		// Typing at the end of the WORKDIR line: every keystroke changes the analysed text.
		const keystroke = async (i: number) => {
			const at = text.indexOf('\nCOPY go.mod');
			const edit = i % 7 === 6 ? splice(text, at - 1, at, '') : splice(text, at, at, 'abcdefghij'[i % 10]);
			text = edit.text;
			const started = performance.now();
			await session.change(uri, [edit.change]);
			const items = await session.diagnostics(uri);
			return { ms: performance.now() - started, items };
		};
		for (let i = 0; i < 50; i++) await keystroke(i);
		const typing: number[] = [];
		for (let i = 0; i < 400; i++) typing.push((await keystroke(i)).ms);

		const diagnostic = (await session.diagnostics(uri))[0];
		const fromAlpine = positionAt(text, text.indexOf('alpine:3.20') + 2);
		const timed = async <T>(runs: number, call: () => Promise<T>) => {
			for (let i = 0; i < 30; i++) await call();
			const times: number[] = [];
			for (let i = 0; i < runs; i++) {
				const started = performance.now();
				await call();
				times.push(performance.now() - started);
			}
			return times;
		};
		const hovers = await timed(400, () => session.hover(uri, fromAlpine));
		const actionCount = (await session.codeActions(uri, diagnostic.range, [diagnostic])).length;
		const actions = await timed(400, () => session.codeActions(uri, diagnostic.range, [diagnostic]));
		const wholeFile = { start: { line: 0, character: 0 }, end: positionAt(text, text.length) };
		const hintCount = (await session.inlayHints(uri, wholeFile)).length;
		if (hintCount === 0) throw new Error('the benchmark Dockerfile should have inlay hints');
		const hints = await timed(400, () => session.inlayHints(uri, wholeFile));
		// Hover right after an edit: the analysis is not cached yet.
		const hoverAfterEdit: number[] = [];
		for (let i = 0; i < 200; i++) {
			const at = text.indexOf('\nCOPY go.mod');
			const edit = i % 2 === 0 ? splice(text, at, at, 'x') : splice(text, at - 1, at, '');
			text = edit.text;
			await session.change(uri, [edit.change]);
			const started = performance.now();
			await session.hover(uri, positionAt(text, text.indexOf('alpine:3.20') + 2));
			hoverAfterEdit.push(performance.now() - started);
		}
		// Inlay hints right after an edit, as the editor asks for them while typing.
		const hintsAfterEdit: number[] = [];
		for (let i = 0; i < 200; i++) {
			const at = text.indexOf('\nCOPY go.mod');
			const edit = i % 2 === 0 ? splice(text, at, at, 'x') : splice(text, at - 1, at, '');
			text = edit.text;
			await session.change(uri, [edit.change]);
			const started = performance.now();
			await session.inlayHints(uri, { start: { line: 0, character: 0 }, end: positionAt(text, text.length) });
			hintsAfterEdit.push(performance.now() - started);
		}
		const rss = session.rss();
		const exit = await session.shutdown();
		if (exit !== 0) throw new Error(`server exited ${exit}`);
		const k95 = percentile(typing, 95);
		const h95 = percentile(hovers, 95);
		const a95 = percentile(actions, 95);
		const i95 = percentile(hints, 95);
		const ie95 = percentile(hintsAfterEdit, 95);
		const over = 'bundled server/out/server.js over stdio';
		return [
			{ name: 'lsp: keystroke → diagnostics p50', value: percentile(typing, 50), unit: 'ms', detail: `400 keystrokes after 50 warm-up: didChange (incremental) then textDocument/diagnostic, ${over}` },
			{ name: 'lsp: keystroke → diagnostics p95', value: k95, unit: 'ms', detail: `min ${Math.min(...typing).toFixed(2)} ms; ${goal(k95 < 10, 'p95 < 10 ms')}` },
			{ name: 'lsp: hover p50', value: percentile(hovers, 50), unit: 'ms', detail: '400 hovers on the FROM alpine line, analysis cached' },
			{ name: 'lsp: hover p95', value: h95, unit: 'ms', detail: goal(h95 < 20, 'p95 < 20 ms') },
			{ name: 'lsp: hover after an edit p95', value: percentile(hoverAfterEdit, 95), unit: 'ms', detail: `200 hovers each right after a didChange (re-analysis inside the hover), p50 ${percentile(hoverAfterEdit, 50).toFixed(2)} ms` },
			{ name: 'lsp: code action p50', value: percentile(actions, 50), unit: 'ms', detail: `400 textDocument/codeAction requests for the libc-mismatch diagnostic (${actionCount} actions)` },
			{ name: 'lsp: code action p95', value: a95, unit: 'ms', detail: goal(a95 < 20, 'p95 < 20 ms') },
			{ name: 'lsp: inlay hints p50', value: percentile(hints, 50), unit: 'ms', detail: `400 textDocument/inlayHint requests for the whole file (${hintCount} hints), analysis cached` },
			{ name: 'lsp: inlay hints p95', value: i95, unit: 'ms', detail: goal(i95 < 20, 'p95 < 20 ms') },
			{ name: 'lsp: inlay hints after an edit p95', value: ie95, unit: 'ms', detail: `200 requests each right after a didChange (re-analysis inside the request), p50 ${percentile(hintsAfterEdit, 50).toFixed(2)} ms; ${goal(ie95 < 20, 'p95 < 20 ms')}` },
			{ name: 'lsp: server RSS after the run', value: Math.round(rss / 2 ** 20), unit: 'MB' },
		];
	} finally {
		session.kill();
		rmSync(dir, { recursive: true, force: true });
	}
}

/** The binary reader's own bench (scripts/bench-binary.ts, another engineer's), when this build has it. */
async function benchBinary(): Promise<BenchLine[] | undefined> {
	const file = join(root, 'scripts/bench-binary.ts');
	if (!existsSync(file)) return undefined;
	const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
	const bench = module.benchBinary ?? Object.entries(module).find(([name, value]) => /^bench/i.test(name) && typeof value === 'function')?.[1];
	if (typeof bench !== 'function') return undefined;
	return (await (bench as () => Promise<BenchLine[]> | BenchLine[])()) ?? undefined;
}

async function main(): Promise<void> {
	ensureServerBuilt();
	const load = loadavg()[0];
	print({ name: 'machine: load average at start', value: load, unit: '', detail: `${cpus().length} CPUs, node ${process.version}; figures are wall-clock and include other processes' load` });
	for (const line of benchCli()) print(line);
	for (const line of await benchAnalysis()) print(line);
	for (const line of await benchLsp()) print(line);
	let binary: BenchLine[] | undefined;
	try {
		binary = await benchBinary();
	} catch (error) {
		console.log(`binary inspection: not measured (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
		binary = [];
	}
	if (binary === undefined) console.log('binary inspection: not available in this build');
	else for (const line of binary) print(line);
	print({ name: 'machine: load average at end', value: loadavg()[0], unit: '' });
}

main().then(
	() => process.exit(0),
	(error: unknown) => {
		console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
		process.exit(1);
	},
);
