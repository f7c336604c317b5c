import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { goCommandsIn, splitQuotedFields, type LinkerFlags } from '../../../server/src/model/go-command';
import { initNodeParsers } from '../../../server/src/node/wasm';
import { parseShell } from '../../../server/src/parse/shell';
import type { Span } from '../../../server/src/parse/span';
import type { Parsers } from '../../../server/src/parse/tree-sitter';

let parsers: Parsers;
before(async () => {
	parsers = await initNodeParsers();
});

function ldflagsOf(body: string): { ld: LinkerFlags; at: (s: Span | undefined) => string | undefined } {
	const prefix = 'FROM golang:1.22 AS build\nRUN ';
	const doc = `${prefix}${body}\n`;
	const script = parseShell(parsers, body, { baseOffset: prefix.length, dockerfile: { escapeChar: '\\' } });
	const go = goCommandsIn(script)[0];
	assert.ok(go?.ldflags, `no -ldflags in ${body}`);
	return { ld: go.ldflags, at: (s) => (s ? doc.slice(s.start, s.end) : undefined) };
}

describe('quoted.Split semantics', () => {
	it('splits on blanks, keeps quoted fields whole, no escapes, adjacent quoted fields', () => {
		const split = (s: string) => splitQuotedFields(s).fields.map((f) => f.value);
		assert.deepEqual(split(` -s  -w\t-X 'main.v=a b' "-extldflags=-static" `), ['-s', '-w', '-X', 'main.v=a b', '-extldflags=-static']);
		assert.deepEqual(split(`'a'b "c\\"`), ['a', 'b', 'c\\']);
		assert.deepEqual(split(`a'b c'`), ["a'b", "c'"]);
		const bad = splitQuotedFields(`-X 'unterminated`);
		assert.equal(bad.error?.message, "unterminated ' string");
		assert.deepEqual(bad.fields.map((f) => f.value), ['-X', 'unterminated']);
	});
});

