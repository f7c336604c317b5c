// Reusable mutation fuzzer for the binary reader (after Go's debug/elf
// FuzzReader: every fixture is a seed; any outcome other than a result or a
// BinaryFormatError is a bug). Deterministic: a seeded xorshift PRNG drives
// every choice, so a failing case number reproduces exactly.
import { BinaryFormatError, countingSource, formatBinaryText, inspectBinary, RandomAccessSource, toBinaryDto } from "../../server/src/binary/index";
import { interestingRanges } from "./fuzz-ranges";

/** A seed input. */
export interface FuzzSeed {
	readonly name: string;
	readonly bytes: Uint8Array;
}

/** What one fuzz run saw. */
export interface FuzzReport {
	cases: number;
	results: number;
	notExecutable: number;
	formatErrors: number;
	failures: { index: number; seed: string; mutation: string; error: string }[];
	maxBytesRead: number;
	maxBytesReadRatio: number;
	maxReads: number;
	maxCaseMs: number;
	/** The slowest case, to replay with `only`. */
	slowest: { index: number; seed: string; mutation: string; ms: number } | null;
	totalMs: number;
}

/** Per-case limits: bytes read must stay under `bytesFactor * size + bytesSlack`. */
export interface FuzzOptions {
	readonly cases: number;
	readonly seed?: number;
	readonly bytesFactor?: number;
	readonly bytesSlack?: number;
	readonly maxReads?: number;
	/** Run only this case index (the earlier ones are generated, not executed): replays one case. */
	readonly only?: number;
}

/** xorshift32: small, fast, deterministic. */
export function prng(seed: number): () => number {
	let x = seed >>> 0 || 0x9e3779b9;
	return () => {
		x ^= x << 13;
		x >>>= 0;
		x ^= x >>> 17;
		x ^= x << 5;
		x >>>= 0;
		return x / 0x100000000;
	};
}

interface Patch {
	readonly offset: number;
	readonly bytes: Uint8Array;
}

/** A source over `base` truncated to `size` with byte patches applied on read (no full copy per case). */
export function patchedSource(base: Uint8Array, size: number, patches: readonly Patch[]): RandomAccessSource {
	return {
		size,
		read(offset: number, length: number): Uint8Array {
			const end = Math.min(size, offset + length);
			if (offset < 0 || offset >= end) {
				return new Uint8Array(0);
			}
			const out = base.slice(offset, end);
			for (const p of patches) {
				for (let i = 0; i < p.bytes.length; i++) {
					const at = p.offset + i - offset;
					if (at >= 0 && at < out.length) {
						out[at] = p.bytes[i];
					}
				}
			}
			return out;
		},
	};
}

const HUGE: readonly number[] = [0, 1, 0x7f, 0x80, 0xff, 0x7fff, 0x8000, 0xffff, 0xff00, 0x7fffffff, 0x80000000, 0xfffffff0, 0xffffffff];

function intBytes(value: number, width: number, le: boolean): Uint8Array {
	const b = new Uint8Array(width);
	let v = BigInt.asUintN(width * 8, BigInt(Math.trunc(value)));
	for (let i = 0; i < width; i++) {
		b[le ? i : width - 1 - i] = Number(v & 0xffn);
		v >>= 8n;
	}
	return b;
}

/** Builds one mutated case from a seed. */
function mutate(seed: FuzzSeed, ranges: readonly { offset: number; size: number }[], rnd: () => number): { size: number; patches: Patch[]; desc: string } {
	const pick = (n: number): number => Math.floor(rnd() * n);
	const n = seed.bytes.length;
	const at = (): number => {
		const r = ranges.length > 0 && rnd() < 0.85 ? ranges[pick(ranges.length)] : { offset: 0, size: n };
		return Math.min(n - 1, r.offset + pick(Math.max(1, r.size)));
	};
	const kind = pick(5);
	const patches: Patch[] = [];
	let size = n;
	let desc: string;
	if (kind === 0) {
		size = rnd() < 0.5 ? pick(Math.min(n, 8192)) : pick(n);
		desc = `truncate to ${size}`;
	} else if (kind === 1) {
		const flips = 1 + pick(16);
		for (let i = 0; i < flips; i++) {
			patches.push({ offset: at(), bytes: Uint8Array.of(pick(256)) });
		}
		desc = `flip ${flips} bytes`;
	} else if (kind === 2 || kind === 3) {
		// A huge count/size/offset, or an offset pointing back into the headers, outside the file, or at itself.
		const width = [2, 4, 8][pick(3)];
		const off = at() & ~(width - 1);
		const values = [...HUGE, n, n - 1, n + 1, off, pick(n), n * 2, pick(64)];
		const v = values[pick(values.length)];
		patches.push({ offset: off, bytes: intBytes(v, width, rnd() < 0.8) });
		desc = `write u${width * 8} ${v} at ${off}`;
	} else {
		// Copy a block from one structure over another (plausible but inconsistent tables).
		const from = at();
		const len = 1 + pick(64);
		patches.push({ offset: at(), bytes: seed.bytes.slice(from, from + len) });
		desc = `copy ${len} bytes from ${from}`;
	}
	if (rnd() < 0.2) {
		size = Math.min(size, Math.max(0, at()));
		desc += ` + truncate to ${size}`;
	}
	return { size, patches, desc };
}

