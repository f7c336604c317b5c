import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as K from '../../../server/src/knowledge';

describe('cgo modules (FACTS §7)', () => {
	it('matches by prefix at path boundaries, including /v2 sub-packages', () => {
		assert.equal(K.lookupCgoModule('github.com/confluentinc/confluent-kafka-go/v2/kafka')?.module.path, 'github.com/confluentinc/confluent-kafka-go');
		assert.equal(K.lookupCgoModule('github.com/confluentinc/confluent-kafka-go/v2')?.module.wraps, 'librdkafka');
		assert.equal(K.lookupCgoModule('github.com/confluentinc/confluent-kafka-go')?.module.withCgoDisabled, 'compile-error');
		assert.equal(K.lookupCgoModule('github.com/mattn/go-sqlite3')?.module.withCgoDisabled, 'runtime-panic');
		assert.equal(K.lookupCgoModule('github.com/mattn/go-sqlite3x'), undefined);
		assert.equal(K.lookupCgoModule('github.com/mattn/go-sqlite'), undefined);
	});
	it('gives the exact go-sqlite3 error text and alternatives', () => {
		const m = K.lookupCgoModule('github.com/mattn/go-sqlite3')!.module;
		assert.equal(m.errorText, "Binary was compiled with 'CGO_ENABLED=0', go-sqlite3 requires cgo to work. This is a stub");
		assert.ok(m.alternatives.includes('modernc.org/sqlite'));
		assert.equal(m.verified, true);
	});
	it('carries musl notes for confluent-kafka-go', () => {
		const m = K.lookupCgoModule('github.com/confluentinc/confluent-kafka-go/kafka')!.module;
		assert.ok(m.muslNotes?.some((n) => n.includes('-tags musl')));
		assert.ok(m.muslNotes?.some((n) => n.includes('-tags dynamic')));
	});
	it('does not flag a module that only contains a cgo sub-package', () => {
		assert.equal(K.lookupCgoModule('github.com/google/gopacket'), undefined);
		assert.ok(K.lookupCgoModule('github.com/google/gopacket/pcap'));
		assert.deepEqual(K.cgoPackagesInModule('github.com/google/gopacket').map((m) => m.path), ['github.com/google/gopacket/pcap']);
		assert.equal(K.lookupCgoModule('github.com/coreos/go-systemd/v22'), undefined);
		assert.ok(K.lookupCgoModule('github.com/coreos/go-systemd/v22/sdjournal'));
		assert.ok(K.lookupCgoModule('github.com/coreos/go-systemd/sdjournal'));
	});
	it('marks unverified bindings', () => {
		assert.equal(K.lookupCgoModule('gocv.io/x/gocv')?.module.verified, false);
		assert.equal(K.lookupCgoModule('libvirt.org/go/libvirt')?.module.verified, false);
	});
	it('knows which modules honour purego', () => {
		assert.ok(K.honoursPuregoTag('golang.org/x/crypto/chacha20'));
		assert.ok(K.honoursPuregoTag('github.com/cloudflare/circl/sign/ed448'));
		assert.ok(K.honoursPuregoTag('crypto/sha256'));
		assert.ok(!K.honoursPuregoTag('github.com/ebitengine/purego'));
	});
	it('standard packages implying net and os/user', () => {
		assert.ok(K.STD_PACKAGES_USING_NET.has('net/http'));
		assert.ok(K.STD_PACKAGES_USING_NET.has('crypto/tls'));
		assert.ok(!K.STD_PACKAGES_USING_NET.has('net/url'));
		assert.ok(K.STD_PACKAGES_USING_OS_USER.has('os/user'));
	});
});

