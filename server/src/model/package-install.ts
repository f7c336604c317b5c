import { commandBasename, unwrapCommand, wordSubSpan, type ShellCommand, type ShellWord } from '../parse/shell';
import type { Span } from '../parse/span';

/**
 * Package-manager commands in a RUN step: `apk add`, `xx-apk add`, `apt-get install`, `apt install`,
 * `yum`/`dnf`/`microdnf install` (and their remove forms). Only what was written is modelled; what a
 * package means (a C compiler, a libc, a cross toolchain) is for the caller to decide.
 */

export type PackageManagerName = 'apk' | 'apt-get' | 'apt' | 'aptitude' | 'yum' | 'dnf' | 'microdnf' | 'tdnf';

export interface InstalledPackage {
	/** The package name without version, release or architecture (`gcc` from `gcc=12.2.1-r4`). */
	readonly name: string;
	/** `=1.2`, `~1.2`, `>=1.2` (apk), `=1.2-1` (apt): the constraint as written, operator included. */
	readonly version: string | undefined;
	/** apt `name:arm64`, yum/dnf `name.aarch64`. */
	readonly arch: string | undefined;
	/** apt `name/bookworm-backports`, apk `name@edge`. */
	readonly release: string | undefined;
	/** The whole argument after quote removal. */
	readonly text: string;
	readonly span: Span;
	readonly nameSpan: Span;
	readonly word: ShellWord;
}

export interface PackageInstall {
	readonly command: ShellCommand;
	/** The file the command is in, when the caller said. */
	readonly file: string | undefined;
	/** The manager as invoked (`apk` also for `xx-apk`; see `crossTarget`). */
	readonly manager: PackageManagerName;
	readonly managerWord: ShellWord;
	/** `xx-apk` / `xx-apt-get` / `xx-apt` (tonistiigi/xx): packages for the TARGET platform, not the build host. */
	readonly crossTarget: boolean;
	readonly action: 'install' | 'remove';
	readonly subcommand: ShellWord;
	readonly packages: readonly InstalledPackage[];
	/** apk `--virtual NAME` / `-t NAME`. */
	readonly virtual: { readonly name: string; readonly span: Span } | undefined;
	/** apk `--no-cache`. */
	readonly noCache: boolean;
	/** apt `--no-install-recommends`. */
	readonly noInstallRecommends: boolean;
	/** All option words, in order. */
	readonly options: readonly ShellWord[];
	/** Unquoted unresolved expansions (`apk add $DEPS`): they may name any packages. */
	readonly dynamicArgs: readonly ShellWord[];
	readonly span: Span;
}

interface ManagerSpec {
	readonly manager: PackageManagerName;
	readonly install: ReadonlySet<string>;
	readonly remove: ReadonlySet<string>;
	/** Options (without `=`) whose value is the next word. */
	readonly valueOptions: ReadonlySet<string>;
	/** Two-word subcommands (`dnf group install`). */
	readonly groups?: boolean;
}

const APK: ManagerSpec = {
	manager: 'apk',
	install: new Set(['add']),
	remove: new Set(['del']),
	valueOptions: new Set(['-t', '--virtual', '-X', '--repository', '-p', '--root', '--arch', '--keys-dir', '--cache-dir', '--repositories-file', '--timeout', '--progress-fd', '--wait', '--cache-max-age']),
};
const APT: ManagerSpec = {
	manager: 'apt-get',
	install: new Set(['install', 'reinstall']),
	remove: new Set(['remove', 'purge']),
	valueOptions: new Set(['-o', '--option', '-c', '--config-file', '-t', '--target-release', '--default-release', '-a', '--host-architecture']),
};
const RPM: ManagerSpec = {
	manager: 'dnf',
	install: new Set(['install', 'groupinstall', 'localinstall', 'reinstall']),
	remove: new Set(['remove', 'erase', 'groupremove']),
	valueOptions: new Set(['-x', '--exclude', '-c', '--config', '-d', '--debuglevel', '-e', '--errorlevel', '-R', '--randomwait', '--repo', '--repoid', '--installroot', '--releasever', '--setopt', '--enablerepo', '--disablerepo', '--forcearch', '--repofrompath']),
	groups: true,
};

const MANAGERS: Record<string, { spec: ManagerSpec; manager: PackageManagerName; cross: boolean }> = {
	apk: { spec: APK, manager: 'apk', cross: false },
	'xx-apk': { spec: APK, manager: 'apk', cross: true },
	'apt-get': { spec: APT, manager: 'apt-get', cross: false },
	'xx-apt-get': { spec: APT, manager: 'apt-get', cross: true },
	apt: { spec: APT, manager: 'apt', cross: false },
	'xx-apt': { spec: APT, manager: 'apt', cross: true },
	aptitude: { spec: APT, manager: 'aptitude', cross: false },
	yum: { spec: RPM, manager: 'yum', cross: false },
	dnf: { spec: RPM, manager: 'dnf', cross: false },
	microdnf: { spec: RPM, manager: 'microdnf', cross: false },
	tdnf: { spec: RPM, manager: 'tdnf', cross: false },
};

