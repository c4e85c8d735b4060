// Small text helpers for log lines built from network text.

/**
 * Makes text from the network safe for one log line: control characters (which could start a
 * workflow command on a new line) become spaces, runs of space collapse, and it is cut to `max`.
 */
export function oneLine(text: string, max = 300): string {
  const flat = text
    .replace(/[\p{Cc}\u2028\u2029]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** 370 -> "370 ms", 1500 -> "1.5 s", 1234 -> "1.23 s", 30000 -> "30 s". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${Number((ms / 1000).toFixed(2))} s`;
}

/** Ends a sentence with a full stop unless it already has one: Atlas's `detail` usually does. */
export function endSentence(text: string): string {
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}
