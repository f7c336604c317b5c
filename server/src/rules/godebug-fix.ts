import { stageChain } from '../model/dockerfile/stage-chain';
import type { DockerfileModel, StageModel } from '../model/project';
import type { Fix } from './types';

/**
 * Inserts a GODEBUG setting where the binary runs: merged into the last `ENV GODEBUG=…` the runtime stage
 * has, its own or inherited through `FROM <stage>` (never overwriting it: a new `ENV GODEBUG=` line in the
 * runtime stage would hide an inherited value), or as a new `ENV GODEBUG=…` line after the stage's FROM.
 * Only in Dockerfile ENV (and CI env): an unknown key there is ignored by the runtime, whereas in go.mod
 * `godebug` or `//go:debug` it breaks the build (FACTS §1.4). Undefined when the key is already set.
 */
export function insertGodebugFix(dockerfile: DockerfileModel, stage: StageModel, key: string, value: string, title: string): Fix | undefined {
	const text = dockerfile.text;
	for (const instruction of stageChain(stage).flatMap((s) => [...s.syntax.instructions].reverse())) {
		if (instruction.keyword !== 'ENV') continue;
		const property = instruction.properties.find((p) => p.name === 'GODEBUG');
		if (!property?.valueSpan) continue;
		const entries = (property.value ?? '').split(',').map((e) => e.split('=')[0].trim());
		if (entries.includes(key)) return undefined;
		const written = text.slice(property.valueSpan.start, property.valueSpan.end);
		const quoted = /^(["']).*\1$/s.test(written);
		const at = quoted ? property.valueSpan.end - 1 : property.valueSpan.end;
		const separator = (property.value ?? '') === '' ? '' : ',';
		return { title, edits: [{ file: dockerfile.path, span: { start: at, end: at }, newText: `${separator}${key}=${value}` }] };
	}
	const from = stage.syntax.from.span;
	const newline = text.includes('\r\n') ? '\r\n' : '\n';
	return { title, edits: [{ file: dockerfile.path, span: { start: from.end, end: from.end }, newText: `${newline}ENV GODEBUG=${key}=${value}` }] };
}

/**
 * The fix users ask for after "GLIBC_x.y not found" and libc errors. It is offered because people look for
 * it, with a title that tells the truth: no Go release recognises `clock_gettime64` (FACTS §1.1), so it
 * changes nothing. Never preferred, always listed after the real fixes.
 */
export function clockGettime64Fix(dockerfile: DockerfileModel | undefined, runtime: StageModel): Fix | undefined {
	if (!dockerfile) return undefined;
	return insertGodebugFix(dockerfile, runtime, 'clock_gettime64', '0', 'Insert GODEBUG=clock_gettime64=0 (has no effect: no Go release recognises this key)');
}
