import type { Span } from '../parse/span';

/** Severity names as users write them in settings and `.shipcheck.yaml`. `off` disables a rule. */
export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type ConfiguredSeverity = Severity | 'off';

/** A place in a file of the analysed project. `file` is a workspace path with forward slashes. */
export interface Location {
	readonly file: string;
	readonly span: Span;
}

export interface RelatedInformation extends Location {
	readonly message: string;
}

/** One replacement in one file. Edits of one fix never overlap. */
export interface TextEdit extends Location {
	readonly newText: string;
}

/** A quick fix made at check time (STYLE §7.5): the LSP layer only maps it, it never re-analyses. */
export interface Fix {
	readonly title: string;
	readonly edits: readonly TextEdit[];
	/** Only on the one fix that is always safe. */
	readonly isPreferred?: boolean;
}

/** What a rule reports. The engine adds the rule id and the configured severity. */
export interface FindingInput extends Location {
	readonly message: string;
	/** Overrides the rule's default severity for this finding (e.g. `go-version-mismatch` is error or warning). */
	readonly severity?: Severity;
	readonly related?: readonly RelatedInformation[];
	readonly fixes?: readonly Fix[];
}

export interface Finding extends Location {
	readonly ruleId: string;
	readonly severity: Severity;
	readonly message: string;
	readonly related: readonly RelatedInformation[];
	readonly fixes: readonly Fix[];
}
