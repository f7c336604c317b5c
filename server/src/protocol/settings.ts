/**
 * The `goShipcheck` settings section as the server reads it through `workspace/configuration`.
 * Keep in sync with `contributes.configuration` in package.json (a unit test checks the keys).
 */
export interface ShipcheckSettings {
	readonly enable: boolean;
	/** Severity per rule id: `off`, `hint`, `info`, `warning`, `error`. */
	readonly rules: Readonly<Record<string, string>>;
}

export const DEFAULT_SETTINGS: ShipcheckSettings = { enable: true, rules: {} };

export const SETTINGS_SECTION = 'goShipcheck';
