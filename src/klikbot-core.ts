import { klikbotDialogs } from '../dialogs/index.js';
import type { ActionServices } from '../dialogs/types.js';
import { createCoreWith, type Core, type CoreDeps } from './core/core.js';

/**
 * The core with klikbot's dialogs injected: what the composition root (main.ts), the
 * benchmarks and the tests build. The core itself imports no dialog.
 */
export function createCore(deps: CoreDeps<ActionServices>): Core {
  return createCoreWith(klikbotDialogs, deps);
}
