// The binary verdict (runsOn), tooling and details on the real fixtures of test/binary/fixtures, decoded the way
// the reader tests do. Expected values follow FACTS §2 (tooling), §3.5 (static), §4.1-§4.3 (loaders, glibc floor),
// §5.2-§5.3 (image libc), §8 (-trimpath hides -ldflags).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inspectBinary, memorySource, type BinaryInfo } from '../../../server/src/binary';
import { lookupImage } from '../../../server/src/knowledge';
import { binaryDetails, formatVerdictText } from '../../../server/src/rules/binary-report';
import { RUNTIME_TARGETS } from '../../../server/src/rules/binary-targets';
import { ldflagsVerdict, toolingVerdict } from '../../../server/src/rules/binary-tooling';
import { binaryPlatform, binaryVerdict, type RunsOnEntry } from '../../../server/src/rules/binary-verdict';
import { fixtureBytes } from '../../binary/fixtures';

function info(name: string): BinaryInfo {
	const r = inspectBinary(memorySource(fixtureBytes(name)));
	assert.equal(r.kind, 'binary', name);
	return (r as { info: BinaryInfo }).info;
}

function byImage(entries: readonly RunsOnEntry[]): Map<string, RunsOnEntry> {
	return new Map(entries.map((e) => [e.image, e]));
}

const GLIBC_OLDER_THAN_234 = ['amazonlinux:2', 'registry.access.redhat.com/ubi8/ubi-minimal', 'debian:bullseye', 'ubuntu:20.04'];
const GLIBC_234_OR_NEWER = ['gcr.io/distroless/base-debian12', 'gcr.io/distroless/base-debian13', 'registry.access.redhat.com/ubi9/ubi-minimal', 'amazonlinux:2023', 'ubuntu:22.04', 'debian:bookworm', 'ubuntu:24.04', 'debian:trixie'];
const MUSL = ['alpine:3.18', 'alpine:3.19', 'alpine:3.20', 'alpine:3.21', 'alpine:3.22'];
const NO_LIBC = ['scratch', 'gcr.io/distroless/static-debian12'];

