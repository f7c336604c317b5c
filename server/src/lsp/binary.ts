import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { LSPErrorCodes, ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver/node';
import { inspectBinary, isBinaryFormatError, toBinaryDto, type BinaryInfo, type InspectResult } from '../binary';
import { openFileSource, type FileSource } from '../node/file-source';
import { DescribeBinaryRequest, type DescribeBinaryParams, type DescribeBinaryResult, type DescribedBinary } from '../protocol/binary';
import { binaryDetails, binaryText } from '../rules/binary-report';
import { ldflagsVerdict, toolingVerdict } from '../rules/binary-tooling';
import { binaryVerdict } from '../rules/binary-verdict';
import { pathOf } from './workspace-state';

/** Thrown between stages when the client cancelled; the handler answers RequestCancelled. */
class Cancelled extends Error {}

/** Lets the connection read a pending `$/cancelRequest`, then checks the token. */
async function checkpoint(token: CancellationToken | undefined): Promise<void> {
	await new Promise<void>((resolve) => setImmediate(resolve));
	if (token?.isCancellationRequested) throw new Cancelled('cancelled');
}

/**
 * Describes the executable at `path`: the reader decodes it through bounded reads of one file descriptor (the
 * file is never read whole and never executed), then the verdict, the details and the text are built, with a
 * cancellation check between stages. Format problems and unreadable files are results, not exceptions.
 */
export async function describeBinaryFile(path: string, token?: CancellationToken, open: (path: string) => FileSource = openFileSource): Promise<DescribeBinaryResult> {
	let result: InspectResult;
	try {
		if (!statSync(path).isFile()) return { error: { message: `${path} is not a regular file` } };
		await checkpoint(token);
		const source = open(path);
		try {
			result = inspectBinary(source);
		} finally {
			source.close();
		}
	} catch (error) {
		if (error instanceof Cancelled) throw error;
		if (isBinaryFormatError(error)) return { error: { message: error.message, offset: error.offset } };
		const code = (error as NodeJS.ErrnoException).code;
		if (code) return { error: { message: `cannot read ${path}: ${code}` } };
		throw error;
	}
	if (result.kind === 'not-executable') return { notExecutable: true, reason: result.reason };
	return describeInfo(result.info, basename(path), statSync(path).size, token);
}

async function describeInfo(info: BinaryInfo, name: string, size: number, token: CancellationToken | undefined): Promise<DescribedBinary> {
	await checkpoint(token);
	const runsOn = binaryVerdict(info);
	const tooling = toolingVerdict(info);
	const ldflags = ldflagsVerdict(info);
	await checkpoint(token);
	const details = binaryDetails(info);
	const text = binaryText(info, name, runsOn, tooling, ldflags);
	return { ...toBinaryDto(info), runsOn, file: { name, size }, tooling, ldflags, details, text };
}

/** Registers `shipcheck/describeBinary` (params: a path or a file: URI). */
export function registerBinaryRequests(connection: Connection): void {
	connection.onRequest(DescribeBinaryRequest.type, async (params: DescribeBinaryParams, token) => {
		const path = params.path ?? (params.uri !== undefined ? pathOf(params.uri) : undefined);
		if (!path) return { error: { message: `describeBinary needs a path or a file: URI, got ${JSON.stringify(params)}` } };
		const started = performance.now();
		try {
			const result = await describeBinaryFile(path, token);
			connection.console.log(`described ${path} in ${(performance.now() - started).toFixed(1)} ms`);
			return result;
		} catch (error) {
			if (error instanceof Cancelled) return new ResponseError(LSPErrorCodes.RequestCancelled, 'describeBinary cancelled');
			connection.console.error(`describeBinary ${path}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
			return { error: { message: `internal error while reading ${basename(path)}: ${error instanceof Error ? error.message : String(error)}` } };
		}
	});
}
