import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { recognizePackageInstall, type PackageInstall } from '../../../server/src/model/package-install';
import { initNodeParsers } from '../../../server/src/node/wasm';
import { parseShell } from '../../../server/src/parse/shell';
import type { Span } from '../../../server/src/parse/span';
import type { Parsers } from '../../../server/src/parse/tree-sitter';

let parsers: Parsers;
before(async () => {
	parsers = await initNodeParsers();
});

function installsIn(body: string, options: { initialEnv?: Record<string, string> } = {}) {
	const prefix = 'FROM alpine:3.20\nRUN ';
	const doc = `${prefix}${body}\n`;
	const script = parseShell(parsers, body, { baseOffset: prefix.length, dockerfile: { escapeChar: '\\' }, ...options });
	const installs = script.commands.map((c) => recognizePackageInstall(c, 'Dockerfile')).filter((i): i is PackageInstall => i !== undefined);
	return { installs, at: (s: Span) => doc.slice(s.start, s.end) };
}

describe('recognizePackageInstall', () => {
	it('apk add --no-cache --virtual over continued lines, with versions and tags', () => {
		const { installs, at } = installsIn('apk add --no-cache --virtual .build-deps \\\n    gcc=13.2.1-r0 \\\n    musl-dev~1.2 \\\n    zig@testing \\\n  && go build .');
		assert.equal(installs.length, 1);
		const apk = installs[0];
		assert.equal(apk.manager, 'apk');
		assert.equal(apk.action, 'install');
		assert.equal(apk.file, 'Dockerfile');
		assert.equal(apk.noCache, true);
		assert.deepEqual(apk.virtual && [apk.virtual.name, at(apk.virtual.span)], ['.build-deps', '.build-deps']);
		assert.deepEqual(apk.packages.map((p) => [p.name, p.version, p.release, at(p.span), at(p.nameSpan)]), [
			['gcc', '=13.2.1-r0', undefined, 'gcc=13.2.1-r0', 'gcc'],
			['musl-dev', '~1.2', undefined, 'musl-dev~1.2', 'musl-dev'],
			['zig', undefined, 'testing', 'zig@testing', 'zig'],
		]);
	});

	it('apk --no-cache add (global options first), apk del, xx-apk for the target', () => {
		const { installs } = installsIn('apk --no-cache -U add build-base && apk del .build-deps && xx-apk add --no-cache gcc musl-dev');
		assert.deepEqual(installs.map((i) => [i.manager, i.action, i.crossTarget, i.packages.map((p) => p.name)]), [
			['apk', 'install', false, ['build-base']],
			['apk', 'remove', false, ['.build-deps']],
			['apk', 'install', true, ['gcc', 'musl-dev']],
		]);
		assert.equal(installs[0].noCache, true);
	});

	it('apt-get install -y --no-install-recommends with arch and release qualifiers', () => {
		const { installs, at } = installsIn(
			'apt-get update && apt-get install -y --no-install-recommends -o Dpkg::Options::=--force-confnew gcc-aarch64-linux-gnu libc6-dev:arm64 golang/bookworm-backports clang=1:14.0-55 && rm -rf /var/lib/apt/lists/*',
		);
		assert.equal(installs.length, 1);
		const apt = installs[0];
		assert.equal(apt.manager, 'apt-get');
		assert.equal(apt.noInstallRecommends, true);
		assert.deepEqual(apt.packages.map((p) => [p.name, p.arch, p.release, p.version]), [
			['gcc-aarch64-linux-gnu', undefined, undefined, undefined],
			['libc6-dev', 'arm64', undefined, undefined],
			['golang', undefined, 'bookworm-backports', undefined],
			['clang', undefined, undefined, '=1:14.0-55'],
		]);
		assert.equal(at(apt.packages[1].nameSpan), 'libc6-dev');
	});

	it('apt install, sudo apt-get -y install, apt-get purge, xx-apt-get', () => {
		const { installs } = installsIn('sudo apt-get -y install gcc; apt install -y libc6-compat; apt-get purge -y gcc; xx-apt-get install -y libc6-dev');
		assert.deepEqual(installs.map((i) => [i.manager, i.action, i.crossTarget, i.packages.map((p) => p.name)]), [
			['apt-get', 'install', false, ['gcc']],
			['apt', 'install', false, ['libc6-compat']],
			['apt-get', 'remove', false, ['gcc']],
			['apt-get', 'install', true, ['libc6-dev']],
		]);
	});

	it('yum / dnf / microdnf install, dnf group install, rpm arch suffixes', () => {
		const { installs } = installsIn('yum install -y gcc glibc-static.x86_64 && dnf -y --setopt=install_weak_deps=False install gcc && microdnf install --nodocs gcompat && dnf group install -y "Development Tools"');
		assert.deepEqual(installs.map((i) => [i.manager, i.subcommand.value, i.packages.map((p) => [p.name, p.arch])]), [
			['yum', 'install', [['gcc', undefined], ['glibc-static', 'x86_64']]],
			['dnf', 'install', [['gcc', undefined]]],
			['microdnf', 'install', [['gcompat', undefined]]],
			['dnf', 'install', [['Development Tools', undefined]]],
		]);
	});

	it('packages from a variable: resolved ones are split, unknown ones are dynamic', () => {
		const known = installsIn('apk add $DEPS', { initialEnv: { DEPS: 'gcc musl-dev' } }).installs[0];
		assert.deepEqual(known.packages.map((p) => p.name), ['gcc', 'musl-dev']);
		const unknown = installsIn('apk add $DEPS git').installs[0];
		assert.deepEqual(unknown.packages.map((p) => p.name), ['git']);
		assert.deepEqual(unknown.dynamicArgs.map((w) => w.text), ['$DEPS']);
	});

	it('not installs: apk update, apt-get update, apk info, pip install', () => {
		assert.deepEqual(installsIn('apk update && apt-get update && apk info gcc && pip install x').installs, []);
	});
});
