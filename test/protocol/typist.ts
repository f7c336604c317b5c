// A deterministic "user at the keyboard" for the stress test: typing and deleting characters (typos that get
// corrected, a comment that grows and shrinks), toggling `CGO_ENABLED=0 ` before `go build`, and now and then
// two changes in one notification, as VS Code sends after a multi-cursor edit. Each step is the list of LSP
// change events (applied in order, ranges relative to the text after the previous change) and the text after.
import type { Range } from 'vscode-languageserver-protocol';
import { splice } from './expected';
import { seededRandom } from '../helpers/seeded-random';
export { seededRandom };

export interface EditStep {
	readonly changes: { range: Range; text: string }[];
	readonly text: string;
	/** Whether `CGO_ENABLED=0 ` now stands before `go build`. */
	readonly cgoOff: boolean;
}

const CGO_OFF = 'CGO_ENABLED=0 ';
const TYPED = 'abcdefghijklmnopqrstuvwxyz ABCXYZ0123456789-_=./:$"\'\\{}#é🐳'.match(/./gu)!;

/**
 * Plans `count` edit notifications on `initial`. Typos are typed anywhere, one character per notification, and
 * always deleted again, so the document keeps its meaning; the comment on line 1 keeps what is typed there.
 * At the end every typo is gone and `CGO_ENABLED=0` is off, so the final text still has its finding.
 */
export function planEdits(seed: number, initial: string, count: number): EditStep[] {
	const random = seededRandom(seed);
	const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
	const steps: EditStep[] = [];
	let text = initial;
	let typo: { start: number; typed: string[] } | undefined;
	const apply = (edits: { start: number; end: number; newText: string }[]) => {
		const changes: { range: Range; text: string }[] = [];
		for (const edit of edits) {
			const next = splice(text, edit.start, edit.end, edit.newText);
			changes.push(next.change);
			text = next.text;
		}
		steps.push({ changes, text, cgoOff: cgoOffAt(text) !== undefined });
	};
	const commentEnd = () => text.indexOf('\n');
	while (steps.length < count) {
		const roll = random();
		if (typo) {
			// Keep typing the typo, or take it back: one character at a time, or the whole word at once.
			const end = typo.start + typo.typed.join('').length;
			if (typo.typed.length < 6 && roll < 0.45) {
				const ch = pick(TYPED);
				apply([{ start: end, end, newText: ch }]);
				typo.typed.push(ch);
			} else if (roll < 0.85) {
				const last = typo.typed.pop()!;
				apply([{ start: end - last.length, end, newText: '' }]);
			} else {
				apply([{ start: typo.start, end, newText: '' }]);
				typo.typed = [];
			}
			if (typo.typed.length === 0) typo = undefined;
		} else if (roll < 0.04) {
			const cgo = cgoOffAt(text);
			const build = text.indexOf('go build');
			if (cgo !== undefined) apply([{ start: cgo, end: cgo + CGO_OFF.length, newText: '' }]);
			else if (build >= 0) apply([{ start: build, end: build, newText: CGO_OFF }]);
		} else if (roll < 0.3) {
			// A typo anywhere, even between the two halves of a surrogate pair typed earlier.
			const at = Math.floor(random() * (text.length + 1));
			const ch = pick(TYPED);
			apply([{ start: at, end: at, newText: ch }]);
			typo = { start: at, typed: [ch] };
		} else if (roll < 0.36) {
			// Two cursors on the comment line: one change at its end, one after its "# ".
			const end = commentEnd();
			apply([
				{ start: end, end, newText: pick(TYPED) },
				{ start: 2, end: 2, newText: pick(TYPED) },
			]);
		} else {
			const end = commentEnd();
			if (random() < 0.4 && end > 120) {
				// Backspace at the comment's end; the original comment (73 characters) is never reached.
				const last = /[\udc00-\udfff]/.test(text[end - 1]) ? 2 : 1;
				apply([{ start: end - last, end, newText: '' }]);
			} else {
				apply([{ start: end, end, newText: pick(TYPED) }]);
			}
		}
	}
	// Take back what is still pending, so the final text means what the example means.
	if (typo) apply([{ start: typo.start, end: typo.start + typo.typed.join('').length, newText: '' }]);
	const cgo = cgoOffAt(text);
	if (cgo !== undefined) apply([{ start: cgo, end: cgo + CGO_OFF.length, newText: '' }]);
	return steps;
}

function cgoOffAt(text: string): number | undefined {
	const build = text.indexOf('go build');
	return build >= CGO_OFF.length && text.slice(build - CGO_OFF.length, build) === CGO_OFF ? build - CGO_OFF.length : undefined;
}
