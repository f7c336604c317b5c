import { inspectBinary, type BinaryInfo, type RandomAccessSource } from '../binary';
import { dockerIgnoreFor, type DockerIgnore } from '../model/docker-ignore';
import { globMatches } from '../model/deliveries';
import type { FileSystemView } from '../model/file-system';
import { basename, joinPath, normalizePath } from '../model/paths';
import type { CopyStep, DockerfileModel, ProjectModel, StageModel } from '../model/project';
import type { Span } from '../parse/span';
import { binaryVerdict, type RunsOnEntry } from './binary-verdict';

/**
 * A binary that exists in the workspace and is copied into an image from the build context (`COPY dist/app /app`,
 * no `--from`), with the verdict for the image it lands in. The facts come from the file itself (its PT_INTERP,
 * libc and GLIBC_x.y floor), not from a guess about how it was built. `libc-mismatch` and `glibc-too-old` report
 * them (context-binary-findings.ts); the file is only ever read, with bounded reads, never run.
 */
export interface ContextBinary {
	/** Absolute workspace path of the binary. */
	readonly path: string;
	/** The same path relative to the build context (`dist/app`), for messages. */
	readonly contextPath: string;
	/** The COPY source as written, and where. */
	readonly source: { readonly path: string; readonly span: Span };
	readonly copy: CopyStep;
	readonly stage: StageModel;
	/** Where the file lands in the image (`/app`), when the COPY destination says. */
	readonly landing: string | undefined;
	readonly info: BinaryInfo;
	/** The verdict for the stage's image (null ok: the image or a needed library is not known). */
	readonly verdict: RunsOnEntry;
}

/** ELF magic: Linux images run nothing else (Mach-O and PE files are not read at all). */
function isElf(head: Uint8Array): boolean {
	return head[0] === 0x7f && head[1] === 0x45 && head[2] === 0x4c && head[3] === 0x46;
}

/** A bounded RandomAccessSource over the view's readBinary hook, with the file's version, or undefined when `path` is no ELF file. */
export function workspaceSource(fs: FileSystemView, path: string): (RandomAccessSource & { readonly version: string | undefined }) | undefined {
	const read = fs.readBinary?.bind(fs);
	const head = read?.(path, 0, 16);
	if (!read || !head || !isElf(head.bytes)) return undefined;
	return { size: head.size, version: head.version, read: (offset, length) => read(path, offset, length)?.bytes ?? new Uint8Array(0) };
}

interface SourceFile {
	readonly path: string;
	readonly contextPath: string;
	readonly source: CopyStep['sources'][number];
	readonly landing: string | undefined;
}

/** Names that are never executables: a copied directory's Go sources, docs and configs are not even opened. */
const TEXT_NAMES = /\.(go|mod|sum|md|txt|ya?ml|json|toml|sh|c|h|proto|html|css|js|ts|conf|cfg|ini|pem|crt|key|sql|csv)$/i;
/** At most this many files of one copied directory are looked at. */
const MAX_DIRECTORY_FILES = 64;

