/**
 * Parse results keyed by the exact text, so an unchanged document is never parsed twice however often the
 * analysis runs (every edit elsewhere re-runs it: a go.mod edit re-analyses the Dockerfiles). Keying by
 * text rather than by document version also covers files read from disk, which have no version.
 */
export class ParseCache<T> {
	private readonly entries = new Map<string, T>();

	/** `keep`: whether a result may be reused (a parse stopped by a time limit should be tried again). */
	constructor(
		private readonly capacity: number,
		private readonly keep: (value: T) => boolean = () => true,
	) {}

	get(text: string, parse: (text: string) => T): T {
		const hit = this.entries.get(text);
		if (hit !== undefined) {
			// Re-insert to mark it most recently used (Map keeps insertion order).
			this.entries.delete(text);
			this.entries.set(text, hit);
			return hit;
		}
		const value = parse(text);
		if (!this.keep(value)) return value;
		this.entries.set(text, value);
		if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
		return value;
	}

	get size(): number {
		return this.entries.size;
	}
}
