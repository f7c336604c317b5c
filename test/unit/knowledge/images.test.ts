import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ImageFacts } from '../../../server/src/knowledge';
import { describeGlibcFloorFailures, lookupImage, parseImageRef, summariseTargets, withUserImages } from '../../../server/src/knowledge';

const DIGEST = `sha256:${'cd'.repeat(32)}`;

function libc(ref: string, platform?: string): string {
	const f = lookupImage(ref, platform ? { platform } : {});
	assert.ok(f, `${ref} should be known`);
	return f.libc ? `${f.libc.family}${f.libc.version ? ` ${f.libc.version}` : ''}` : 'unknown';
}

describe('FACTS §5.2 libc versions', () => {
	const cases: [string, string][] = [
		['debian:buster', 'glibc 2.28'],
		['debian:bullseye', 'glibc 2.31'],
		['debian:bookworm-slim', 'glibc 2.36'],
		['debian:trixie', 'glibc 2.41'],
		['debian:12', 'glibc 2.36'],
		['debian:11-slim', 'glibc 2.31'],
		['ubuntu:18.04', 'glibc 2.27'],
		['ubuntu:focal', 'glibc 2.31'],
		['ubuntu:22.04', 'glibc 2.35'],
		['ubuntu:noble', 'glibc 2.39'],
		['centos:7', 'glibc 2.17'],
		['rockylinux:8', 'glibc 2.28'],
		['almalinux:8', 'glibc 2.28'],
		['registry.access.redhat.com/ubi8/ubi', 'glibc 2.28'],
		['rockylinux:9', 'glibc 2.34'],
		['almalinux:9-minimal', 'glibc 2.34'],
		['registry.access.redhat.com/ubi9/ubi-minimal', 'glibc 2.34'],
		['registry.access.redhat.com/ubi9/ubi-micro', 'glibc 2.34'],
		['almalinux:10', 'glibc 2.39'],
		['amazonlinux:2', 'glibc 2.26'],
		['amazonlinux:2023', 'glibc 2.34'],
		['alpine:3.16', 'musl 1.2.3'],
		['alpine:3.17.1', 'musl 1.2.3'],
		['alpine:3.18', 'musl 1.2.4'],
		['alpine:3.19', 'musl 1.2.4_git20230717'],
		['alpine:3.20', 'musl 1.2.5'],
		['alpine:3.21', 'musl 1.2.5'],
		['alpine:3.22', 'musl 1.2.5'],
	];
	for (const [ref, want] of cases) {
		it(ref, () => assert.equal(libc(ref), want));
	}
});

describe('alpine outside FACTS §5.2 (sourced by URL)', () => {
	it('has musl versions for 3.12–3.15 and 3.23–3.24', () => {
		assert.equal(libc('alpine:3.12'), 'musl 1.1.24');
		assert.equal(libc('alpine:3.13'), 'musl 1.2.2');
		assert.equal(libc('alpine:3.14'), 'musl 1.2.2');
		assert.equal(libc('alpine:3.15'), 'musl 1.2.2');
		assert.equal(libc('alpine:3.23'), 'musl 1.2.5');
		assert.equal(libc('alpine:3.24'), 'musl 1.2.6');
	});
	it('keeps the family but not the version for floating tags', () => {
		assert.equal(libc('alpine'), 'musl');
		assert.equal(libc('alpine:edge'), 'musl');
		assert.ok(lookupImage('alpine:latest')?.floating);
	});
	it('has a shell and no C compiler', () => {
		const f = lookupImage('alpine:3.20')!;
		assert.equal(f.hasShell, true);
		assert.equal(f.hasCCompiler, false);
	});
});

describe('floating distro tags', () => {
	it('debian:latest and stable are trixie', () => {
		for (const ref of ['debian', 'debian:latest', 'debian:stable-slim']) {
			const f = lookupImage(ref)!;
			assert.equal(f.distro?.codename, 'trixie', ref);
			assert.equal(f.floating?.resolvedTo, 'debian:trixie');
		}
		assert.equal(lookupImage('debian:oldstable')?.distro?.codename, 'bookworm');
	});
	it('ubuntu:latest is 26.04 with glibc 2.43', () => {
		const f = lookupImage('ubuntu')!;
		assert.equal(f.distro?.release, '26.04');
		assert.equal(f.libc?.version, '2.43');
		assert.equal(f.floating?.resolvedTo, 'ubuntu:26.04');
	});
	it('debian and ubuntu base images have no C compiler', () => {
		assert.equal(lookupImage('debian:bookworm')?.hasCCompiler, false);
		assert.equal(lookupImage('ubuntu:24.04')?.hasCCompiler, false);
	});
});

