import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import {
	goCommandsIn,
	parseGoCommand,
	producesBinary,
	recognizeGoCommand,
	tagAppendEdit,
	withGoFlags,
	type GoBuildCommand,
} from '../../../server/src/model/go-command';
import { initNodeParsers } from '../../../server/src/node/wasm';
import { parseShell, type ParseShellOptions } from '../../../server/src/parse/shell';
import type { Span } from '../../../server/src/parse/span';
import type { Parsers } from '../../../server/src/parse/tree-sitter';

let parsers: Parsers;
before(async () => {
	parsers = await initNodeParsers();
});

/** The go commands of `body`, placed after `prefix` in a document; `at` slices the document. */
function goIn(body: string, options: ParseShellOptions = {}, prefix = 'RUN ') {
	const doc = `${prefix}${body}\n`;
	const script = parseShell(parsers, body, { ...options, baseOffset: prefix.length });
	const commands = goCommandsIn(script);
	return { doc, script, commands, go: commands[0], at: (span: Span | undefined) => (span ? doc.slice(span.start, span.end) : undefined) };
}

const flagSummary = (go: GoBuildCommand) => go.flags.map((f) => `${f.source === 'GOFLAGS' ? 'G:' : ''}${f.name}=${f.value ?? f.enabled}`);

describe('parseGoCommand: recognition', () => {
	it('go build with prefix env, -ldflags=, -o and a package; every span exact', () => {
		const { go, at } = goIn('cd /src && CGO_ENABLED=0 GOOS=linux go build -ldflags="-s -w -X main.version=${VERSION}" -o /out/app ./cmd/app');
		assert.equal(go.subcommand, 'build');
		assert.equal(go.driver.kind, 'go');
		assert.equal(at(go.goSpan), 'go');
		assert.equal(at(go.subcommandSpan), 'build');
		assert.equal(at(go.span), 'CGO_ENABLED=0 GOOS=linux go build -ldflags="-s -w -X main.version=${VERSION}" -o /out/app ./cmd/app');
		assert.equal(go.output!.value, '/out/app');
		assert.equal(go.output!.form, 'separate');
		assert.equal(at(go.output!.span), '-o /out/app');
		assert.equal(at(go.output!.nameSpan), '-o');
		assert.equal(at(go.output!.valueSpan), '/out/app');
		assert.deepEqual(go.packages.map((p) => at(p.span)), ['./cmd/app']);
		const ldflags = go.flags.find((f) => f.name === 'ldflags')!;
		assert.equal(ldflags.form, 'equals');
		assert.equal(at(ldflags.span), '-ldflags="-s -w -X main.version=${VERSION}"');
		assert.equal(at(ldflags.nameSpan), '-ldflags');
		assert.equal(at(ldflags.valueSpan), '-s -w -X main.version=${VERSION}');
		assert.equal(ldflags.dynamic, true);
		assert.equal(go.envInsertOffset, go.span.start);
		assert.deepEqual(go.problems, []);
	});

	it('install, run, test -c, -C before the subcommand, paths to go', () => {
		const { commands } = goIn('go install ./cmd/a && go run ./cmd/b --port 80 && go test -c -o t.test ./pkg && go -C sub build . && /usr/local/go/bin/go build .');
		assert.deepEqual(commands.map((c) => c.subcommand), ['install', 'run', 'test', 'build', 'build']);
		assert.deepEqual(commands[1].packages.map((p) => p.value), ['./cmd/b']);
		assert.deepEqual(commands[1].runArgs.map((p) => p.value), ['--port', '80']);
		assert.equal(commands[2].compileOnly, true);
		assert.equal(commands[2].output!.value, 't.test');
		assert.equal(commands[3].chdir!.value, 'sub');
		assert.deepEqual(commands.map(producesBinary), [true, false, true, true, true]);
	});

	it('go run with .go files', () => {
		const { go } = goIn('go run main.go util.go -v');
		assert.deepEqual(go.packages.map((p) => p.value), ['main.go', 'util.go']);
		assert.deepEqual(go.runArgs.map((p) => p.value), ['-v']);
	});

	it('go install pkg@version marks installsRemoteVersion', () => {
		const { go, at } = goIn('GOBIN=/out go install github.com/x/y/cmd/z@v1.2.3');
		assert.equal(go.installsRemoteVersion, true);
		assert.equal(at(go.packages[0].span), 'github.com/x/y/cmd/z@v1.2.3');
		assert.equal(goIn('go install ./...').go.installsRemoteVersion, false);
	});

	it('through env, sudo, time; xx-go, garble, go1.22.3, gotip', () => {
		const { commands, at } = goIn(
			'env CGO_ENABLED=0 go build . ; sudo -E go build . ; time go build . ; xx-go build -o /out/x . ; garble -literals -seed random build ./cmd/a ; go1.22.3 build . ; gotip build .',
		);
		assert.deepEqual(commands.map((c) => c.driver.kind), ['go', 'go', 'go', 'xx-go', 'garble', 'versioned-go', 'gotip']);
		assert.equal(at(commands[0].wrappers[0].span), 'env');
		assert.equal(commands[0].envInsertOffset, commands[0].goSpan.start);
		assert.equal(commands[1].envInsertOffset, commands[1].goSpan.start);
		assert.equal(commands[2].envInsertOffset, commands[2].span.start);
		assert.equal(at(commands[3].goSpan), 'xx-go');
		assert.deepEqual(commands[4].driver.flags.map((w) => w.value), ['-literals', '-seed', 'random']);
		assert.deepEqual(commands[4].packages.map((p) => p.value), ['./cmd/a']);
		assert.equal(commands[5].driver.version, '1.22.3');
	});

	it('not go builds: go mod download, go env, make, a dynamic command name', () => {
		const { commands } = goIn('go mod download && go env GOPATH && make build && $GO build && go version');
		assert.deepEqual(commands, []);
	});

	it('sh -c "go build …": found in the child shell, spans through the quoting', () => {
		const { go, at } = goIn('sh -c "go build -o /app ."');
		assert.equal(at(go.output!.valueSpan), '/app');
		assert.deepEqual(go.command.within, ['child-shell']);
	});

	it('bool flags: present only when in effect', () => {
		const { go } = goIn('go build -trimpath -race=false -a -v -x --msan=1 .');
		assert.equal(go.trimpath?.name, 'trimpath');
		assert.equal(go.race, undefined);
		assert.equal(go.flags.find((f) => f.name === 'race')!.enabled, false);
		assert.equal(go.msan?.enabled, true);
		assert.ok(go.a && go.v && go.x);
	});

	it('value flags in both forms, and the last occurrence wins', () => {
		const { go, at } = goIn('go build -buildmode=pie -buildmode exe -installsuffix static -mod=vendor -gcflags=all=-N -pgo off -o a -o=b .');
		assert.equal(go.buildmode!.value, 'exe');
		assert.equal(at(go.buildmode!.span), '-buildmode exe');
		assert.equal(go.installsuffix!.value, 'static');
		assert.equal(go.mod!.value, 'vendor');
		assert.equal(go.gcflags!.value, 'all=-N');
		assert.equal(go.pgo!.value, 'off');
		assert.equal(go.output!.value, 'b');
		assert.equal(at(go.output!.valueSpan), 'b');
	});

	it('problems: flags after packages, unknown flag, missing value, -C not first', () => {
		const p1 = goIn('go build ./cmd/app -o /out/app').go;
		assert.deepEqual(p1.packages.map((p) => p.value), ['./cmd/app', '-o', '/out/app']);
		assert.match(p1.problems[0].message, /stops reading flags at the first package/);
		assert.match(goIn('go build -bogus .').go.problems[0].message, /unknown flag "-bogus"/);
		assert.match(goIn('go build -o').go.problems[0].message, /flag needs an argument: -o/);
		assert.match(goIn('go build -o x -C dir .').go.problems[0].message, /-C flag must be first/);
	});

	it('go test takes flags after packages', () => {
		const { go } = goIn('go test ./... -c -o x.test -run TestX');
		assert.equal(go.compileOnly, true);
		assert.deepEqual(go.packages.map((p) => p.value), ['./...']);
		assert.equal(go.flags.find((f) => f.name === 'run')!.value, 'TestX');
	});

	it('unquoted unresolved expansions among the flags are kept apart', () => {
		const { go } = goIn('go build $BUILD_FLAGS -o /app ./cmd');
		assert.deepEqual(go.opaqueArgs.map((w) => w.text), ['$BUILD_FLAGS']);
		assert.equal(go.output!.value, '/app');
		assert.deepEqual(go.problems, []);
		const resolved = goIn('go build $BUILD_FLAGS -o /app ./cmd', { initialEnv: { BUILD_FLAGS: '-trimpath -tags=netgo' } }).go;
		assert.equal(resolved.trimpath?.name, 'trimpath');
		assert.deepEqual(resolved.tags!.values.map((t) => t.value), ['netgo']);
	});
});

