import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Source } from '../../../server/src/knowledge';
import * as K from '../../../server/src/knowledge';

/** Every table of the knowledge base, as (label, sources) pairs. */
function allSources(): [string, readonly Source[]][] {
	const out: [string, readonly Source[]][] = [];
	const add = (label: string, s: readonly Source[] | undefined) => out.push([label, s ?? []]);
	for (const ref of K.exampleImageReferences()) {
		const f = K.lookupImage(ref);
		assert.ok(f, `example ${ref} must resolve`);
		add(`image ${ref}`, f.sources);
		const arm = K.lookupImage(ref, { platform: 'linux/arm/v6' });
		if (arm) add(`image ${ref} (arm/v6)`, arm.sources);
	}
	K.DEBIAN_RELEASES.forEach((r) => add(`debian ${r.codename}`, r.sources));
	K.UBUNTU_RELEASES.forEach((r) => add(`ubuntu ${r.release}`, r.sources));
	K.ALPINE_RELEASES.forEach((r) => add(`alpine ${r.release}`, r.sources));
	K.GOLANG_MINORS.forEach((m) => add(`golang ${m.minor}`, m.sources));
	add('golang latest', K.GOLANG_LATEST_HISTORY.sources);
	Object.entries(K.RHEL_GLIBC).forEach(([k, v]) => add(`rhel ${k}`, v.sources));
	Object.entries(K.GO_FEATURES).forEach(([k, v]) => add(`go feature ${k}`, v.sources));
	for (const v of ['1.18', '1.21', '1.24']) add(`kernel ${v}`, K.linuxKernelRequirement(v, 'amd64')?.sources);
	[...K.GODEBUG_SETTINGS, ...K.RUNTIME_ONLY_GODEBUG].forEach((g) => add(`godebug ${g.key}`, g.sources));
	K.GODEBUG_FALSE_CLAIMS.forEach((c) => add(`godebug claim ${c.key}`, c.sources));
	add('godebug policy', K.REMOVED_SETTING_POLICY.sources);
	add('godebug unknown keys', K.UNKNOWN_KEY_BEHAVIOUR.sources);
	K.LINKER_FLAGS.forEach((l) => add(`linker ${l.flag}`, l.sources));
	K.BUILDMODE_FACTS.forEach((b) => add(`buildmode ${b.buildmode}`, b.sources));
	K.CGO_MODULES.forEach((m) => add(`cgo ${m.path}`, m.sources));
	K.PUREGO_TAG_MODULES.forEach((m) => add(`purego ${m.path}`, m.sources));
	K.CGO_REQUIRED_BUILDMODES.forEach((m) => add(`cgo buildmode ${m.buildmode}`, m.sources));
	add('std cgo imports', K.STD_CGO_IMPORTS_SOURCES);
	add('loaders', K.LOADER_SOURCES);
	K.RUNNERS.forEach((r) => add(`runner ${r.label}`, r.sources));
	Object.entries(K.SETUP_GO).forEach(([k, v]) => add(`setup-go ${k}`, v.sources));
	K.COMPILER_PACKAGES.forEach((p) => add(`compiler ${p.manager}:${p.name}`, p.sources));
	K.describeGlibcFloorFailures('99').forEach((t) => add(`glibc target ${t.label}`, t.sources));
	return out;
}

describe('provenance', () => {
	const entries = allSources();

	it('walks a substantial number of table entries', () => {
		assert.ok(entries.length > 400, String(entries.length));
	});

	it('every entry has at least one source', () => {
		const missing = entries.filter(([, s]) => s.length === 0).map(([l]) => l);
		assert.deepEqual(missing, []);
	});

	it('every source has a non-empty reference and a valid ISO as-of date', () => {
		const bad: string[] = [];
		for (const [label, sources] of entries) {
			for (const s of sources) {
				if (!s.ref.trim() || !K.isIsoDate(s.asOf)) bad.push(`${label}: ${JSON.stringify(s)}`);
			}
		}
		assert.deepEqual(bad, []);
	});

	it('references are a FACTS section, SCENARIOS.md, a URL, or the go list command', () => {
		const bad: string[] = [];
		for (const [label, sources] of entries) {
			for (const s of sources) {
				if (!/^(FACTS §(intro|\d+(\.\d+)?)|SCENARIOS\.md|https:\/\/\S+|go list -deps std .+)$/.test(s.ref)) bad.push(`${label}: ${s.ref}`);
			}
		}
		assert.deepEqual(bad, []);
	});

	it('no as-of date is in the future of the retrieval date', () => {
		const late: string[] = [];
		for (const [label, sources] of entries) {
			for (const s of sources) if (s.asOf > K.RETRIEVED) late.push(`${label}: ${s.asOf}`);
		}
		assert.deepEqual(late, []);
	});

	it('records the knowledge date', () => {
		assert.equal(K.KNOWLEDGE_AS_OF, '2026-08-21');
	});
});
