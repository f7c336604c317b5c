import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findingsOf, onlyFinding, project, textAt } from './helpers';

const ID = 'libc-workaround';
const RELOCATION = 'and then fail with "Error relocating …: symbol not found"';

/** A runtime-only Dockerfile: a prebuilt binary from the build context (SCENARIOS 2), after `setup`. */
function prebuilt(setup: string, runtime = 'alpine:3.20'): string {
	return `FROM ${runtime}\nRUN ${setup}\nCOPY bin/server /usr/local/bin/server\nENTRYPOINT ["/usr/local/bin/server"]\n`;
}

function multiStage(build: string, setup: string): string {
	return `FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN ${build}\n\nFROM alpine:3.20\nRUN ${setup}\nCOPY --from=build /out/app /app\nENTRYPOINT ["/app"]\n`;
}

describe(ID, () => {
	it('explains libc6-compat installed for a prebuilt binary whose linkage is not visible', async () => {
		const files = project(prebuilt('apk add --no-cache ca-certificates libc6-compat'));
		const f = await onlyFinding(files, ID);
		assert.equal(f.severity, 'warning');
		assert.equal(textAt(files, f), 'libc6-compat');
		assert.equal(f.message, `"libc6-compat" is a glibc compatibility shim for musl: glibc-linked binaries may start in "alpine:3.20" ${RELOCATION}`);
		assert.deepEqual(
			f.related.map((r) => [textAt(files, r), r.message]),
			[
				['FROM alpine:3.20', 'runs on "alpine:3.20" (musl 1.2.5)'],
				['COPY bin/server /usr/local/bin/server', 'copied from the build context: how this file was linked is not visible here'],
			],
		);
		assert.deepEqual(f.fixes, []);
	});

	it('reports gcompat the same way', async () => {
		const files = project(prebuilt('apk add gcompat'));
		const f = await onlyFinding(files, ID);
		assert.equal(textAt(files, f), 'gcompat');
		assert.match(f.message, /^"gcompat" is a glibc compatibility shim for musl:/);
	});

	it('recognises a glibc loader path linked to musl (amd64 and arm64)', async () => {
		const amd64 = project(prebuilt('mkdir -p /lib64 && ln -s /lib/libc.musl-x86_64.so.1 /lib64/ld-linux-x86-64.so.2'));
		const f = await onlyFinding(amd64, ID);
		assert.equal(textAt(amd64, f), 'ln -s /lib/libc.musl-x86_64.so.1 /lib64/ld-linux-x86-64.so.2');
		assert.equal(f.message, `"ln -s /lib/libc.musl-x86_64.so.1 /lib64/ld-linux-x86-64.so.2" puts a glibc loader path on musl: glibc-linked binaries may start in "alpine:3.20" ${RELOCATION}`);
		const arm64 = project(prebuilt('ln -sf /lib/ld-musl-aarch64.so.1 /lib/ld-linux-aarch64.so.1'));
		assert.equal(textAt(arm64, await onlyFinding(arm64, ID)), 'ln -sf /lib/ld-musl-aarch64.so.1 /lib/ld-linux-aarch64.so.1');
	});

	it('judges a shim installed in a base stage once, through the stage that receives the binary', async () => {
		const text = 'FROM alpine:3.20 AS base\nRUN apk add --no-cache libc6-compat\n\nFROM base\nCOPY bin/server /server\n';
		const files = project(text);
		const findings = await findingsOf(files, ID);
		assert.deepEqual(findings.map((f) => textAt(files, f)), ['libc6-compat']);
		assert.deepEqual(findings[0]?.related.map((r) => textAt(files, r)), ['FROM base', 'COPY bin/server /server']);
	});

	it('fires when a copied Go binary\'s linkage is not known, saying so', async () => {
		const text = 'FROM registry.example.com/go-builder:1 AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /out/app .\n\nFROM alpine:3.20\nRUN apk add --no-cache gcompat\nCOPY --from=build /out/app /app\n';
		const files = project(text);
		const f = await onlyFinding(files, ID);
		assert.equal(
			f.related[1]?.message,
			'how "/app" is linked is not known: CGO_ENABLED is unset and whether a C compiler is present is not known (registry.example.com/go-builder:1 is not in the knowledge base)',
		);
	});

	it('fires when a static Go binary shares the image with a prebuilt file', async () => {
		const text = multiStage('CGO_ENABLED=0 go build -o /out/app .', 'apk add --no-cache libc6-compat').replace('COPY --from=build /out/app /app\n', 'COPY --from=build /out/app /app\nCOPY vendor/agent /usr/local/bin/agent\n');
		const files = project(text);
		const f = await onlyFinding(files, ID);
		assert.deepEqual(
			f.related.map((r) => [textAt(files, r), r.message]).slice(1),
			[
				['COPY vendor/agent /usr/local/bin/agent', 'copied from the build context: how this file was linked is not visible here'],
				['COPY --from=build /out/app /app', '"/app" is statically linked'],
			],
		);
	});

	describe('with a known glibc Go binary, libc-mismatch reports instead, as a warning naming the shim', () => {
		it('gcompat', async () => {
			const files = project(multiStage('go build -o /out/app .', 'apk add --no-cache gcompat'));
			assert.deepEqual(await findingsOf(files, ID), []);
			const f = await onlyFinding(files, 'libc-mismatch');
			assert.equal(f.severity, 'warning');
			assert.equal(
				f.message,
				'"/app" is dynamically linked against glibc (CGO_ENABLED is unset and gcc is present in golang:1.22, so cgo defaults to on) but "alpine:3.20" has musl 1.2.5, not glibc: with "gcompat" it may start, then fail with "Error relocating …: symbol not found"',
			);
			const shim = f.related[f.related.length - 1];
			assert.equal(textAt(files, shim), 'gcompat');
			assert.equal(shim.message, '"gcompat": a glibc workaround on musl (see libc-workaround)');
			assert.equal(f.fixes[0]?.title, 'Set CGO_ENABLED=0 for this go build (inline before "go build")');
		});
		it('a linked loader', async () => {
			const files = project(multiStage('go build -o /out/app .', 'mkdir /lib64 && ln -s /lib/libc.musl-x86_64.so.1 /lib64/ld-linux-x86-64.so.2'));
			assert.deepEqual(await findingsOf(files, ID), []);
			const f = await onlyFinding(files, 'libc-mismatch');
			assert.equal(f.severity, 'warning');
			assert.match(f.message, /: with "ln -s \/lib\/libc\.musl-x86_64\.so\.1 \/lib64\/ld-linux-x86-64\.so\.2" it may start, then fail with "Error relocating …: symbol not found"$/);
		});
		it('without a shim it stays an error', async () => {
			const f = await onlyFinding(project(multiStage('go build -o /out/app .', 'apk add --no-cache ca-certificates')), 'libc-mismatch');
			assert.equal(f.severity, 'error');
		});
	});

	describe('stays silent', () => {
		const silent: [string, string][] = [
			['only a static Go binary is copied in (CGO_ENABLED=0)', multiStage('CGO_ENABLED=0 go build -o /out/app .', 'apk add --no-cache libc6-compat')],
			['a builder stage installs it for its own tools', 'FROM golang:1.22-alpine AS build\nRUN apk add --no-cache libc6-compat\nWORKDIR /src\nCOPY . .\nRUN go build -o /out/app .\n'],
			['no shim: a prebuilt binary into alpine', prebuilt('apk add --no-cache ca-certificates')],
			['apk del libc6-compat', prebuilt('apk del libc6-compat')],
			['xx-apk installs for the target platform', prebuilt('xx-apk add --no-cache gcompat')],
			['a symlink that is not a loader', prebuilt('ln -s /usr/bin/python3 /usr/bin/python')],
			['a loader-named link into a directory', prebuilt('ln -s /lib/libc.musl-x86_64.so.1 /lib64/')],
			['a glibc image: nothing to work around', prebuilt('ln -s /lib/x86_64-linux-gnu/ld-linux-x86-64.so.2 /lib64/ld-linux-x86-64.so.2', 'debian:bookworm-slim')],
		];
		for (const [name, text] of silent) {
			it(name, async () => {
				assert.deepEqual(await findingsOf(project(text), ID), []);
			});
		}
	});
});
