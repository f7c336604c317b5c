import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GOLANG_MINORS, lookupImage, NEWEST_GO_RELEASE } from '../../../server/src/knowledge';

function get(ref: string) {
	const f = lookupImage(ref);
	assert.ok(f, `${ref} should be known`);
	return f;
}

describe('golang floating tags (FACTS §5.1)', () => {
	it('golang:1.20 is bookworm since 2023-06-13', () => {
		const f = get('golang:1.20');
		assert.equal(f.distro?.codename, 'bookworm');
		assert.equal(f.libc?.version, '2.36');
		assert.equal(f.floating?.since, '2023-06-13');
		assert.equal(f.floating?.resolvedTo, 'golang:1.20-bookworm');
		assert.match(f.floating?.history ?? '', /bullseye until 2023-06-13/);
		assert.equal(f.floating?.asOf, '2026-08-21');
	});
	it('golang:1.19 moved on the same day', () => {
		assert.equal(get('golang:1.19').floating?.since, '2023-06-13');
	});
	it('golang:1.24 is trixie since 2025-08-12', () => {
		const f = get('golang:1.24');
		assert.equal(f.distro?.codename, 'trixie');
		assert.equal(f.libc?.version, '2.41');
		assert.equal(f.floating?.since, '2025-08-12');
	});
	it('golang:latest is the newest Go on trixie since 2025-08-12, with history', () => {
		const f = get('golang:latest');
		assert.equal(f.goVersion, NEWEST_GO_RELEASE);
		assert.equal(f.distro?.codename, 'trixie');
		assert.equal(f.floating?.since, '2025-08-12');
		assert.match(f.floating?.history ?? '', /bookworm from 2023-06-13/);
		assert.equal(get('golang').floating?.resolvedTo, `golang:${NEWEST_GO_RELEASE}-trixie`);
		assert.equal(get('golang:1').distro?.codename, 'trixie');
	});
	it('version-less variants follow the newest Go', () => {
		assert.equal(get('golang:bookworm').libc?.version, '2.36');
		assert.equal(get('golang:bookworm').goVersion, NEWEST_GO_RELEASE);
		assert.equal(get('golang:alpine').libc?.family, 'musl');
		assert.equal(get('golang:1-alpine').distro?.release, '3.24');
	});
});

describe('golang explicit variants', () => {
	it('golang:1.21-bullseye is glibc 2.31', () => {
		const f = get('golang:1.21-bullseye');
		assert.deepEqual(f.libc, { family: 'glibc', version: '2.31' });
		assert.equal(f.goVersion, '1.21');
		assert.equal(f.floating, undefined);
	});
	it('patch tags keep their version', () => {
		const f = get('golang:1.22.5-bookworm');
		assert.equal(f.goVersion, '1.22.5');
		assert.equal(f.libc?.version, '2.36');
	});
	it('-trixie exists only from 1.24', () => {
		assert.equal(lookupImage('golang:1.23-trixie'), undefined);
		assert.equal(get('golang:1.24-trixie').libc?.version, '2.41');
	});
	it('-buster stopped on 2023-06-06', () => {
		const f = get('golang:1.20-buster');
		assert.equal(f.libc?.version, '2.28');
		assert.match(f.deprecated ?? '', /2023-06-06/);
		assert.equal(lookupImage('golang:1.21-buster'), undefined);
	});
	it('1.24-bullseye stopped on 2025-08-10; 1.25 has no bullseye', () => {
		assert.match(get('golang:1.24-bullseye').deprecated ?? '', /2025-08-10/);
		assert.equal(lookupImage('golang:1.25-bullseye'), undefined);
	});
	it('alpine variants carry musl versions', () => {
		assert.equal(get('golang:1.22-alpine3.20').libc?.version, '1.2.5');
		assert.equal(get('golang:1.20-alpine3.17').libc?.version, '1.2.3');
		assert.equal(get('golang:1.19-alpine3.15').libc?.version, '1.2.2');
		assert.equal(get('golang:1.25-alpine3.24').libc?.version, '1.2.6');
		assert.equal(lookupImage('golang:1.22-alpine3.16'), undefined);
	});
	it('unsuffixed -alpine is the newest alpine listed for the minor', () => {
		const f = get('golang:1.22-alpine');
		assert.equal(f.distro?.release, '3.21');
		assert.equal(f.floating?.since, '2024-12-05');
		assert.equal(get('golang:1.20-alpine').distro?.release, '3.19');
		assert.equal(get('golang:1.24-alpine').distro?.release, '3.23');
	});
	it('a patch tag with -alpine knows only the family', () => {
		const f = get('golang:1.22.3-alpine');
		assert.deepEqual(f.libc, { family: 'musl' });
	});
	it('compilers: gcc in Debian variants, none in alpine', () => {
		assert.equal(get('golang:1.22').hasCCompiler, true);
		assert.equal(get('golang:1.21-bullseye').hasCCompiler, true);
		assert.equal(get('golang:1.22-alpine').hasCCompiler, false);
		assert.equal(get('golang:1.22-alpine3.19').hasCCompiler, false);
		assert.ok(get('golang:1.22').sources.some((s) => s.ref.includes('docker-library/golang')));
	});
});

describe('golang patch tags and old minors', () => {
	it('1.20 patch tags moved at 1.20.5', () => {
		assert.equal(get('golang:1.20.4').distro?.codename, 'bullseye');
		assert.equal(get('golang:1.20.5').distro?.codename, 'bookworm');
		assert.equal(get('golang:1.20.14').libc?.version, '2.36');
	});
	it('1.19 and 1.24 patch tags: glibc, release not recorded', () => {
		for (const ref of ['golang:1.19.4', 'golang:1.24.3']) {
			const f = get(ref);
			assert.deepEqual(f.libc, { family: 'glibc' }, ref);
			assert.ok(f.notes?.some((n) => n.includes('not recorded')), ref);
		}
	});
	it('stable minors: patch tags follow the minor', () => {
		assert.equal(get('golang:1.23.4').distro?.codename, 'bookworm');
		assert.equal(get('golang:1.26.1').distro?.codename, 'trixie');
	});
	it('1.17 and 1.18 are bullseye from the latest history; 1.16 is unknown', () => {
		assert.equal(get('golang:1.17').libc?.version, '2.31');
		assert.equal(get('golang:1.18.10').libc?.version, '2.31');
		const f = get('golang:1.16');
		assert.equal(f.libc, undefined);
		assert.equal(f.goVersion, '1.16');
		assert.equal(get('golang:1.16-alpine').libc?.family, 'musl');
		assert.equal(get('golang:1.18-alpine3.15').libc?.version, '1.2.2');
	});
	it('unknown minors and windows variants are unknown', () => {
		for (const ref of ['golang:1.15', 'golang:1.28', 'golang:1.22-windowsservercore-ltsc2022', 'golang:1.22-nanoserver-1809', 'golang:tip', 'golang:1.22rc1']) {
			assert.equal(lookupImage(ref), undefined, ref);
		}
	});
	it('frozen minors say so; the two newest do not', () => {
		assert.ok(get('golang:1.22').notes?.some((n) => n.includes('no longer updated')));
		assert.equal(get('golang:1.27').notes, undefined);
	});
	it('covers Go 1.16–1.27', () => {
		assert.deepEqual(
			GOLANG_MINORS.map((m) => m.minor),
			Array.from({ length: 12 }, (_, i) => `1.${16 + i}`),
		);
	});
});
