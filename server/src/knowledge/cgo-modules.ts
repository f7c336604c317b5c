/**
 * Third-party Go modules that need cgo (FACTS §7), what happens when they are built with
 * CGO_ENABLED=0, and pure-Go alternatives. Also the modules that honour the `purego` tag (FACTS §3.4).
 */
import { facts } from './sources';
import type { Source } from './types';

/** What a build with CGO_ENABLED=0 does with the package. */
export type CgoDisabledBehaviour = 'runtime-panic' | 'compile-error';

/** One cgo package or module. */
export interface CgoModule {
	/** Package path prefix that needs cgo; a package at or below it matches (`…/confluent-kafka-go/v2/kafka`). */
	readonly path: string;
	/** Extra prefixes, e.g. major-version paths, that mean the same module. */
	readonly aliases?: readonly string[];
	/** What is linked, for messages: `SQLite`, `librdkafka`. */
	readonly wraps: string;
	/** True when FACTS says its source or docs were read ("verified"); false = a binding by design, unconfirmed. */
	readonly verified: boolean;
	readonly withCgoDisabled: CgoDisabledBehaviour;
	/** The exact error text where FACTS gives it. */
	readonly errorText?: string;
	readonly muslNotes?: readonly string[];
	readonly alternatives: readonly string[];
	readonly notes?: readonly string[];
	readonly sources: readonly Source[];
}

const S7 = facts('7');

/** The FACTS §7 table. */
export const CGO_MODULES: readonly CgoModule[] = [
	{
		path: 'github.com/mattn/go-sqlite3',
		wraps: 'SQLite',
		verified: true,
		withCgoDisabled: 'runtime-panic',
		errorText: "Binary was compiled with 'CGO_ENABLED=0', go-sqlite3 requires cgo to work. This is a stub",
		alternatives: ['modernc.org/sqlite', 'github.com/glebarez/go-sqlite', 'github.com/ncruces/go-sqlite3'],
		notes: [
			'compiles with cgo off (static_mock.go, +build !cgo) and fails at run time',
			'modernc.org/sqlite is a "CGo-free port" (driver name "sqlite"); glebarez and ncruces alternatives not verified',
			'musl 1.2.4 (alpine 3.18+) removed the LFS64 aliases; old go-sqlite3 versions stop compiling there (SCENARIOS 13)',
		],
		sources: [S7],
	},
	{
		path: 'github.com/confluentinc/confluent-kafka-go',
		wraps: 'librdkafka',
		verified: true,
		withCgoDisabled: 'compile-error',
		errorText: 'kafka/01nocgo.go imports the fake packages ConfluentKafkaGo_REQUIRES_CGO_ENABLED and ConfluentKafkaGo_CANT_BE_CROSS_COMPILED',
		muslNotes: [
			'bundles a static librdkafka built for glibc unless -tags musl, which selects librdkafka_musl_linux_*.a (build_musl_linux_amd64.go)',
			'-tags dynamic links the system librdkafka instead of the bundled one',
			'on an alpine builder without -tags musl the glibc archive fails to link (undefined references such as __strdup; SCENARIOS 7)',
		],
		alternatives: ['github.com/segmentio/kafka-go', 'github.com/IBM/sarama', 'github.com/twmb/franz-go'],
		notes: ['users often see "undefined: kafka.NewProducer", which never mentions cgo (SCENARIOS 7)'],
		sources: [S7],
	},
	{
		path: 'github.com/google/gopacket/pcap',
		wraps: 'libpcap',
		verified: true,
		withCgoDisabled: 'compile-error',
		alternatives: ['github.com/google/gopacket/afpacket (Linux)', 'github.com/packetcap/go-pcap (not verified)'],
		notes: ['#cgo linux LDFLAGS: -lpcap; only the pcap package needs cgo, not the rest of gopacket'],
		sources: [S7],
	},
	{
		path: 'github.com/godror/godror',
		wraps: 'Oracle client libraries',
		verified: true,
		withCgoDisabled: 'compile-error',
		alternatives: ['github.com/sijms/go-ora'],
		notes: ['README: "C compiler with CGO_ENABLED=1"; Oracle client libraries are needed at run time'],
		sources: [S7],
	},
	{
		path: 'github.com/mattn/go-oci8',
		wraps: 'Oracle OCI',
		verified: true,
		withCgoDisabled: 'compile-error',
		alternatives: ['github.com/sijms/go-ora'],
		notes: ['README: needs a C compiler and pkg-config oci8.pc'],
		sources: [S7],
	},
	...binding('github.com/go-gl/gl', 'OpenGL', []),
	...binding('github.com/go-gl/glfw', 'GLFW', []),
	...binding('gocv.io/x/gocv', 'OpenCV', []),
	...binding('github.com/DataDog/zstd', 'libzstd', ['github.com/klauspost/compress/zstd']),
	...binding('github.com/valyala/gozstd', 'libzstd', ['github.com/klauspost/compress/zstd']),
	...binding('github.com/linxGnu/grocksdb', 'RocksDB', ['github.com/cockroachdb/pebble']),
	...binding('github.com/tecbot/gorocksdb', 'RocksDB', ['github.com/cockroachdb/pebble']),
	...binding('github.com/h2non/bimg', 'libvips', ['github.com/disintegration/imaging', 'golang.org/x/image']),
	...binding('github.com/davidbyttow/govips', 'libvips', ['github.com/disintegration/imaging', 'golang.org/x/image']),
	...binding('github.com/miekg/pkcs11', 'a PKCS#11 module (dlopen)', []),
	...binding('github.com/seccomp/libseccomp-golang', 'libseccomp', ['github.com/elastic/go-seccomp-bpf']),
	...binding('github.com/ceph/go-ceph', 'Ceph libraries', []),
	...binding('libvirt.org/go/libvirt', 'libvirt', []),
	...binding('github.com/coreos/go-systemd/v22/sdjournal', 'libsystemd (dlopen)', ['github.com/coreos/go-systemd/v22/journal (journal socket)'], [
		'github.com/coreos/go-systemd/sdjournal',
	]),
	...binding('github.com/ibmdb/go_ibm_db', 'IBM Db2 CLI', []),
	...binding('github.com/tensorflow/tensorflow/tensorflow/go', 'TensorFlow C library', []),
];

