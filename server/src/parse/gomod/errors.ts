import type { Span } from '../span';
import type { GoModErrorCode, GoModSyntaxError } from './types';

/** Upper bound on reported errors: a binary file opened as go.mod must not produce a million diagnostics. */
export const MAX_ERRORS = 100;

/** Collects errors, stopping at MAX_ERRORS with one final `too-many-errors` entry. */
export class ErrorSink {
	readonly list: GoModSyntaxError[] = [];

	/** No more errors will be kept: callers may skip building messages. */
	get full(): boolean {
		return this.list.length > MAX_ERRORS;
	}

	add(code: GoModErrorCode, message: string, span: Span): void {
		if (this.list.length < MAX_ERRORS) {
			this.list.push({ code, message, span: { start: span.start, end: span.end } });
		} else if (this.list.length === MAX_ERRORS) {
			this.list.push({ code: 'too-many-errors', message: `too many errors (stopped after ${MAX_ERRORS})`, span: { start: span.start, end: span.end } });
		}
	}
}

/** Go's %q for a string, close enough for messages: double quotes, backslash escapes. */
export function goQuote(s: string): string {
	return JSON.stringify(s);
}
