/**
 * Runs a task one run at a time: a kick during a run asks for one more run after it, so a
 * burst of changes costs at most one extra run.
 */
export class CoalescingRunner {
  private running?: Promise<void>;
  private again = false;

  constructor(
    private readonly task: () => Promise<void>,
    private readonly stopped: () => boolean,
    private readonly failed: (err: unknown) => void,
  ) {}

  kick(): void {
    if (this.stopped()) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.task();
        } while (this.again && !this.stopped());
      } catch (err) {
        this.failed(err);
      } finally {
        this.running = undefined;
      }
    })();
  }

  /** Settles once no run is in progress. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }
}