describe('-ldflags: linker flags with spans', () => {
	it('-s -w -X with a dynamic value', () => {
		const { ld, at } = ldflagsOf('go build -ldflags="-s -w -X main.version=${VERSION}" -o /app .');
		assert.deepEqual(ld.flags.map((f) => [f.name, f.enabled, at(f.span)]), [
			['s', true, '-s'],
			['w', true, '-w'],
			['X', undefined, '-X main.version=${VERSION}'],
		]);
		assert.equal(at(ld.s!.span), '-s');
		assert.deepEqual(ld.definitions.map((d) => [d.symbol, d.value]), [['main.version', '${VERSION}']]);
		assert.equal(ld.definitions[0].flag.dynamic, true);
		assert.equal(at(ld.definitions[0].flag.valueSpan), 'main.version=${VERSION}');
		assert.equal(ld.dynamic, true);
		assert.equal(at(ld.valueSpan), '-s -w -X main.version=${VERSION}');
		assert.deepEqual(ld.problems, []);
	});

	it("-linkmode external -extldflags \"-static\" inside single quotes", () => {
		const { ld, at } = ldflagsOf(`go build -ldflags '-linkmode external -extldflags "-static"' -o app .`);
		assert.equal(ld.linkmode!.value, 'external');
		assert.equal(ld.linkmode!.form, 'separate');
		assert.equal(at(ld.linkmode!.span), '-linkmode external');
		assert.equal(at(ld.linkmode!.valueSpan), 'external');
		assert.equal(at(ld.extldflagsFlag!.span), '-extldflags "-static"');
		// cmd/go's split already removed the double quotes; cmd/link splits `-static` again.
		assert.deepEqual(ld.extldflags!.map((f) => [f.value, at(f.span), f.quoted]), [['-static', '-static', false]]);
		assert.deepEqual(ld.args.map((a) => [a.value, at(a.span), at(a.contentSpan), a.quoted]).at(-1), ['-static', '"-static"', '-static', true]);
	});

	it('-linkmode=external and -extldflags=… forms; several extld flags', () => {
		const { ld, at } = ldflagsOf(`go build -ldflags "-linkmode=external '-extldflags=-static-pie -Wl,-z,relro'" -buildmode=pie .`);
		assert.equal(ld.linkmode!.value, 'external');
		assert.equal(ld.linkmode!.form, 'equals');
		assert.equal(at(ld.linkmode!.valueSpan), 'external');
		assert.deepEqual(ld.extldflags!.map((f) => [f.value, at(f.span)]), [['-static-pie', '-static-pie'], ['-Wl,-z,relro', '-Wl,-z,relro']]);
	});

	it('-extldflags with a quoted value holding several flags, across continued lines', () => {
		const { ld, at } = ldflagsOf(`go build \\\n  -ldflags "-extldflags '-static -lm'" \\\n  -o app .`);
		assert.deepEqual(ld.extldflags!.map((f) => [f.value, at(f.span)]), [['-static', '-static'], ['-lm', '-lm']]);
	});

	it('-w=0, -w=false, -s=false: enabled false, last occurrence wins', () => {
		const { ld, at } = ldflagsOf('go build -ldflags="-s -w=0" .');
		assert.equal(ld.s!.enabled, true);
		assert.equal(ld.w!.enabled, false);
		assert.equal(at(ld.w!.span), '-w=0');
		assert.equal(at(ld.w!.valueSpan), '0');
		const again = ldflagsOf('go build -ldflags="-w -s=false -w=false" .').ld;
		assert.equal(again.s!.enabled, false);
		assert.equal(again.w!.enabled, false);
		assert.match(ldflagsOf('go build -ldflags=-w=maybe .').ld.problems[0].message, /invalid boolean value "maybe"/);
	});

	it('-buildid, -B gobuildid, -I, -H, -d and -- forms', () => {
		const { ld, at } = ldflagsOf(`go build -ldflags "-buildid= -B gobuildid -I /lib/ld-musl-x86_64.so.1 --H=linux -d" .`);
		assert.equal(ld.buildid!.value, '');
		assert.equal(ld.buildNote!.value, 'gobuildid');
		assert.equal(at(ld.interpreter!.valueSpan), '/lib/ld-musl-x86_64.so.1');
		assert.equal(ld.headType!.value, 'linux');
		assert.equal(at(ld.headType!.nameSpan), '--H');
		assert.ok(ld.flags.some((f) => f.name === 'd' && f.enabled === true));
	});

	it('per-package pattern: -ldflags=all=-s -w', () => {
		const { ld, at } = ldflagsOf(`go build "-ldflags=all=-s -w" .`);
		assert.equal(ld.pattern!.value, 'all');
		assert.equal(at(ld.pattern!.span), 'all');
		assert.deepEqual(ld.flags.map((f) => f.name), ['s', 'w']);
		assert.equal(at(ld.valueSpan), '-s -w');
	});

	it('problems: a stray argument, an unknown flag, -X without =, a missing value, an unterminated quote', () => {
		const problems = (body: string) => ldflagsOf(body).ld.problems.map((p) => p.message);
		assert.match(problems('go build -ldflags="-s static" .')[0], /"static" in -ldflags is not a linker flag/);
		assert.match(problems('go build -ldflags=-bogus .')[0], /no flag "-bogus"/);
		assert.match(problems('go build -ldflags="-X main.version" .')[0], /importpath.name=value/);
		assert.match(problems('go build -ldflags="-s -linkmode" .')[0], /flag needs an argument: -linkmode/);
		assert.match(problems(`go build -ldflags="-X 'main.v=1" .`)[0], /unterminated ' string/);
	});

	it('a dynamic field is not a stray argument: -ldflags "$LDFLAGS -s"', () => {
		const { ld } = ldflagsOf('go build -ldflags "$LDFLAGS -s" .');
		assert.deepEqual(ld.problems, []);
		assert.equal(ld.positional.length, 1);
		assert.equal(ld.s!.enabled, true);
	});

	it('the last -ldflags wins', () => {
		const { ld, at } = ldflagsOf('go build -ldflags=-s -ldflags="-w" .');
		assert.deepEqual(ld.flags.map((f) => f.name), ['w']);
		assert.equal(at(ld.flag.span), '-ldflags="-w"');
	});
});
