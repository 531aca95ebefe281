import { loadKnowledge } from './loader.js';
import type { Knowledge } from './registry.js';

const CURRENT = Symbol('the knowledge as it is now');

/**
 * The concrete knowledge behind a live view (the view itself is one object for as long as klikbot
 * runs): what caches are keyed by, so a reload builds them again.
 */
export function concrete(knowledge: Knowledge): Knowledge {
  return (knowledge as Knowledge & { [CURRENT]?: Knowledge })[CURRENT] ?? knowledge;
}

/** What a reload did: the knowledge replaced, or kept as it was with the problems found. */
export type Reloaded = { ok: true } | { ok: false; problems: string };

/**
 * The knowledge klikbot answers from, which an administrator can load again from its folder
 * without a restart (`genindlæs data`, SIGHUP): read and checked first, and kept as it was if
 * anything is wrong. `view` is a Knowledge whose every field reads the knowledge as it is now, for
 * the parts built once at start; each turn and each tick reads it afresh.
 */
export class LiveKnowledge {
  #current: Knowledge;
  readonly view: Knowledge;

  constructor(
    initial: Knowledge,
    private readonly dir: string,
  ) {
    this.#current = initial;
    const now = () => this.#current;
    this.view = new Proxy({} as Knowledge, {
      get: (_target, key): unknown => (key === CURRENT ? now() : (Reflect.get(now(), key) as unknown)),
      has: (_target, key) => Reflect.has(now(), key),
      ownKeys: () => Reflect.ownKeys(now()),
      getOwnPropertyDescriptor: (_target, key) => {
        const descriptor = Reflect.getOwnPropertyDescriptor(now(), key);
        return descriptor ? { ...descriptor, configurable: true } : undefined;
      },
    });
  }

  current(): Knowledge {
    return this.#current;
  }

  #reloading: Promise<Reloaded> = Promise.resolve({ ok: true });

  /**
   * Loads the folder again; the new knowledge is used from the next turn, or none if it does not
   * validate. Reloads run one after the other, so an older read never replaces a newer one.
   */
  reload(): Promise<Reloaded> {
    this.#reloading = this.#reloading.then(async () => {
      try {
        this.#current = await loadKnowledge(this.dir);
        return { ok: true };
      } catch (error) {
        return { ok: false, problems: error instanceof Error ? error.message : String(error) };
      }
    });
    return this.#reloading;
  }
}