/** Recognises an install/remove command of a package manager (also through `sudo`, `env` …). */
export function recognizePackageInstall(command: ShellCommand, file?: string): PackageInstall | undefined {
	if (command.kind !== 'simple') return undefined;
	const argv = unwrapCommand(command.words).argv;
	const head = argv[0];
	const entry = head?.value === undefined ? undefined : MANAGERS[commandBasename(head.value)];
	if (!head || !entry) return undefined;
	const { spec } = entry;
	const options: ShellWord[] = [];
	let i = 1;
	// Options may come before the subcommand (`apk --no-cache add`, `apt-get -y install`).
	for (; i < argv.length && isOption(argv[i]); i++) {
		options.push(argv[i]);
		if (takesValue(spec, argv[i]) && argv[i + 1]) options.push(argv[++i]);
	}
	let subcommand = argv[i];
	if (!subcommand || subcommand.value === undefined) return undefined;
	let sub = subcommand.value;
	if (spec.groups && sub === 'group' && (argv[i + 1]?.value === 'install' || argv[i + 1]?.value === 'remove')) {
		subcommand = argv[++i]!;
		sub = `group${subcommand.value}`;
	}
	const action = spec.install.has(sub) ? 'install' : spec.remove.has(sub) ? 'remove' : undefined;
	if (!action) return undefined;
	const packages: InstalledPackage[] = [];
	const dynamicArgs: ShellWord[] = [];
	let virtual: PackageInstall['virtual'];
	for (i++; i < argv.length; i++) {
		const word = argv[i];
		if (isOption(word)) {
			options.push(word);
			const value = takesValue(spec, word) ? argv[++i] : undefined;
			if (value) options.push(value);
			const name = word.value?.split('=')[0];
			if (spec === APK && (name === '--virtual' || name === '-t')) {
				const v = value ?? (word.value?.includes('=') ? word : undefined);
				const text = value ? value.value : word.value?.slice(word.value.indexOf('=') + 1);
				if (v && text !== undefined) virtual = { name: text, span: value ? value.span : wordSubSpan(word, word.text.indexOf('=') + 1, word.text.length) };
			}
			continue;
		}
		if (word.dynamic && word.splittable) {
			dynamicArgs.push(word);
			continue;
		}
		packages.push(packageOf(word, spec));
	}
	const flag = (...names: string[]) => options.some((o) => o.value !== undefined && names.includes(o.value));
	return {
		command,
		file,
		manager: entry.manager,
		managerWord: head,
		crossTarget: entry.cross,
		action,
		subcommand,
		packages,
		virtual,
		noCache: flag('--no-cache'),
		noInstallRecommends: flag('--no-install-recommends'),
		options,
		dynamicArgs,
		span: command.span,
	};
}

function isOption(word: ShellWord): boolean {
	return word.text.startsWith('-') && word.text.length > 1;
}

function takesValue(spec: ManagerSpec, word: ShellWord): boolean {
	const text = word.value;
	return text !== undefined && !text.includes('=') && spec.valueOptions.has(text);
}

const RPM_ARCHES = /\.(x86_64|i686|i386|aarch64|noarch|ppc64le|s390x|armv7hl|src)$/;

/** Splits `name[=~<>]version`, `name@tag` (apk), `name:arch`, `name/release`, `name=version` (apt), `name.arch` (rpm). */
function packageOf(word: ShellWord, spec: ManagerSpec): InstalledPackage {
	const text = word.text;
	let nameEnd = text.length;
	let version: string | undefined;
	let arch: string | undefined;
	let release: string | undefined;
	if (spec === APK) {
		const m = /[=~<>@]/.exec(text);
		if (m && m.index > 0) {
			nameEnd = m.index;
			const rest = text.slice(m.index);
			if (rest.startsWith('@')) release = rest.slice(1);
			else {
				const at = rest.indexOf('@');
				version = at >= 0 ? rest.slice(0, at) : rest;
				if (at >= 0) release = rest.slice(at + 1);
			}
		}
	} else if (spec === APT) {
		// name[:arch][=version | /release]; a Debian version may hold `:` (epoch), so split at = or / first.
		if (!text.startsWith('.') && !text.startsWith('/')) {
			const m = /[=/]/.exec(text);
			const head = m ? text.slice(0, m.index) : text;
			if (m && m.index > 0) {
				if (text[m.index] === '=') version = text.slice(m.index);
				else release = text.slice(m.index + 1);
			}
			const colon = head.indexOf(':');
			nameEnd = colon > 0 ? colon : head.length;
			if (colon > 0) arch = head.slice(colon + 1);
		}
	} else {
		const m = RPM_ARCHES.exec(text);
		if (m) {
			nameEnd = m.index;
			arch = m[1];
		}
	}
	return {
		name: text.slice(0, nameEnd),
		version,
		arch,
		release,
		text,
		span: word.span,
		nameSpan: wordSubSpan(word, 0, nameEnd),
		word,
	};
}