describe('binary verdict: runsOn', () => {
	it('every target image is known to the knowledge base, with a libc family (no hard-coded versions here)', () => {
		for (const image of RUNTIME_TARGETS) {
			const facts = lookupImage(image);
			assert.ok(facts?.libc, `${image} has libc facts`);
		}
		assert.deepEqual([...RUNTIME_TARGETS].sort(), [...GLIBC_OLDER_THAN_234, ...GLIBC_234_OR_NEWER, ...MUSL, ...NO_LIBC].sort());
	});

	for (const name of ['go126-linux-amd64-cgo-net', 'go119-linux-amd64-cgo-net', 'go126-linux-amd64-sqlite', 'c-linux-amd64-gcc']) {
		it(`${name}: a GLIBC_2.34 floor fails on glibc < 2.34, runs on ≥ 2.34, never on musl or without a loader`, () => {
			const v = byImage(binaryVerdict(info(name)));
			for (const image of GLIBC_OLDER_THAN_234) {
				const e = v.get(image)!;
				assert.equal(e.ok, false, `${image}: ${e.why}`);
				assert.match(e.why, /needs GLIBC_2\.34 \((.*pthread_create.*|__libc_start_main)\) but the image has glibc 2\.(26|28|31): "version `GLIBC_2\.34' not found"/);
			}
			for (const image of GLIBC_234_OR_NEWER) assert.equal(v.get(image)!.ok, true, `${image}: ${v.get(image)!.why}`);
			for (const image of MUSL) {
				assert.equal(v.get(image)!.ok, false);
				assert.match(v.get(image)!.why, /needs glibc \(the loader "\/lib64\/ld-linux-x86-64\.so\.2"\) but the image has musl 1\.2\.\d/);
			}
			for (const image of NO_LIBC) assert.match(v.get(image)!.why, /no libc or loader: exec fails with "no such file or directory"/);
		});
	}

	it('names the symbols that set the glibc floor (FACTS §4.3: pthread_* @GLIBC_2.34)', () => {
		const e = byImage(binaryVerdict(info('go119-linux-amd64-cgo-net'))).get('debian:bullseye')!;
		assert.match(e.why, /\(pthread_attr_getstacksize, pthread_create, pthread_detach\)/);
	});

	it('a musl-linked binary runs on alpine only', () => {
		const v = binaryVerdict(info('go126-linux-amd64-musl-dynamic'));
		for (const e of v) assert.equal(e.ok, MUSL.includes(e.image), `${e.image}: ${e.why}`);
		const debian = byImage(v).get('debian:bookworm')!;
		assert.match(debian.why, /needs musl \(the loader "\/lib\/ld-musl-x86_64\.so\.1"\) but the image has glibc 2\.36/);
	});

	for (const name of ['go126-linux-amd64-nocgo', 'go126-linux-amd64-nocgo-s-w', 'go126-linux-amd64-netgo-osusergo', 'go126-linux-amd64-musl-static', 'go126-linux-amd64-trimpath', 'go117-linux-amd64-nocgo']) {
		it(`${name}: statically linked, runs on every image of its architecture`, () => {
			for (const e of binaryVerdict(info(name))) {
				assert.equal(e.ok, true, `${e.image}: ${e.why}`);
				assert.match(e.why, /statically linked, no loader and no libc needed: runs on any Linux image \(linux\/amd64\)/);
			}
		});
	}

	it('static glibc and static-pie start everywhere, with the NSS caveat for glibc (FACTS §3.5)', () => {
		for (const name of ['go126-linux-amd64-glibc-static', 'go126-linux-amd64-static-pie']) {
			for (const e of binaryVerdict(info(name))) {
				assert.equal(e.ok, true);
				assert.match(e.why, /with glibc inside: starts on any image \(linux\/amd64\); name lookups through NSS/);
			}
		}
	});

	it('a CGO_ENABLED=0 -buildmode=pie binary still needs the glibc loader (FACTS §3.5), but no glibc version', () => {
		const v = byImage(binaryVerdict(info('go126-linux-amd64-pie-nocgo')));
		for (const image of [...GLIBC_OLDER_THAN_234, ...GLIBC_234_OR_NEWER]) assert.equal(v.get(image)!.ok, true, image);
		for (const image of [...MUSL, ...NO_LIBC]) assert.equal(v.get(image)!.ok, false, image);
		assert.match(v.get('debian:bullseye')!.why, /glibc 2\.31 has the loader "\/lib64\/ld-linux-x86-64\.so\.2"/);
	});

	it('other architectures: the why names the platform; a different pull platform does not run', () => {
		const arm = info('go126-linux-arm64-cgo');
		assert.equal(binaryPlatform(arm), 'linux/arm64');
		assert.equal(binaryPlatform(info('go126-linux-s390x')), 'linux/s390x');
		assert.equal(binaryPlatform(info('go126-linux-386')), 'linux/386');
		assert.equal(byImage(binaryVerdict(arm)).get('debian:bookworm')!.ok, true);
		const wrong = binaryVerdict(arm, { platform: 'linux/amd64' });
		for (const e of wrong) {
			assert.equal(e.ok, false);
			assert.match(e.why, /a linux\/arm64 binary on a linux\/amd64 image: exec fails with "exec format error"/);
		}
		assert.ok(binaryVerdict(info('go126-linux-arm'), { platform: 'linux/arm/v7' }).every((e) => e.ok === true), 'linux/arm/v7 pulls the arm variant');
	});

	it('Mach-O and PE executables do not run on any Linux image', () => {
		for (const [name, re] of [['go126-darwin-arm64', /Mach-O executable for macOS/], ['go126-darwin-universal', /Mach-O/], ['go126-windows-amd64', /Windows PE executable/], ['go126-windows-386', /Windows PE/]] as const) {
			for (const e of binaryVerdict(info(name))) {
				assert.equal(e.ok, false, `${name} on ${e.image}`);
				assert.match(e.why, re);
			}
		}
	});

	it('GOOS from build info other than linux: does not run', () => {
		const base = info('go126-linux-amd64-nocgo');
		const freebsd: BinaryInfo = { ...base, go: { ...base.go!, settings: base.go!.settings.map((s) => (s.key === 'GOOS' ? { key: 'GOOS', value: 'freebsd' } : s)) } };
		for (const e of binaryVerdict(freebsd)) assert.match(e.why, /built for GOOS=freebsd \(build info\): Linux cannot run it/);
	});

	it('unknown: an image the knowledge base does not know, or a needed library it cannot confirm', () => {
		const cgo = info('go126-linux-amd64-cgo-net');
		const unknown = binaryVerdict(cgo, { images: ['registry.example.com/base:1'] });
		assert.deepEqual(unknown, [{ image: 'registry.example.com/base:1', ok: null, why: 'the knowledge base does not know this image' }]);
		const ssl: BinaryInfo = { ...cgo, needed: [...cgo.needed, 'libssl.so.3'] };
		const e = byImage(binaryVerdict(ssl)).get('debian:bookworm')!;
		assert.equal(e.ok, null);
		assert.match(e.why, /also needs "libssl\.so\.3", which the knowledge base cannot confirm/);
		// A failing floor is still a failure, whatever else is needed.
		assert.equal(byImage(binaryVerdict(ssl)).get('debian:bullseye')!.ok, false);
		// A static binary runs on an unknown image too: it needs nothing from it.
		assert.equal(binaryVerdict(info('go126-linux-amd64-nocgo'), { images: ['registry.example.com/base:1'] })[0]?.ok, true);
	});
});