/** Workspace files a context COPY names: plain paths, a glob in the last element, a directory one level down. */
function sourceFiles(fs: FileSystemView, dockerfile: DockerfileModel, copy: CopyStep, ignore: DockerIgnore | undefined): SourceFile[] {
	const out: SourceFile[] = [];
	const add = (rel: string, source: SourceFile['source'], landing: string | undefined) => {
		if (TEXT_NAMES.test(rel) || (ignore && ignore.status(rel) !== 'included')) return;
		out.push({ path: joinPath(dockerfile.contextDir, rel), contextPath: rel, source, landing });
	};
	const destination = copy.destination?.path;
	const into = (name: string) => (destination === undefined ? undefined : `${destination.replace(/\/+$/, '')}/${name}`);
	for (const source of copy.sources) {
		// Build args left unexpanded, URLs (ADD) and here-documents are not workspace files.
		if (/[$]|:\/\/|^<</.test(source.path)) continue;
		const rel = normalizePath(source.path.replace(/^\/+/, ''));
		if (rel === '.' || rel.startsWith('..')) continue;
		const slash = rel.lastIndexOf('/');
		const parent = slash < 0 ? '' : rel.slice(0, slash);
		if (/[*?[]/.test(parent)) continue;
		if (/[*?[]/.test(rel)) {
			const pattern = rel.slice(slash + 1);
			const names = fs.listDir(joinPath(dockerfile.contextDir, parent)).filter((n) => !n.endsWith('/') && globMatches(pattern, n));
			for (const name of names.slice(0, MAX_DIRECTORY_FILES)) add(parent ? `${parent}/${name}` : name, source, into(name));
			continue;
		}
		// The parent's listing (read once per folder) says whether the source is a directory, without a failing
		// readdir on every copied file. Anything else, a symbolic link included, is tried as a file.
		const listedDir = fs.listDir(joinPath(dockerfile.contextDir, parent)).includes(`${rel.slice(slash + 1)}/`);
		const entries = listedDir ? fs.listDir(joinPath(dockerfile.contextDir, rel)) : [];
		// A copied directory delivers its files: look one level down, a bounded number of them.
		if (entries.length > 0) {
			for (const name of entries.filter((n) => !n.endsWith('/')).slice(0, MAX_DIRECTORY_FILES)) add(`${rel}/${name}`, source, into(name));
		} else {
			const landing = destination === undefined ? undefined : destination.endsWith('/') || copy.sources.length > 1 ? into(basename(rel)) : destination;
			add(rel, source, landing);
		}
	}
	return out;
}

const perProject = new WeakMap<ProjectModel, { readonly fs: FileSystemView; readonly binaries: readonly ContextBinary[] }>();

/**
 * Every workspace binary copied from a build context into a Dockerfile stage, inspected with bounded reads
 * through `fs.readBinary` and judged against that stage's image; computed once per project model (both rules
 * ask). Files that are not ELF executables, or that the reader rejects, are skipped (the inspector shows why).
 * A file that a build in the workspace writes before the image is built (a CI job's `go build -o dist/app`) is
 * not what that image gets: the prediction for that build is reported, not the file.
 */
export function contextBinaries(project: ProjectModel, fs: FileSystemView | undefined): readonly ContextBinary[] {
	if (!fs?.readBinary) return [];
	const cached = perProject.get(project);
	if (cached?.fs === fs) return cached.binaries;
	const out: ContextBinary[] = [];
	for (const dockerfile of project.dockerfiles) {
		let ignore: DockerIgnore | undefined | null = null;
		for (const stage of dockerfile.stages) {
			for (const copy of stage.copies) {
				if (copy.fromStage || copy.fromImage || copy.sources.length === 0) continue;
				if (ignore === null) ignore = dockerIgnoreFor(fs, dockerfile.path, dockerfile.contextDir);
				const built = project.deliveries.filter((d) => d.source === 'build-context' && d.copy === copy);
				for (const file of sourceFiles(fs, dockerfile, copy, ignore)) {
					if (built.some((d) => d.path === undefined || d.path === file.landing)) continue;
					const info = inspect(fs, file.path);
					if (!info) continue;
					const [verdict] = binaryVerdict(info, { images: [stage.imageRef ?? stage.syntax.image.raw], lookup: () => stage.image });
					if (verdict) out.push({ path: file.path, contextPath: file.contextPath, source: file.source, copy, stage, landing: file.landing, info, verdict });
				}
			}
		}
	}
	perProject.set(project, { fs, binaries: out });
	return out;
}

/** What was read from each file, under the file's version: keystrokes re-judge, they do not re-read. */
const inspected = new Map<string, { readonly version: string; readonly info: BinaryInfo | undefined }>();
const MAX_CACHED = 64;

function inspect(fs: FileSystemView, path: string): BinaryInfo | undefined {
	const src = workspaceSource(fs, path);
	if (!src) return undefined;
	const hit = src.version === undefined ? undefined : inspected.get(path);
	if (hit && hit.version === src.version) return hit.info;
	let info: BinaryInfo | undefined;
	try {
		const r = inspectBinary(src);
		info = r.kind === 'binary' ? r.info : undefined;
	} catch {
		// A truncated or corrupt file (BinaryFormatError), or one that changed while it was read: no verdict.
		info = undefined;
	}
	if (src.version !== undefined) {
		inspected.delete(path);
		inspected.set(path, { version: src.version, info });
		if (inspected.size > MAX_CACHED) inspected.delete(inspected.keys().next().value!);
	}
	return info;
}