describe('Go features and kernels', () => {
	it('answers feature questions by version', () => {
		assert.equal(K.goFeature('1.20', 'cgoOffWithoutCompiler'), true);
		assert.equal(K.goFeature('1.19.8', 'cgoOffWithoutCompiler'), false);
		assert.equal(K.goFeature('1.22', 'stripImpliesNoDwarf'), true);
		assert.equal(K.goFeature('1.21.13', 'stripImpliesNoDwarf'), false);
		assert.equal(K.goFeature('1.21', 'toolchainDirective'), true);
		assert.equal(K.goFeature('1.20', 'goLineIsMinimum'), false);
		assert.equal(K.goFeature('1.21', 'goDebugDirectiveComment'), true);
		assert.equal(K.goFeature('1.22', 'godebugInGoMod'), false);
		assert.equal(K.goFeature('1.23', 'godebugInGoMod'), true);
		assert.equal(K.goFeature('1.24', 'toolDirective'), true);
		assert.equal(K.goFeature('1.25', 'ignoreDirective'), true);
		assert.equal(K.goFeature('bogus', 'toolDirective'), undefined);
	});
	it('knows the newest Go release', () => {
		assert.equal(K.NEWEST_GO_RELEASE, '1.27');
		assert.equal(K.isNewerThanKnown('1.28'), true);
		assert.equal(K.isNewerThanKnown('1.27.3'), false);
	});
	it('kernel minimums (FACTS §4.4)', () => {
		assert.equal(K.linuxKernelRequirement('1.24')?.minKernel, '3.2');
		assert.equal(K.linuxKernelRequirement('1.23.12')?.minKernel, '2.6.32');
		assert.equal(K.linuxKernelRequirement('1.23')?.lastRelease, '1.23.12');
		assert.equal(K.linuxKernelRequirement('1.18')?.minKernel, '2.6.23');
		assert.equal(K.linuxKernelRequirement('1.25', 'loong64')?.minKernel, '5.19');
		assert.equal(K.linuxKernelRequirement('1.25', 'mips64le')?.minKernel, '4.8');
		assert.equal(K.linuxKernelRequirement('x'), undefined);
	});
});

describe('linker flags', () => {
	it('looks up spellings', () => {
		assert.equal(K.lookupLinkerFlag('-w=false')?.flag, '-w=0');
		assert.equal(K.lookupLinkerFlag('-X main.version=1.2.3')?.flag, '-X');
		assert.equal(K.lookupLinkerFlag('-linkmode external')?.flag, '-linkmode=external');
		assert.equal(K.lookupLinkerFlag("-extldflags '-static'")?.flag, '-extldflags=-static');
		assert.equal(K.lookupLinkerFlag('-bogus'), undefined);
	});
	it('records what breaks and what keeps working', () => {
		const s = K.lookupLinkerFlag('-s')!;
		assert.ok(s.breaks.some((b) => b.includes('perf')));
		assert.ok(s.keepsWorking.some((k) => k.includes('pprof')));
		assert.ok(K.lookupLinkerFlag('-w')!.breaks.some((b) => b.includes('could not open debug info')));
		assert.ok(K.lookupLinkerFlag('-linkmode=external')!.errors?.includes('-linkmode=external requires external (cgo) linking, but cgo is not enabled'));
	});
	it('computes stripping by Go version', () => {
		assert.deepEqual(K.strippingEffect({ s: true, goVersion: '1.22' }).dwarf, false);
		assert.deepEqual(K.strippingEffect({ s: true, w: false, goVersion: '1.22' }).dwarf, true);
		assert.deepEqual(K.strippingEffect({ s: true, w: false, goVersion: '1.21', goos: 'linux' }).dwarf, false);
		assert.deepEqual(K.strippingEffect({ s: true, goVersion: '1.21', goos: 'darwin' }).dwarf, true);
		assert.deepEqual(K.strippingEffect({ s: true, goos: 'darwin' }).dwarf, undefined);
		assert.deepEqual(K.strippingEffect({ s: false, w: true }).dwarf, false);
		const e = K.strippingEffect({ s: true, w: true });
		assert.equal(e.symbolTable, false);
		assert.equal(e.pclntab, true);
	});
});

describe('loaders (FACTS §4.1)', () => {
	it('classifies interpreter paths', () => {
		assert.deepEqual(
			{ ...K.libcOfInterpreter('/lib64/ld-linux-x86-64.so.2'), sources: [] },
			{ family: 'glibc', goarch: 'amd64', inferred: false, sources: [] },
		);
		assert.equal(K.libcOfInterpreter('/lib/ld-musl-aarch64.so.1')?.family, 'musl');
		assert.equal(K.libcOfInterpreter('/lib/ld-musl-aarch64.so.1')?.goarch, 'arm64');
		assert.equal(K.libcOfInterpreter('/lib64/ld64.so.1')?.goarch, 's390x');
		const hf = K.libcOfInterpreter('/lib/ld-musl-armhf.so.1');
		assert.equal(hf?.family, 'musl');
		assert.equal(hf?.inferred, true);
		assert.equal(K.libcOfInterpreter('/lib64/ld64.so.2')?.family, 'glibc');
		assert.equal(K.libcOfInterpreter('/usr/bin/env'), undefined);
		assert.equal(K.interpreterFor('arm64', 'musl'), '/lib/ld-musl-aarch64.so.1');
	});
});