describe('binary verdict: tooling and -ldflags', () => {
	const row = (name: string, id: string) => toolingVerdict(info(name)).find((t) => t.id === id)!;

	it('pprof and panics work on every Go binary, stripped or not (.gopclntab; FACTS §2.2)', () => {
		for (const name of ['go126-linux-amd64-nocgo', 'go126-linux-amd64-nocgo-s-w', 'go122-linux-amd64-nocgo-s', 'go126-darwin-arm64-s', 'go126-windows-amd64']) {
			assert.equal(row(name, 'go-runtime').ok, true, name);
		}
		assert.equal(row('c-linux-amd64-gcc', 'go-runtime').ok, null);
	});

	it('perf and nm need .symtab; delve and gdb need DWARF (FACTS §2.3)', () => {
		assert.deepEqual([row('go126-linux-amd64-nocgo', 'symbols').ok, row('go126-linux-amd64-nocgo', 'debugger').ok], [true, true]);
		assert.deepEqual([row('go126-linux-amd64-nocgo-w', 'symbols').ok, row('go126-linux-amd64-nocgo-w', 'debugger').ok], [true, false]);
		assert.deepEqual([row('go126-linux-amd64-nocgo-s-w', 'symbols').ok, row('go126-linux-amd64-nocgo-s-w', 'debugger').ok], [false, false]);
		assert.match(row('go126-linux-amd64-nocgo-s-w', 'symbols').why, /nm prints "no symbols".*\.gopclntab still work/);
		assert.match(row('go126-linux-amd64-nocgo-w', 'debugger').why, /could not open debug info/);
	});

	it('-trimpath: -ldflags is "not recorded", never "absent" (FACTS §8)', () => {
		const l = ldflagsVerdict(info('go126-linux-amd64-trimpath'));
		assert.equal(l.status, 'not recorded');
		assert.match(l.text, /not recorded: -trimpath omits -ldflags/);
		assert.doesNotMatch(l.text, /absent|without/);
		assert.deepEqual(ldflagsVerdict(info('go126-linux-amd64-nocgo-s-w')), { status: 'recorded', text: '-ldflags=-s -w' });
		assert.equal(ldflagsVerdict(info('go126-linux-amd64-nocgo')).status, 'absent');
		assert.equal(ldflagsVerdict(info('go117-linux-amd64-nocgo')).status, 'not recorded', 'Go before 1.18 recorded no settings');
		assert.equal(ldflagsVerdict(info('c-linux-amd64-gcc')).status, 'not a Go binary');
	});
});

describe('binary details and verdict text', () => {
	it('maps each needed GLIBC version to its symbols and lists dynamic entries, notes and tables', () => {
		const d = binaryDetails(info('go126-linux-amd64-cgo-net'));
		const v234 = d.versionSymbols.find((v) => v.version === 'GLIBC_2.34')!;
		assert.equal(v234.file, 'libc.so.6');
		assert.deepEqual(v234.symbols, d.glibcMinSymbols);
		assert.ok(d.dynamic.some((e) => e.type === 'NEEDED' && e.value === 'Shared library: [libc.so.6]'));
		assert.ok(d.notes.some((n) => n.owner === 'Go' && n.description.startsWith('GO BUILDID: ')));
		assert.ok(d.tables.some((t) => t.name === '.symtab' && t.kind === 'symbols' && t.size! > 0));
		assert.ok(d.tables.some((t) => t.kind === 'dwarf'));
		assert.ok(d.tables.some((t) => t.name === '.gopclntab' && t.size! > 0));
		const stripped = binaryDetails(info('go126-linux-amd64-nocgo-s-w'));
		assert.deepEqual(stripped.tables.map((t) => t.name), ['.gopclntab']);
	});

	it('formats the verdict as aligned text', () => {
		const i = info('go126-linux-amd64-cgo-net');
		const text = formatVerdictText(binaryVerdict(i), toolingVerdict(i), ldflagsVerdict(i));
		assert.match(text, /^Runs on:\n {2}scratch +FAILS {2}needs the loader/);
		assert.match(text, /\n {2}debian:bookworm +runs {3}dynamically linked against glibc: GLIBC_2\.34 ≤ glibc 2\.36\n/);
		assert.match(text, /\nTooling:\n {2}works {2}Go panics, pprof/);
		assert.match(text, / {2}build info: built without -ldflags\n$/);
	});
});
