import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { before, describe, it } from 'node:test';
import { goCommandsIn } from '../../../server/src/model/go-command';
import { recognizePackageInstall } from '../../../server/src/model/package-install';
import { initNodeParsers } from '../../../server/src/node/wasm';
import { allEnvironments, parseShell, type ParseShellOptions, type ShellScript, type ShellWord } from '../../../server/src/parse/shell';
import { MAX_SCRIPT_EXPANSION, MAX_WORD_EXPANSION } from '../../../server/src/parse/shell/words';
import type { Span } from '../../../server/src/parse/span';
import type { Parsers } from '../../../server/src/parse/tree-sitter';
import { seededRandom as prng } from '../../helpers/seeded-random';

let parsers: Parsers;
before(async () => {
	parsers = await initNodeParsers();
});

const SEEDS = [
	'apk add --no-cache git gcc musl-dev \\\n    && cd /src \\\n    && CGO_ENABLED=0 GOOS=linux go build -ldflags="-s -w -X main.version=${VERSION}" -o /out/app ./cmd/app',
	`go build -ldflags '-linkmode external -extldflags "-static"' -tags netgo,osusergo -o /app .`,
	'export CGO_ENABLED=0 && export GOFLAGS="-mod=vendor -trimpath" && go build -tags \'netgo osusergo\' ./...',
	'sh -c "go build -ldflags \\"-s -w\\" -o /app ." && bash -ec \'cd /x; go vet ./...\'',
	'set -eux; \\\n  apt-get update; \\\n  apt-get install -y --no-install-recommends gcc libc6-dev:arm64; \\\n  rm -rf /var/lib/apt/lists/*',
	'if [ "$TARGETARCH" = "arm64" ]; then export GOARCH=arm64; fi; xx-go build -o /out/$(basename $PWD) .',
	'cat <<EOF > /etc/x.conf\nkey=$VALUE\nEOF\nbash <<\'EOF\'\ngo install github.com/x/y@v1.2.3\nEOF',
	'GOOS=${{ matrix.goos }} go build -o "dist/app-${{ matrix.goos }}" $\'./cmd/\\tapp\' 2>&1 | tee build.log || exit 1',
	'# Zoë 🐳\r\ngo build -o "/out/ä🐳" . \\\r\n  && (cd sub && garble -literals build) & wait',
	'for a in amd64 arm64; do GOARCH=$a go build -o bin/$a/ ./...; done; f() { env -i PATH=$PATH go run . --x="${1:-d}"; }',
];

const TOKENS = [
	"'", '"', '`', '$(', '${', '}', ')', '(', '{', '\\', '\\\n', '\n', '\r\n', ' && ', ' || ', ' | ', ';', '&', '#', '<<EOF\n', '\nEOF\n',
	'$', '=', '-ldflags="', "-extldflags '", ' sh -c "', ' go build ', ' -o ', '${{ x }}', '${A:-', '$((', '))', 'ä', '🐳', '\t', '*', '~', '\x00', '[[', ']]',
];

function mutate(text: string, random: () => number): string {
	let out = text;
	const steps = 1 + Math.floor(random() * 4);
	for (let s = 0; s < steps; s++) {
		const at = Math.floor(random() * (out.length + 1));
		const kind = Math.floor(random() * 5);
		if (kind === 0) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(random() * 12));
		else if (kind === 1 || kind === 2) out = out.slice(0, at) + TOKENS[Math.floor(random() * TOKENS.length)] + out.slice(at);
		else if (kind === 3) out = out.slice(0, at) + out.slice(Math.floor(random() * out.length), Math.floor(random() * out.length)) + out.slice(at);
		else out = out.slice(0, at); // truncation
	}
	return out;
}

function checkSpan(span: Span, base: number, length: number, what: string): void {
	assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end), `${what}: integer offsets`);
	assert.ok(span.start >= base && span.end <= base + length && span.start <= span.end, `${what}: ${JSON.stringify(span)} outside [${base}, ${base + length}]`);
}

function checkWord(word: ShellWord, doc: string, base: number, length: number): void {
	checkSpan(word.span, base, length, `word ${JSON.stringify(word.text)}`);
	assert.equal(doc.slice(word.span.start, word.span.end), word.raw);
	assert.equal(word.charStarts.length, word.text.length);
	assert.equal(word.charEnds.length, word.text.length);
	for (let i = 0; i < word.text.length; i++) {
		checkSpan({ start: word.charStarts[i], end: word.charEnds[i] }, base, length, `char ${i} of ${JSON.stringify(word.text)}`);
	}
	if (!word.dynamic) assert.equal(word.value, word.text);
}

