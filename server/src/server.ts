// Entry point of the bundled language server (server/out/server.js): everything else lives in lsp/.
import { startServer } from './lsp/main';

startServer();