describe('runners', () => {
	it('knows GitHub-hosted Ubuntu runners', () => {
		assert.equal(K.lookupRunner('ubuntu-22.04')?.libc?.version, '2.35');
		assert.equal(K.lookupRunner('ubuntu-24.04')?.libc?.version, '2.39');
		assert.equal(K.lookupRunner('ubuntu-24.04-arm')?.arch, 'arm64');
		assert.equal(K.lookupRunner('ubuntu-22.04-arm')?.libc?.version, '2.35');
		const old = K.lookupRunner('ubuntu-20.04')!;
		assert.equal(old.libc?.version, '2.31');
		assert.match(old.retired ?? '', /2025-04-15/);
	});
	it('ubuntu-latest is 24.04 since 2025-01-17', () => {
		const r = K.lookupRunner('ubuntu-latest')!;
		assert.equal(r.floating?.resolvedTo, 'ubuntu-24.04');
		assert.equal(r.floating?.since, '2025-01-17');
		assert.equal(r.libc?.version, '2.39');
	});
	it('macOS and Windows have no glibc; self-hosted is unknown', () => {
		assert.equal(K.lookupRunner('macos-14')?.os, 'darwin');
		assert.equal(K.lookupRunner('macos-latest')?.libc, undefined);
		assert.equal(K.lookupRunner('windows-2022')?.os, 'windows');
		const sh = K.lookupRunner(['self-hosted', 'linux', 'x64'])!;
		assert.equal(sh.selfHosted, true);
		assert.equal(sh.os, 'linux');
		assert.equal(sh.arch, 'amd64');
		assert.equal(sh.libc, undefined);
		assert.equal(K.lookupRunner('my-custom-runner'), undefined);
		assert.equal(K.lookupRunner([]), undefined);
	});
});

describe('cross compilers', () => {
	it('knows packages', () => {
		assert.equal(K.lookupCompilerPackage('apt', 'gcc-aarch64-linux-gnu')?.target?.goarch, 'arm64');
		assert.equal(K.lookupCompilerPackage('apt', 'gcc-mingw-w64-x86-64')?.target?.goos, 'windows');
		assert.equal(K.lookupCompilerPackage('apk', 'build-base')?.role, 'meta');
		assert.equal(K.lookupCompilerPackage('apk', 'gcompat')?.role, 'libc-shim');
		assert.equal(K.lookupCompilerPackage('apk', 'libc6-compat')?.role, 'libc-shim');
		assert.equal(K.lookupCompilerPackage('apk', 'musl-dev')?.role, 'c-headers');
		assert.equal(K.lookupCompilerPackage('apt', 'nonexistent'), undefined);
	});
	it('interprets CC values', () => {
		assert.deepEqual(K.lookupCCompilerCommand('aarch64-linux-gnu-gcc'), { kind: 'cross', target: { goos: 'linux', goarch: 'arm64', libc: 'glibc' } });
		assert.deepEqual(K.lookupCCompilerCommand('x86_64-w64-mingw32-gcc'), { kind: 'cross', target: { goos: 'windows', goarch: 'amd64' } });
		assert.deepEqual(K.lookupCCompilerCommand('zig cc -target aarch64-linux-musl'), { kind: 'cross', target: { goos: 'linux', goarch: 'arm64', libc: 'musl' } });
		assert.deepEqual(K.lookupCCompilerCommand('clang --target=x86_64-linux-gnu'), { kind: 'cross', target: { goos: 'linux', goarch: 'amd64', libc: 'glibc' } });
		assert.deepEqual(K.lookupCCompilerCommand('musl-gcc'), { kind: 'native', libc: 'musl' });
		assert.deepEqual(K.lookupCCompilerCommand('/usr/bin/gcc'), { kind: 'native' });
		assert.deepEqual(K.lookupCCompilerCommand('xx-clang'), { kind: 'cross-helper' });
		assert.equal(K.lookupCCompilerCommand('arm-linux-gnueabihf-gcc')?.target?.goarch, 'arm');
		assert.equal(K.lookupCCompilerCommand('o64-clang'), undefined);
	});
});
