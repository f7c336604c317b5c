import { lookupGodebug, REMOVED_GODEBUG_BEHAVIOUR, REMOVED_OLD_VALUE_POLICY_SINCE, removedGodebug } from '../knowledge';
import { goAtLeast, goMinor } from '../knowledge/version';
import { godebugPlaces, type GodebugEntry, type GodebugPlace } from './godebug-places';
import type { Rule, RuleContext } from './rule';
import type { FindingInput, Severity } from './types';

/**
 * GODEBUG keys that the Go version in use does not know, or removed keys set to their old value (FACTS §1;
 * the 1.27 behaviour was observed with go1.27.0, see knowledge/godebug-removed.ts). In the environment an
 * unknown key is ignored; in go.mod and //go:debug it fails the build.
 */
export const godebugUnknown: Rule = {
	id: 'godebug-unknown',
	defaultSeverity: 'warning',
	summary: 'A GODEBUG key unknown to the Go version in use (such as the non-existent clock_gettime64), or a removed key set to its old value: ignored in the environment, a build error in go.mod godebug lines and //go:debug directives.',
	check(context: RuleContext) {
		for (const place of godebugPlaces(context.project)) {
			for (const entry of place.entries) {
				const finding = checkEntry(place, entry);
				if (finding) context.report(finding);
			}
		}
	},
};

function checkEntry(place: GodebugPlace, entry: GodebugEntry): FindingInput | undefined {
	if (entry.key === 'default') return undefined; // `default=go1.21` picks the defaults of a Go version
	const version = place.goVersion;
	const lookup = lookupGodebug(entry.key, version);
	const go = version !== undefined ? `Go ${goMinor(version) ?? version}` : undefined;
	const env = place.kind === 'environment';
	const name = `"${entry.key}"`;
	if (lookup.status === 'unknown') {
		if (lookup.reason === 'added-later' && (lookup.addedInUncertain || version === undefined)) return undefined;
		const what =
			lookup.reason === 'false-claim'
				? `${name} is not a GODEBUG setting in any Go release (a widely copied false claim)`
				: lookup.reason === 'added-later'
					? `${name} is not known to ${go} (it was added in Go ${lookup.addedIn})`
					: `${name} is not a GODEBUG setting${go ? ` known to ${go}` : ''}`;
		return env ? ignored(place, entry, what) : failing(place, entry, what, unknownText(place, entry));
	}
	if (lookup.status !== 'removed' || version === undefined) return undefined;
	const removed = removedGodebug(entry.key);
	const oldValue = removed !== undefined && removed.oldValue === entry.value;
	const policy = goAtLeast(version, REMOVED_OLD_VALUE_POLICY_SINCE) === true;
	const what = oldValue ? `"${entry.key}=${entry.value}" sets a GODEBUG setting removed in Go ${lookup.removedIn} to its old value` : `${name} was removed in Go ${lookup.removedIn}`;
	if (env) {
		if (!policy) return ignored(place, entry, what);
		if (!oldValue) return undefined; // the final value is still accepted
		return finding(place, entry, 'error', `${what}: ${go} programs${place.inBuildStage ? ', the go command included,' : ''} stop at start with "${fatalText(entry)}"`);
	}
	if (policy) {
		if (removed && !oldValue) return undefined;
		return failing(place, entry, what, removed ? oldValueText(place, entry, lookup.removedIn!) : unknownText(place, entry));
	}
	// Before the 1.27 policy a removed key fails whatever its value (observed with go1.26.8); 1.27 accepts the final value.
	const before = `toolchains before Go ${REMOVED_OLD_VALUE_POLICY_SINCE} reject a ${place.kind === 'go.mod' ? 'godebug line' : '//go:debug directive'} with it whatever the value`;
	return finding(place, entry, oldValue ? 'error' : 'warning', `${what}: ${before}${oldValue ? ', and later ones reject the old value' : `, Go ${REMOVED_OLD_VALUE_POLICY_SINCE} and later accept its final value`}`);
}

function ignored(place: GodebugPlace, entry: GodebugEntry, what: string): FindingInput {
	return finding(place, entry, 'warning', `${what}: the runtime ignores unknown GODEBUG keys in the environment, so it does nothing`);
}

function failing(place: GodebugPlace, entry: GodebugEntry, what: string, error: string): FindingInput {
	const where = place.kind === 'go.mod' ? 'a go.mod godebug line' : 'a //go:debug directive';
	return finding(place, entry, 'error', `${what}: ${where} with it is an error, so the build fails with "${error}"`);
}

function finding(place: GodebugPlace, entry: GodebugEntry, severity: Severity, message: string): FindingInput {
	return {
		file: place.file,
		span: entry.span,
		severity,
		message,
		fixes: entry.removal ? [{ title: `Remove "${entry.key}=${entry.value}"${place.kind === 'environment' ? ' from GODEBUG' : ''}`, edits: [entry.removal], isPreferred: true }] : [],
	};
}

function fatalText(entry: GodebugEntry): string {
	return REMOVED_GODEBUG_BEHAVIOUR.environmentFatal.text.replace('"x509sha1"', `"${entry.key}"`).replace('"1"', `"${entry.value}"`);
}

/** The toolchains' own error texts (observed with go1.26.8 and go1.27.0), with this key. */
function unknownText(place: GodebugPlace, entry: GodebugEntry): string {
	if (place.kind === 'go.mod') return REMOVED_GODEBUG_BEHAVIOUR.unknownGoMod.text.replace(/^go\.mod:5: /, '').replace('clock_gettime64', entry.key);
	return REMOVED_GODEBUG_BEHAVIOUR.unknownDirective.text.replace('clock_gettime64', entry.key);
}

function oldValueText(place: GodebugPlace, entry: GodebugEntry, removedIn: string): string {
	const text = `removed GODEBUG "${entry.key}" set to old value "${entry.value}" (https://go.dev/doc/godebug#go-${removedIn.replace('.', '')})`;
	return place.kind === 'go.mod' ? text : `invalid //go:debug: ${text}`;
}
