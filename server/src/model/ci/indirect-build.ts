import type { Span } from '../../parse/span';
import { recognizeGoCommand, type GoBuildCommand } from '../go-command';
import type { GoBuild } from '../project';
import type { IndirectGoCommand, IndirectOrigin } from './indirect-types';
import { collapseMapper, remapCommand } from './mapped-shell';

/**
 * Where a go build reached through `make`/a script really is. The build itself sits on the calling line
 * (`RUN make build`, `run: make build`): its command's spans are collapsed onto that line, so findings and
 * insertions land there; this records the Makefile/script location for related information.
 */
export interface IndirectVia {
	/** The Makefile or script holding the go command. */
	readonly file: string;
	/** The go command in that file. */
	readonly span: Span;
	/** The calling line (in the build's own file) that all spans were collapsed onto. */
	readonly callerSpan: Span;
	/** Makefile targets and scripts from the calling line inwards. */
	readonly chain: readonly IndirectOrigin[];
}

type WithVia = GoBuildCommand & { readonly via: IndirectVia };

/** The go command collapsed onto `callerSpan`, carrying where it came from. */
export function withVia(indirect: IndirectGoCommand, callerSpan: Span): GoBuildCommand {
	const map = collapseMapper(callerSpan);
	const command = remapCommand(indirect.go.command, map);
	const goflags = indirect.env.get('GOFLAGS');
	const env = goflags ? new Map([['GOFLAGS', { value: goflags.value, span: callerSpan }]]) : undefined;
	const go = recognizeGoCommand(command, env) ?? indirect.go;
	const via: IndirectVia = { file: indirect.file, span: indirect.go.span, callerSpan, chain: indirect.chain };
	const result: WithVia = { ...go, via };
	return result;
}

/** The Makefile/script origin of a build reached through a call, or undefined for a direct `go build`. */
export function viaOf(build: Pick<GoBuild, 'command'>): IndirectVia | undefined {
	return (build.command as Partial<WithVia>).via;
}