describe('distroless (FACTS §5.3)', () => {
	it('static has no libc, base/base-nossl/cc have glibc of their Debian', () => {
		assert.equal(libc('gcr.io/distroless/static-debian12'), 'none');
		assert.equal(libc('gcr.io/distroless/static-debian13:nonroot'), 'none');
		assert.equal(libc('gcr.io/distroless/base-nossl-debian12'), 'glibc 2.36');
		assert.equal(libc('gcr.io/distroless/base-debian13'), 'glibc 2.41');
		assert.equal(libc('gcr.io/distroless/cc-debian12:latest'), 'glibc 2.36');
		assert.equal(libc('gcr.io/distroless/base-debian11'), 'glibc 2.31');
	});
	it('un-suffixed names know the family only and are deprecated', () => {
		const s = lookupImage('gcr.io/distroless/static')!;
		assert.deepEqual(s.libc, { family: 'none' });
		assert.ok(s.deprecated);
		const b = lookupImage('gcr.io/distroless/base:nonroot')!;
		assert.deepEqual(b.libc, { family: 'glibc' });
		assert.ok(b.deprecated);
	});
	it('debian11 is deprecated, debian12/13 are not', () => {
		assert.ok(lookupImage('gcr.io/distroless/base-debian11')?.deprecated);
		assert.equal(lookupImage('gcr.io/distroless/base-debian12')?.deprecated, undefined);
		assert.equal(lookupImage('gcr.io/distroless/static-debian13')?.deprecated, undefined);
	});
	it('has no shell except the debug images', () => {
		assert.equal(lookupImage('gcr.io/distroless/static-debian12:nonroot')?.hasShell, false);
		assert.equal(lookupImage('gcr.io/distroless/static-debian12:debug')?.hasShell, true);
		assert.equal(lookupImage('gcr.io/distroless/static-debian12:debug-nonroot')?.hasShell, true);
		assert.equal(lookupImage('gcr.io/distroless/static-debian12:latest-amd64')?.hasShell, false);
	});
	it('rejects unknown distroless images and tags', () => {
		assert.equal(lookupImage('gcr.io/distroless/java17-debian12'), undefined);
		assert.equal(lookupImage('gcr.io/distroless/static-debian12:v1.2'), undefined);
	});
});

describe('scratch, busybox, chainguard', () => {
	it('scratch has nothing', () => {
		const f = lookupImage('scratch')!;
		assert.deepEqual(f.libc, { family: 'none' });
		assert.equal(f.hasShell, false);
	});
	it('busybox default is glibc but musl on arm32v6', () => {
		const f = lookupImage('busybox')!;
		assert.equal(f.libc?.family, 'glibc');
		assert.ok(f.platformDependent);
		assert.equal(libc('busybox:1.38.0', 'linux/arm/v6'), 'musl');
		assert.equal(libc('busybox:latest', 'arm32v6'), 'musl');
		assert.equal(libc('busybox:latest', 'linux/arm64'), 'glibc');
		assert.equal(lookupImage('busybox', { platform: 'linux/amd64' })?.platformDependent, undefined);
		assert.equal(libc('busybox:musl'), 'musl');
		assert.equal(libc('busybox:1.38.0-glibc', 'linux/arm/v6'), 'glibc');
		assert.equal(libc('busybox:uclibc'), 'unknown');
	});
	it('chainguard static has no libc; wolfi-base and glibc-dynamic are glibc', () => {
		assert.equal(libc('cgr.dev/chainguard/static'), 'none');
		assert.equal(libc('cgr.dev/chainguard/static:latest-glibc'), 'none');
		assert.equal(libc('cgr.dev/chainguard/wolfi-base'), 'glibc');
		assert.equal(libc('cgr.dev/chainguard/glibc-dynamic'), 'glibc');
		assert.equal(lookupImage('cgr.dev/chainguard/wolfi-base')?.hasShell, true);
		assert.equal(lookupImage('cgr.dev/chainguard/glibc-dynamic')?.hasShell, false);
	});
	it('UBI 10 and Rocky 10 glibc versions are not known', () => {
		assert.equal(libc('registry.access.redhat.com/ubi10/ubi'), 'glibc');
		assert.equal(lookupImage('rockylinux:10'), undefined);
	});
});

