import { inspectBinary, isBinaryFormatError, type BinaryInfo, type RandomAccessSource } from '../binary';
import type { FileSystemView } from '../model/file-system';
import { joinPath, normalizePath } from '../model/paths';
import type { CopyStep, ProjectModel, StageModel } from '../model/project';
import type { Span } from '../parse/span';
import { binaryVerdict, type RunsOnEntry } from './binary-verdict';

/**
 * A binary that exists in the workspace and is copied into an image from the build context (`COPY dist/app /app`,
 * no `--from`), with the verdict for the image it lands in. The facts come from the file itself (its PT_INTERP,
 * libc and GLIBC_x.y floor), not from a guess about how it was built.
 */
export interface ContextBinary {
	/** Absolute workspace path of the binary. */
	readonly path: string;
	/** The COPY source as written, and where. */
	readonly source: { readonly path: string; readonly span: Span };
	readonly copy: CopyStep;
	readonly stage: StageModel;
	readonly info: BinaryInfo;
	/** The verdict for the stage's image (null ok: the image or a needed library is not known). */
	readonly verdict: RunsOnEntry;
}

/** Executable magic: ELF, Mach-O (both byte orders, 32/64, fat) and PE's MZ. */
function looksExecutable(head: Uint8Array): boolean {
	const be = ((head[0] ?? 0) << 24 | (head[1] ?? 0) << 16 | (head[2] ?? 0) << 8 | (head[3] ?? 0)) >>> 0;
	return be === 0x7f454c46 || [0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe, 0xcafebabe].includes(be) || (head[0] === 0x4d && head[1] === 0x5a);
}

/** A bounded RandomAccessSource over the view's optional readBinary hook, or undefined when it cannot read `path`. */
export function workspaceSource(fs: FileSystemView, path: string): RandomAccessSource | undefined {
	const read = fs.readBinary?.bind(fs);
	const head = read?.(path, 0, 16);
	if (!read || !head || !looksExecutable(head.bytes)) return undefined;
	return { size: head.size, read: (offset, length) => read(path, offset, length)?.bytes ?? new Uint8Array(0) };
}

/** Workspace files a context COPY names: plain paths only (globs and build args are left to the CI model). */
function sourceFiles(fs: FileSystemView, contextDir: string, copy: CopyStep): { path: string; source: CopyStep['sources'][number] }[] {
	const out: { path: string; source: CopyStep['sources'][number] }[] = [];
	for (const source of copy.sources) {
		if (/[*?[$]/.test(source.path)) continue;
		const rel = normalizePath(source.path.replace(/^\/+/, ''));
		if (rel === '.' || rel.startsWith('..')) continue;
		const path = joinPath(contextDir, rel);
		const entries = fs.listDir(path);
		// A copied directory delivers its files: look one level down, a bounded number of them.
		if (entries.length > 0) for (const name of entries.filter((n) => !n.endsWith('/')).slice(0, 64)) out.push({ path: joinPath(path, name), source });
		else out.push({ path, source });
	}
	return out;
}

/**
 * Every workspace binary copied from a build context into a Dockerfile stage, inspected with bounded reads
 * through `fs.readBinary` and judged against that stage's image. Files that are not executables, or that the
 * reader rejects, are skipped (another tool reports broken files; the inspector shows why).
 */
export function contextBinaries(project: ProjectModel, fs: FileSystemView): ContextBinary[] {
	if (!fs.readBinary) return [];
	const out: ContextBinary[] = [];
	for (const dockerfile of project.dockerfiles) {
		for (const stage of dockerfile.stages) {
			for (const copy of stage.copies) {
				if (copy.fromStage || copy.fromImage) continue;
				for (const { path, source } of sourceFiles(fs, dockerfile.contextDir, copy)) {
					const info = inspect(fs, path);
					if (!info) continue;
					const image = stage.imageRef ?? 'the runtime image';
					const [verdict] = binaryVerdict(info, { images: [image], lookup: () => stage.image });
					if (verdict) out.push({ path, source, copy, stage, info, verdict });
				}
			}
		}
	}
	return out;
}

function inspect(fs: FileSystemView, path: string): BinaryInfo | undefined {
	const src = workspaceSource(fs, path);
	if (!src) return undefined;
	try {
		const r = inspectBinary(src);
		return r.kind === 'binary' ? r.info : undefined;
	} catch (error) {
		if (isBinaryFormatError(error)) return undefined;
		throw error;
	}
}

/** The finding text for a binary that will not start in its image: the real floor, from the file. */
export function contextBinaryMessage(b: ContextBinary): string {
	return `"${b.source.path}" ${b.verdict.why.replace(/the image/g, `"${b.verdict.image}"`)} (read from the binary in the workspace)`;
}
