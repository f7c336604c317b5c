/**
 * Which flags take a value. From `cmd/go/internal/work/build.go` (AddBuildFlags), `cmd/go/internal/test`
 * (testflag.go), `cmd/go/internal/run`, and `cmd/link/internal/ld/main.go` (Go 1.22–1.25). A flag not
 * listed is reported as unknown; it is taken as boolean unless written `-name=value`.
 */

export type FlagKind = 'bool' | 'value';

const BUILD_FLAGS: Record<string, FlagKind> = {
	a: 'bool',
	n: 'bool',
	race: 'bool',
	msan: 'bool',
	asan: 'bool',
	cover: 'bool',
	v: 'bool',
	work: 'bool',
	x: 'bool',
	linkshared: 'bool',
	modcacherw: 'bool',
	trimpath: 'bool',
	json: 'bool',
	buildvcs: 'bool', // also takes =auto
	i: 'bool', // removed in Go 1.20; still parsed by older toolchains
	C: 'value',
	p: 'value',
	asmflags: 'value',
	buildmode: 'value',
	compiler: 'value',
	gccgoflags: 'value',
	gcflags: 'value',
	installsuffix: 'value',
	ldflags: 'value',
	mod: 'value',
	modfile: 'value',
	overlay: 'value',
	pgo: 'value',
	pkgdir: 'value',
	tags: 'value',
	toolexec: 'value',
	covermode: 'value',
	coverpkg: 'value',
	o: 'value',
	'debug-actiongraph': 'value',
	'debug-deprofile': 'value',
	'debug-trace': 'value',
	'debug-runtime-trace': 'value',
};

const RUN_FLAGS: Record<string, FlagKind> = { ...BUILD_FLAGS, exec: 'value' };

const TEST_FLAGS: Record<string, FlagKind> = {
	...BUILD_FLAGS,
	c: 'bool',
	exec: 'value',
	vet: 'value',
	// Flags of the test binary that `go test` accepts on its command line.
	bench: 'value',
	benchmem: 'bool',
	benchtime: 'value',
	blockprofile: 'value',
	blockprofilerate: 'value',
	count: 'value',
	coverprofile: 'value',
	cpu: 'value',
	cpuprofile: 'value',
	failfast: 'bool',
	fullpath: 'bool',
	fuzz: 'value',
	fuzzminimizetime: 'value',
	fuzztime: 'value',
	list: 'value',
	memprofile: 'value',
	memprofilerate: 'value',
	mutexprofile: 'value',
	mutexprofilefraction: 'value',
	outputdir: 'value',
	parallel: 'value',
	run: 'value',
	short: 'bool',
	shuffle: 'value',
	skip: 'value',
	timeout: 'value',
	trace: 'value',
};

export type GoSubcommand = 'build' | 'install' | 'run' | 'test';

export function goFlagKind(subcommand: GoSubcommand, name: string): FlagKind | undefined {
	const table = subcommand === 'test' ? TEST_KINDS : subcommand === 'run' ? RUN_KINDS : BUILD_KINDS;
	return table.get(name);
}

// Maps, not the object literals: looked up for every word of every go command (own keys only, no prototype).
const BUILD_KINDS: ReadonlyMap<string, FlagKind> = new Map(Object.entries(BUILD_FLAGS));
const RUN_KINDS: ReadonlyMap<string, FlagKind> = new Map(Object.entries(RUN_FLAGS));
const TEST_KINDS: ReadonlyMap<string, FlagKind> = new Map(Object.entries(TEST_FLAGS));

/** cmd/link flags (`go tool link -help`); `-X`, `-L`, `-B`, `-r` may repeat. */
const LINKER_FLAGS: Record<string, FlagKind> = {
	'8': 'bool',
	a: 'bool',
	asan: 'bool',
	aslr: 'bool',
	bindnow: 'bool',
	c: 'bool',
	checklinkname: 'bool',
	compressdwarf: 'bool',
	d: 'bool',
	debugnosplit: 'bool',
	dumpdep: 'bool',
	e: 'bool',
	f: 'bool',
	g: 'bool',
	h: 'bool',
	linkshared: 'bool',
	msan: 'bool',
	n: 'bool',
	pruneweakmap: 'bool',
	race: 'bool',
	s: 'bool',
	u: 'bool',
	v: 'bool',
	V: 'bool',
	w: 'bool',
	B: 'value',
	E: 'value',
	H: 'value',
	I: 'value',
	L: 'value',
	R: 'value',
	T: 'value',
	X: 'value',
	benchmark: 'value',
	benchmarkprofile: 'value',
	buildid: 'value',
	buildmode: 'value',
	capturehostobjs: 'value',
	cpuprofile: 'value',
	debugtextsize: 'value',
	debugtramp: 'value',
	extar: 'value',
	extld: 'value',
	extldflags: 'value',
	fipso: 'value',
	funcalign: 'value',
	importcfg: 'value',
	installsuffix: 'value',
	k: 'value',
	libgcc: 'value',
	linkmode: 'value',
	memprofile: 'value',
	memprofilerate: 'value',
	o: 'value',
	pluginpath: 'value',
	r: 'value',
	randlayout: 'value',
	strictdups: 'value',
	tmpdir: 'value',
};

export function linkerFlagKind(name: string): FlagKind | undefined {
	return Object.prototype.hasOwnProperty.call(LINKER_FLAGS, name) ? LINKER_FLAGS[name] : undefined;
}

/** garble's own flags (before its subcommand); `-seed` and `-debugdir` take values. */
export function garbleFlagKind(name: string): FlagKind {
	return name === 'seed' || name === 'debugdir' ? 'value' : 'bool';
}
