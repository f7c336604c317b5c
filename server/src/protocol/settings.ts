/**
 * The `goShipcheck` settings section as the server reads it through `workspace/configuration`.
 * Keep in sync with `contributes.configuration` in package.json (a unit test checks the keys).
 */
export interface ShipcheckSettings {
	readonly enable: boolean;
	/** Severity per rule id: `off`, `hint`, `info`, `warning`, `error`. */
	readonly rules: Readonly<Record<string, string>>;
	/** Inlay hints after FROM (libc) and go build (cgo and linkage). */
	readonly inlayHints: { readonly enable: boolean };
}

export const DEFAULT_SETTINGS: ShipcheckSettings = { enable: true, rules: {}, inlayHints: { enable: true } };

export const SETTINGS_SECTION = 'goShipcheck';
