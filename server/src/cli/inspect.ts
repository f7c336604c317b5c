import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { inspectBinary, isBinaryFormatError, toBinaryDto, type InspectResult } from '../binary';
import { withFileSource } from '../node/file-source';
import { binaryText } from '../rules/binary-report';
import { ldflagsVerdict, toolingVerdict } from '../rules/binary-tooling';
import { binaryVerdict } from '../rules/binary-verdict';
import type { InspectArgs } from './args';

/**
 * `shipcheck inspect FILE`: decodes the executable with bounded reads (never runs it) and prints the readelf
 * layout, the Go build info and the verdict (text), or the JSON contract. Exit 0 when described, including a
 * binary that is not Go; 2 when the file is missing, not an executable, or broken (the message names the offset).
 */
export function runInspect(args: InspectArgs, out: (s: string) => void, err: (s: string) => void): number {
	const name = basename(args.file);
	let result: InspectResult;
	try {
		if (!statSync(args.file).isFile()) {
			err(`shipcheck: ${args.file}: not a regular file\n`);
			return 2;
		}
		result = withFileSource(args.file, inspectBinary);
	} catch (error) {
		if (isBinaryFormatError(error)) {
			err(`shipcheck: ${args.file}: malformed executable: ${error.message} (file offset ${error.offset})\n`);
			return 2;
		}
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT') {
			err(`shipcheck: ${args.file}: no such file\n`);
			return 2;
		}
		throw error;
	}
	if (result.kind === 'not-executable') {
		err(`shipcheck: ${args.file}: not an executable (${result.reason})\n`);
		return 2;
	}
	const info = result.info;
	const runsOn = binaryVerdict(info);
	if (args.format === 'json') {
		out(`${JSON.stringify({ ...toBinaryDto(info), runsOn }, null, 2)}\n`);
		return 0;
	}
	out(binaryText(info, name, runsOn, toolingVerdict(info), ldflagsVerdict(info)));
	return 0;
}

