/** One entry of a constant-name table, as in Go's debug/elf `intName`. */
export interface IntName {
	readonly value: number;
	readonly name: string;
}

/**
 * Looks `value` up in `table`; unknown values print as hex (never dropped),
 * e.g. "0x6fff4711", or with a prefix, "SHT_0x...".
 */
export function nameOf(table: readonly IntName[], value: number | bigint, unknownPrefix = ""): string {
	return findName(table, value) ?? `${unknownPrefix}0x${value.toString(16)}`;
}

/** Like nameOf but returns undefined when the value is not in the table. */
export function findName(table: readonly IntName[], value: number | bigint): string | undefined {
	// Table values are small integers; compare as numbers (no BigInt allocation per entry).
	const v = typeof value === "bigint" ? (value >= 0n && value <= 0xffffffffn ? Number(value) : -1) : value;
	for (const entry of table) {
		if (entry.value === v) {
			return entry.name;
		}
	}
	return undefined;
}

/**
 * Names of the set bits of `flags` (Go's flagName): "SHF_WRITE+SHF_ALLOC";
 * leftover unknown bits are appended as hex.
 */
export function flagNames(table: readonly IntName[], flags: number | bigint, separator = "+"): string {
	let rest = BigInt(flags);
	const parts: string[] = [];
	for (const entry of table) {
		const bit = BigInt(entry.value);
		if (bit !== 0n && (rest & bit) === bit) {
			parts.push(entry.name);
			rest &= ~bit;
		}
	}
	if (rest !== 0n) {
		parts.push("0x" + rest.toString(16));
	}
	return parts.join(separator);
}