describe('unknown images', () => {
	it('returns undefined', () => {
		for (const ref of [
			'fedora:40',
			'mcr.microsoft.com/dotnet/runtime-deps:8.0',
			'debian:sid',
			'ubuntu:rolling',
			'amazonlinux:latest',
			'myregistry.example.com/base:1',
			'golang:${GO}',
			'alpine:3.99',
		]) {
			assert.equal(lookupImage(ref), undefined, ref);
		}
	});
	it('a digest alone is unknown, a tag plus digest keeps the tag', () => {
		assert.equal(lookupImage(`debian@${DIGEST}`), undefined);
		const f = lookupImage(`debian:bookworm@${DIGEST}`)!;
		assert.equal(f.libc?.version, '2.36');
		assert.equal(f.reference, `docker.io/library/debian:bookworm@${DIGEST}`);
		assert.ok(f.notes?.some((n) => n.includes('digest')));
	});
	it('accepts a parsed ImageRef', () => {
		assert.equal(lookupImage(parseImageRef('index.docker.io/library/alpine:3.20')!)?.libc?.version, '1.2.5');
	});
	it('resolves ECR Public mirrors of library images', () => {
		assert.equal(libc('public.ecr.aws/docker/library/debian:bookworm'), 'glibc 2.36');
	});
});

describe('withUserImages', () => {
	const lookup = withUserImages({
		'registry.example.com/base': { libc: 'musl', version: '1.2.5' },
		'debian:bookworm': { libc: 'glibc', version: '2.99' },
		'registry.example.com/other:v2': { libc: 'none' },
	});
	it('user facts win over the tables', () => {
		const f = lookup('debian:bookworm') as ImageFacts;
		assert.deepEqual(f.libc, { family: 'glibc', version: '2.99' });
		assert.equal(f.sources[0].ref, '.shipcheck.yaml images:');
		assert.equal(f.distro?.codename, 'bookworm');
		assert.equal(lookup('debian:bullseye')?.libc?.version, '2.31');
	});
	it('a key without a tag covers every tag; a key with a tag only that tag', () => {
		assert.equal(lookup('registry.example.com/base:1.0')?.libc?.family, 'musl');
		assert.equal(lookup('registry.example.com/base')?.libc?.version, '1.2.5');
		assert.equal(lookup('registry.example.com/other:v2')?.libc?.family, 'none');
		assert.equal(lookup('registry.example.com/other:v3'), undefined);
	});
});

describe('describeGlibcFloorFailures', () => {
	it('lists older hosts for a 2.34 floor', () => {
		const labels = describeGlibcFloorFailures('2.34').map((t) => t.label);
		for (const l of ['Debian 10', 'Debian 11', 'Ubuntu 18.04', 'Ubuntu 20.04', 'RHEL 7', 'RHEL 8', 'Amazon Linux 2']) {
			assert.ok(labels.includes(l), l);
		}
		for (const l of ['Debian 12', 'Ubuntu 22.04', 'RHEL 9', 'Amazon Linux 2023']) {
			assert.ok(!labels.includes(l), l);
		}
		assert.equal(labels[0], 'RHEL 7');
	});
	it('summarises for messages', () => {
		assert.equal(summariseTargets(describeGlibcFloorFailures('2.28')), 'RHEL 7, Amazon Linux 2, Ubuntu 18.04');
		assert.deepEqual(describeGlibcFloorFailures('2.17'), []);
		const trixie = describeGlibcFloorFailures('2.41').map((t) => t.label);
		assert.ok(trixie.includes('Debian 12') && trixie.includes('Ubuntu 24.04') && !trixie.includes('Debian 13'));
	});
});
