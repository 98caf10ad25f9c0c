/**
 * The pause between a poller's passes (the outbox relay, the request-expiry timer, the notifications dispatcher):
 * `wait` resolves after its time or as soon as `wake` is called. A wake while no pause is running makes the next
 * one return at once, so work announced during a pass is never left waiting for the next poll.
 */
export class WakeableDelay {
  private wakeUp: (() => void) | undefined;
  private woken = false;

  wait(ms: number): Promise<void> {
    if (this.woken) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeUp = undefined;
        this.woken = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = done;
    });
  }

  wake(): void {
    if (this.wakeUp) this.wakeUp();
    else this.woken = true;
  }
}