/** Rebuilds case `index` of a run (same seeds, same PRNG seed) as a source, for debugging one case. */
export function fuzzCase(seeds: readonly FuzzSeed[], prngSeed: number, index: number): { seed: string; desc: string; source: RandomAccessSource } {
	const rnd = prng(prngSeed);
	const ranges = seeds.map((s) => interestingRanges(s.bytes));
	for (let i = 0; ; i++) {
		const si = Math.floor(rnd() * seeds.length);
		const m = mutate(seeds[si], ranges[si], rnd);
		if (i === index) {
			return { seed: seeds[si].name, desc: m.desc, source: patchedSource(seeds[si].bytes, m.size, m.patches) };
		}
	}
}

/** Runs `opts.cases` mutated inputs over `seeds`, checking outcomes and read bounds. */
export function runFuzz(seeds: readonly FuzzSeed[], opts: FuzzOptions): FuzzReport {
	const rnd = prng(opts.seed ?? 0x5eed);
	const bytesFactor = opts.bytesFactor ?? 4;
	const bytesSlack = opts.bytesSlack ?? 8 * 1024 * 1024;
	const maxReadsAllowed = opts.maxReads ?? 100_000;
	const rangesBySeed = seeds.map((s) => interestingRanges(s.bytes));
	const report: FuzzReport = { cases: 0, results: 0, notExecutable: 0, formatErrors: 0, failures: [], maxBytesRead: 0, maxBytesReadRatio: 0, maxReads: 0, maxCaseMs: 0, slowest: null, totalMs: 0 };
	const t0 = Date.now();
	for (let i = 0; i < opts.cases; i++) {
		const si = Math.floor(rnd() * seeds.length);
		const seed = seeds[si];
		const m = mutate(seed, rangesBySeed[si], rnd);
		if (opts.only !== undefined && opts.only !== i) {
			continue;
		}
		const src = countingSource(patchedSource(seed.bytes, m.size, m.patches));
		const c0 = Date.now();
		try {
			const r = inspectBinary(src);
			if (r.kind === "binary") {
				// Use every accessor on what was accepted, as FuzzReader does.
				JSON.stringify(toBinaryDto(r.info));
				formatBinaryText(r.info, seed.name);
				report.results++;
			} else {
				report.notExecutable++;
			}
		} catch (err) {
			if (err instanceof BinaryFormatError) {
				report.formatErrors++;
			} else {
				report.failures.push({ index: i, seed: seed.name, mutation: m.desc, error: err instanceof Error ? `${err.name}: ${err.message}\n${err.stack ?? ""}` : String(err) });
			}
		}
		const ms = Date.now() - c0;
		report.cases++;
		if (ms > report.maxCaseMs) {
			report.maxCaseMs = ms;
			report.slowest = { index: i, seed: seed.name, mutation: m.desc, ms };
		}
		report.maxReads = Math.max(report.maxReads, src.reads);
		report.maxBytesRead = Math.max(report.maxBytesRead, src.bytesRead);
		report.maxBytesReadRatio = Math.max(report.maxBytesReadRatio, src.bytesRead / Math.max(1, seed.bytes.length));
		if (src.bytesRead > bytesFactor * seed.bytes.length + bytesSlack || src.reads > maxReadsAllowed) {
			report.failures.push({ index: i, seed: seed.name, mutation: m.desc, error: `read bound exceeded: ${src.bytesRead} bytes in ${src.reads} reads` });
		}
	}
	report.totalMs = Date.now() - t0;
	return report;
}