function binding(path: string, wraps: string, alternatives: string[], aliases?: string[]): CgoModule[] {
	return [
		{
			path,
			...(aliases ? { aliases } : {}),
			wraps,
			verified: false,
			withCgoDisabled: 'compile-error',
			alternatives,
			notes: ['a cgo binding by design; FACTS did not re-read its source: confirm import "C" before reporting an error'],
			sources: [S7],
		},
	];
}

/** A match of a package or module path against the table. */
export interface CgoModuleMatch {
	readonly module: CgoModule;
	/** The table prefix that matched. */
	readonly prefix: string;
}

function under(path: string, prefix: string): boolean {
	return path === prefix || path.startsWith(`${prefix}/`);
}

/**
 * The cgo module that `path` (a module path from `require`, or an imported package path) belongs to.
 * Matches at path boundaries: `github.com/confluentinc/confluent-kafka-go/v2/kafka` → confluent-kafka-go.
 * A module that merely contains a cgo sub-package (`github.com/google/gopacket`) does not match; see
 * {@link cgoPackagesInModule}.
 */
export function lookupCgoModule(path: string): CgoModuleMatch | undefined {
	const p = path.trim();
	if (lookups.has(p)) return lookups.get(p);
	let found: CgoModuleMatch | undefined;
	for (const { module, prefix } of PREFIXES) {
		if (under(p, prefix)) {
			found = { module, prefix };
			break;
		}
	}
	// Every require of every go.mod and every import of every Go file asks: a repository repeats the same few hundred paths.
	if (lookups.size >= MAX_REMEMBERED) lookups.clear();
	lookups.set(p, found);
	return found;
}

/** Every module path and alias with its module, in table order (the first match wins). */
const PREFIXES: readonly CgoModuleMatch[] = CGO_MODULES.flatMap((module) => [module.path, ...(module.aliases ?? [])].map((prefix) => ({ module, prefix })));
const lookups = new Map<string, CgoModuleMatch | undefined>();
const MAX_REMEMBERED = 4096;

/** cgo packages that live inside the module `modulePath` without being all of it (gopacket → gopacket/pcap). */
export function cgoPackagesInModule(modulePath: string): readonly CgoModule[] {
	const p = modulePath.trim();
	let inside = packagesInside.get(p);
	if (!inside) {
		inside = CGO_MODULES.filter((m) => [m.path, ...(m.aliases ?? [])].some((prefix) => prefix !== p && prefix.startsWith(`${p}/`)));
		if (packagesInside.size >= MAX_REMEMBERED) packagesInside.clear();
		packagesInside.set(p, inside);
	}
	return inside;
}
const packagesInside = new Map<string, readonly CgoModule[]>();

/** Modules whose packages provide a pure-Go variant under the `purego` build tag (FACTS §3.4). */
export interface PuregoModule {
	readonly path: string;
	readonly sources: readonly Source[];
}

const S34 = facts('3.4');

/**
 * Modules known to honour `-tags purego` ("no assembly"). The tag never changes CGO_ENABLED and does not
 * limit cgo. Do not confuse with github.com/ebitengine/purego, a cgo-free dlopen library.
 */
export const PUREGO_TAG_MODULES: readonly PuregoModule[] = [
	{ path: 'golang.org/x/crypto', sources: [facts('3.4', 'golang/go#58636 "crypto: use purego tag consistently"')] },
	{ path: 'github.com/cloudflare/circl', sources: [facts('3.4', 'cloudflare/circl PR #492')] },
	{ path: 'github.com/segmentio/asm', sources: [S34] },
	{ path: 'github.com/google/go-cmp', sources: [S34] },
];

/** Whether `path` is in a module that honours the `purego` tag. The standard crypto packages do too. */
export function honoursPuregoTag(path: string): boolean {
	return path.startsWith('crypto/') || path === 'crypto' || PUREGO_TAG_MODULES.some((m) => under(path, m.path));
}

/** Standard-library build modes that always need cgo (FACTS §3.2, §7). */
export const CGO_REQUIRED_BUILDMODES: readonly { readonly buildmode: string; readonly errorText?: string; readonly sources: readonly Source[] }[] = [
	{
		buildmode: 'plugin',
		errorText: '-buildmode=plugin requires external (cgo) linking, but cgo is not enabled',
		sources: [facts('7'), facts('3.2', 'externalLinkingReason in cmd/go/internal/load/pkg.go')],
	},
	{ buildmode: 'c-shared', sources: [facts('3.2'), facts('7')] },
	{ buildmode: 'c-archive', sources: [facts('7')] },
];
