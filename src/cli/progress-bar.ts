/**
 * A progress bar on stderr, so stdout stays clean for the summary. On a terminal it redraws one
 * line at most ten times a second; elsewhere (CI logs, files) it prints a line per file instead
 * of carriage returns.
 */
export class ProgressBar {
  private total = 0;
  private done = 0;
  private file = '';
  private lastDraw = 0;
  private readonly tty: boolean;

  constructor(private readonly stream: NodeJS.WriteStream = process.stderr) {
    this.tty = stream.isTTY === true;
  }

  start(total: number): void {
    this.total = total;
    this.draw(true);
  }

  advance(rows: number, file: string): void {
    const newFile = file !== this.file;
    if (newFile && !this.tty && this.file !== '') this.stream.write(`${this.line()}\n`);
    this.done += rows;
    this.file = file;
    this.draw(newFile);
  }

  finish(): void {
    this.stream.write(this.tty ? `\r${this.line()}\n` : `${this.line()}\n`);
  }

  private line(): string {
    const share = this.total === 0 ? 1 : Math.min(1, this.done / this.total);
    const width = 30;
    const filled = Math.round(share * width);
    const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
    const count = `${this.done.toLocaleString('en')}/${this.total.toLocaleString('en')} rows`;
    return `[${bar}] ${String(Math.round(share * 100)).padStart(3)} % ${count}${this.file ? `  ${this.file}` : ''}`;
  }

  private draw(force: boolean): void {
    if (!this.tty) return;
    const now = Date.now();
    if (!force && now - this.lastDraw < 100) return;
    this.lastDraw = now;
    this.stream.write(`\r${this.line()}\x1b[K`);
  }
}
