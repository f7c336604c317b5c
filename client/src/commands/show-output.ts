import type { ShipcheckContext } from '../context';

/** `Go Ship Check: Show Output`: reveals the channel with the client log, server stderr and trace. */
export function showOutput(ctx: Pick<ShipcheckContext, 'output'>): () => void {
	return () => ctx.output.show(true);
}