describe('-tags', () => {
	it('comma form: each tag with its span; append after the last', () => {
		const { go, at, doc } = goIn('go build -tags netgo,osusergo -o app .');
		assert.deepEqual(go.tags!.values.map((t) => [t.value, at(t.span)]), [['netgo', 'netgo'], ['osusergo', 'osusergo']]);
		assert.equal(go.tags!.separator, ',');
		assert.equal(at(go.tags!.valueSpan), 'netgo,osusergo');
		const edit = tagAppendEdit(go, 'sqlite_omit_load_extension')!;
		assert.equal(doc.slice(0, edit.span.start) + edit.newText + doc.slice(edit.span.end), 'RUN go build -tags netgo,osusergo,sqlite_omit_load_extension -o app .\n');
		assert.equal(tagAppendEdit(go, 'netgo'), undefined);
	});

	it("old space form in quotes: -tags 'netgo osusergo'", () => {
		const { go, at, doc } = goIn("go build -tags 'netgo osusergo' .");
		assert.equal(go.tags!.separator, ' ');
		assert.deepEqual(go.tags!.values.map((t) => at(t.span)), ['netgo', 'osusergo']);
		const edit = tagAppendEdit(go, 'timetzdata')!;
		assert.equal(doc.slice(0, edit.span.start) + edit.newText + doc.slice(edit.span.end), "RUN go build -tags 'netgo osusergo timetzdata' .\n");
	});

	it('-tags= with empty entries; no -tags at all gets a new flag after the subcommand', () => {
		assert.deepEqual(goIn('go build -tags=,a,,b, .').go.tags!.values.map((t) => t.value), ['a', 'b']);
		const empty = goIn('go build -tags "" .');
		const e = tagAppendEdit(empty.go, 'netgo')!;
		assert.equal(empty.doc.slice(0, e.span.start) + e.newText + empty.doc.slice(e.span.end), 'RUN go build -tags "netgo" .\n');
		const { go, doc } = goIn('go build -o app .');
		const edit = tagAppendEdit(go, 'netgo')!;
		assert.equal(doc.slice(0, edit.span.start) + edit.newText + doc.slice(edit.span.end), 'RUN go build -tags=netgo -o app .\n');
	});
});

