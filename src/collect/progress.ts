import type { CollectorContext } from './collector.js';

/**
 * Progress of a scan of several accounts (AWS accounts, Azure subscriptions, Google Cloud projects),
 * the same for every provider: `3/40 accounts, 212 assets`, updated as each one is done, so a scan of
 * an organization says how far it is. Shown by the CLI's one progress line (on a terminal, or as
 * debug lines with --debug). With one AWS account to read, that account's own notes (its regions)
 * show instead: they say more.
 */
export class AccountsProgress {
  private done = 0;

  constructor(
    private readonly context: CollectorContext,
    private readonly noun: string,
    private readonly total: number,
    private readonly assets: () => number,
  ) {}

  /** The context to read one account with: its progress notes become the tally when there are several accounts. */
  get accountContext(): CollectorContext {
    return this.total > 1 ? { ...this.context, progress: () => this.show() } : this.context;
  }

  /** One more account is done (read, skipped, or failed). */
  finished(): void {
    this.done++;
    this.show();
  }

  /** The tally, with what the scan does now (`; storage`). */
  show(then = ''): void {
    this.context.progress(`${this.done}/${this.total} ${this.noun}, ${this.assets()} assets${then}`);
  }
}