function checkScript(script: ShellScript, doc: string, base: number, length: number): void {
	for (const e of script.syntaxErrors) {
		checkSpan(e.span, base, length, `syntax error ${e.message}`);
		assert.doesNotMatch(e.message, /internal error/);
	}
	for (const c of script.commands) {
		checkSpan(c.span, base, length, 'command');
		for (const w of c.words) checkWord(w, doc, base, length);
		for (const a of c.assignments) {
			checkSpan(a.span, base, length, 'assignment');
			checkWord(a.value, doc, base, length);
		}
	}
	allEnvironments(script);
	for (const go of goCommandsIn(script)) {
		for (const f of go.flags) checkSpan(f.span, base, length, `go flag ${f.name}`);
		for (const f of go.ldflags?.flags ?? []) checkSpan(f.span, base, length, `linker flag ${f.name}`);
		for (const t of go.tags?.values ?? []) checkSpan(t.span, base, length, 'tag');
	}
	for (const c of script.commands) {
		for (const p of recognizePackageInstall(c)?.packages ?? []) checkSpan(p.span, base, length, 'package');
	}
}

describe('parseShell robustness', () => {
	it('2,400 seeded mutations of realistic RUN bodies: results only, never exceptions, spans in bounds', () => {
		const random = prng(0x5eed);
		const started = performance.now();
		let cases = 0;
		let withErrors = 0;
		for (let round = 0; round < 240; round++) {
			for (const seed of SEEDS) {
				const text = mutate(seed, random);
				const prefix = 'X'.repeat(Math.floor(random() * 40));
				const doc = `${prefix}${text}\n`;
				const options: ParseShellOptions = {
					baseOffset: prefix.length,
					dockerfile: random() < 0.5 ? { escapeChar: random() < 0.8 ? '\\' : '`' } : undefined,
					githubExpressions: random() < 0.3,
					initialEnv: { VERSION: '1.0 beta', FLAGS: '-s -w', HOME: '/root', UNKNOWN: undefined },
					envComplete: random() < 0.3,
					cwd: '/src',
				};
				let script: ShellScript;
				try {
					script = parseShell(parsers, text, options);
					checkScript(script, doc, prefix.length, text.length);
				} catch (error) {
					assert.fail(`case ${cases} (${JSON.stringify(text)}): ${error instanceof Error ? error.stack : String(error)}`);
				}
				if (script.syntaxErrors.length > 0) withErrors++;
				cases++;
			}
		}
		const elapsed = performance.now() - started;
		assert.ok(cases >= 2000);
		assert.ok(withErrors > 100, 'the mutations should produce malformed input');
		assert.ok(elapsed < 60_000, `took ${elapsed} ms`);
		console.log(`# robustness: ${cases} cases (${withErrors} with syntax errors) in ${elapsed.toFixed(0)} ms`);
	});

	it('deeply nested input is cut off with a syntax error, not a stack overflow', () => {
		for (const text of ['('.repeat(3000) + 'go build' + ')'.repeat(3000), 'a && '.repeat(5000) + 'b', '"$('.repeat(400) + 'x', '${A:-'.repeat(500)]) {
			const script = parseShell(parsers, text);
			checkScript(script, text, 0, text.length);
		}
		const deep = parseShell(parsers, '('.repeat(3000) + 'go build' + ')'.repeat(3000));
		assert.ok(deep.syntaxErrors.some((e) => /nested too deeply/.test(e.message)));
	});

	it('doubling a variable (A=$A$A, export, +=) 2,000 times: the value becomes unknown past the bound, in linear time (was out of memory)', () => {
		for (const [step, first] of [['A=$A$A', 'A=x'], ['export A="$A$A"', 'export A=x'], ['A+=$A', 'A=x']] as const) {
			const text = `${first}; ${`${step}; `.repeat(2_000)}go build -o "/out/$A" .`;
			const started = performance.now();
			const script = parseShell(parsers, text);
			const ms = performance.now() - started;
			assert.ok(ms < 5_000, `${step}: ${ms.toFixed(0)} ms`);
			assert.deepEqual(script.syntaxErrors, []);
			const envs = allEnvironments(script);
			const values = script.commands.map((c) => envs[c.index]?.shellVariables.get('A')?.value);
			assert.ok(values.some((v) => v !== undefined && v.length > 1_000), `${step}: A grows while it is short enough`);
			assert.ok(values.every((v) => v === undefined || v.length <= 2 * MAX_WORD_EXPANSION), `${step}: A stays bounded`);
			assert.equal(envs[script.commands.length - 1]?.shellVariables.get('A')?.value, undefined, `${step}: then unknown`);
			assert.equal(goCommandsIn(script)[0]?.output?.dynamic, true);
		}
	});

	it('substituted values are bounded per script: 10,000 references to a 16 KB value stay fast', () => {
		const text = `echo ${'$A '.repeat(10_000)}; go build -o /out/app .`;
		const started = performance.now();
		const script = parseShell(parsers, text, { initialEnv: { A: 'x '.repeat(8_000) } });
		const ms = performance.now() - started;
		assert.ok(ms < 5_000, `${ms.toFixed(0)} ms`);
		const echo = script.commands[0];
		assert.ok(echo.words.length <= MAX_SCRIPT_EXPANSION, `${echo.words.length} words`);
		assert.ok(echo.words.some((w) => w.dynamic), 'references past the budget are dynamic');
		assert.equal(goCommandsIn(script)[0]?.output?.value, '/out/app');
	});

	it('splitting a word of 8,000 expansions into 8,000 fields is linear (was quadratic over the parts)', () => {
		const text = `echo ${'$A'.repeat(8_000)}`;
		const started = performance.now();
		const script = parseShell(parsers, text, { initialEnv: { A: ' x' } });
		const ms = performance.now() - started;
		assert.ok(ms < 2_000, `${ms.toFixed(0)} ms`);
		assert.equal(script.commands[0].words.length, 8_001);
	});

	it('a CI command of 2,000 ${{ }} expressions between literal text is evaluated in linear time (was quadratic: 9 s for 1,600)', () => {
		const text = `docker build --platform linux/amd64 ${'-t app:${{ github.sha }} '.repeat(2_000)}.`;
		const started = performance.now();
		const script = parseShell(parsers, text, { githubExpressions: true });
		const ms = performance.now() - started;
		assert.ok(ms < 2_000, `${ms.toFixed(0)} ms`);
		const words = script.commands[0].words;
		assert.equal(words.length, 2 + 3 + 2 * 2_000);
		assert.ok(words[5].dynamic, 'a tag holding an expression is dynamic');
		assert.equal(words[4].value, '-t');
	});

	it('parse time of a typical 10-line RUN body after warm-up', () => {
		const body = [
			'set -eux; \\',
			'    apk add --no-cache --virtual .build-deps gcc musl-dev git; \\',
			'    cd /src; \\',
			'    export GOFLAGS="-mod=vendor -trimpath"; \\',
			'    VERSION="$(git describe --tags --always)"; \\',
			'    CGO_ENABLED=0 GOOS=linux GOARCH="${TARGETARCH:-amd64}" \\',
			'        go build -ldflags "-s -w -X main.version=${VERSION} -extldflags \'-static\'" \\',
			'        -tags netgo,osusergo -o /out/app ./cmd/app; \\',
			'    apk del .build-deps; \\',
			'    /out/app --version',
		].join('\n');
		const options: ParseShellOptions = { baseOffset: 120, dockerfile: { escapeChar: '\\' }, initialEnv: { TARGETARCH: 'arm64' } };
		for (let i = 0; i < 100; i++) goCommandsIn(parseShell(parsers, body, options));
		const runs = 500;
		const shellTimes: number[] = [];
		const totalTimes: number[] = [];
		for (let i = 0; i < runs; i++) {
			const t0 = performance.now();
			const script = parseShell(parsers, body, options);
			const t1 = performance.now();
			goCommandsIn(script);
			const t2 = performance.now();
			shellTimes.push(t1 - t0);
			totalTimes.push(t2 - t0);
		}
		const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
		const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)];
		console.log(`# 10-line RUN body: parseShell median ${median(shellTimes).toFixed(3)} ms, p95 ${p95(shellTimes).toFixed(3)} ms; with goCommandsIn median ${median(totalTimes).toFixed(3)} ms`);
		assert.ok(median(totalTimes) < 25, 'a typical RUN body must stay far below a keystroke budget');
	});
});