describe('GOFLAGS', () => {
	it('merged with lower precedence than the command line, with provenance', () => {
		const body = 'export GOFLAGS="-mod=vendor -trimpath -ldflags=-s -tags=a" && go build -ldflags=-w -o app .';
		const { go, at } = goIn(body);
		assert.deepEqual(flagSummary(go), ['G:mod=vendor', 'G:trimpath=true', 'G:ldflags=-s', 'G:tags=a', 'ldflags=-w', 'o=app']);
		assert.equal(go.mod!.source, 'GOFLAGS');
		assert.equal(at(go.mod!.span), '-mod=vendor');
		assert.equal(at(go.trimpath!.span), '-trimpath');
		// The command line's -ldflags wins over GOFLAGS'.
		assert.equal(go.ldflags!.flag.source, 'command-line');
		assert.deepEqual(go.ldflags!.flags.map((f) => f.name), ['w']);
		// GOFLAGS -tags is replaced by a command-line -tags, so a fix carries it over.
		const edit = tagAppendEdit(go, 'netgo')!;
		assert.equal(edit.newText, ' -tags=a,netgo');
	});

	it('quoted GOFLAGS entries (newer cmd/go), ignored flags, non-flags', () => {
		const { go, at } = goIn(`GOFLAGS="'-ldflags=-s -w' -count=1 oops" go build .`);
		assert.equal(go.ldflags!.flag.source, 'GOFLAGS');
		assert.deepEqual(go.ldflags!.flags.map((f) => [f.name, at(f.span)]), [['s', '-s'], ['w', '-w']]);
		assert.deepEqual(go.ignoredGoFlags.map((f) => f.name), ['count']);
		assert.match(go.problems.map((p) => p.message).join('\n'), /non-flag "oops"/);
	});

	it('from a Dockerfile ENV given as initial env: verbatim spans when the span fits the value', () => {
		const doc = 'ENV GOFLAGS=-trimpath\nRUN go build .\n';
		const start = doc.indexOf('-trimpath');
		const body = 'go build .';
		const script = parseShell(parsers, body, {
			baseOffset: doc.indexOf(body),
			initialEnv: { GOFLAGS: { value: '-trimpath', span: { start, end: start + '-trimpath'.length } } },
		});
		const go = goCommandsIn(script)[0];
		assert.equal(doc.slice(go.trimpath!.span.start, go.trimpath!.span.end), '-trimpath');
	});

	it('withGoFlags replaces earlier GOFLAGS; recognizeGoCommand reads an Env map', () => {
		const script = parseShell(parsers, 'go build -o app .');
		const base = parseGoCommand(script.commands[0])!;
		const once = withGoFlags(base, { value: '-race' });
		assert.equal(once.race?.source, 'GOFLAGS');
		const twice = withGoFlags(once, { value: '-mod=mod' });
		assert.equal(twice.race, undefined);
		assert.equal(twice.mod!.value, 'mod');
		const viaEnv = recognizeGoCommand(script.commands[0], new Map([['GOFLAGS', { value: '-buildmode=pie', span: undefined }]]))!;
		assert.equal(viaEnv.buildmode!.value, 'pie');
	});
});
