import { invalidate } from '$app/navigation';
import { messageForAction } from '$lib/api';

/** Busy flag and status line of a page whose buttons call the API and then reload the page's data. */
export class ActionRunner {
  busy = $state(false);
  message = $state('');
  readonly #dependency: string;

  /** `dependency`: the key the page's load declared with depends(). */
  constructor(dependency: string) {
    this.#dependency = dependency;
  }

  /** Runs `fn`; on success shows `done` and reloads, on failure shows why. */
  act = async (fn: () => Promise<unknown>, done: string): Promise<void> => {
    this.busy = true;
    this.message = '';
    try {
      await fn();
      this.message = done;
      await invalidate(this.#dependency);
    } catch (e) {
      this.message = messageForAction(e, {});
    } finally {
      this.busy = false;
    }
  };
}
