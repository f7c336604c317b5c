/**
 * The one error type of the binary reader: the file is structurally broken at
 * a known byte offset. "Not an executable" and "not a Go binary" are results,
 * never this error (modelled on Go's debug/elf FormatError).
 */
export class BinaryFormatError extends Error {
	/** Byte offset in the file (or in the slice being decoded) where the problem is. */
	readonly offset: number;
	/** The offending value, when there is one (a count, a size, an index...). */
	readonly value: number | bigint | string | undefined;

	constructor(offset: number, message: string, value?: number | bigint | string) {
		super(formatMessage(offset, message, value));
		this.name = "BinaryFormatError";
		this.offset = offset;
		this.value = value;
	}
}

function formatMessage(offset: number, message: string, value: number | bigint | string | undefined): string {
	// Same shape as debug/elf: "invalid ELF shstrndx '70000' in record at byte 0x0".
	const shown = value === undefined ? "" : ` '${typeof value === "string" ? value : value.toString()}'`;
	return `${message}${shown} in record at byte 0x${offset.toString(16)}`;
}

/** True when `err` is a BinaryFormatError (works across module copies). */
export function isBinaryFormatError(err: unknown): err is BinaryFormatError {
	return err instanceof BinaryFormatError || (err instanceof Error && err.name === "BinaryFormatError");
}
