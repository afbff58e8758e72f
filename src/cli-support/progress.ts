import cliProgress from 'cli-progress';

export interface Progress {
  tick(): void;
  stop(): void;
}

/**
 * Progress of a long CLI job on stderr (stdout stays clean for JSON): a bar with rate and ETA on
 * a terminal, a plain line every few seconds otherwise (CI logs, pipes).
 */
export function startProgress(total: number, label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  const started = Date.now();
  let done = 0;
  const rate = () => done / Math.max((Date.now() - started) / 1000, 0.001);
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        stream,
        format: `${label} [{bar}] {value}/{total} | {rate}/s | ETA {eta_formatted}`,
        etaBuffer: 200,
        fps: 5,
        hideCursor: true,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0, { rate: '0' });
    return {
      tick() {
        done++;
        bar.update(done, { rate: rate().toFixed(0) });
      },
      stop() {
        bar.stop();
      },
    };
  }
  let lastLine = 0;
  const line = () => {
    const r = rate();
    const eta = r > 0 ? Math.ceil((total - done) / r) : 0;
    stream.write(`${label}: ${done}/${total} (${r.toFixed(0)}/s, ETA ${eta} s)\n`);
  };
  return {
    tick() {
      done++;
      if (Date.now() - lastLine > 5000) {
        lastLine = Date.now();
        line();
      }
    },
    stop() {
      if (total > 0) line();
    },
  };
}
