// Text that may reach the log and the job summary. Everything the action says goes through one
// type, SafeText: one printable line of bounded length. Text from the network becomes SafeText
// only through `fromServer`, where it is parsed; the action's own sentences only through the
// `line` template, whose holes accept SafeText and numbers. The runner facade and the summary
// accept nothing else, so no call site can forget to flatten a server's words.

declare const safeText: unique symbol;

/** One printable line: no control, format (bidi), surrogate, line or paragraph separator characters. */
export type SafeText = string & { readonly [safeText]: true };

/**
 * What may not reach a log line: control characters (a line break could start a workflow command;
 * U+0085 and U+009B are C1 controls), format characters (U+202E and U+2066–2069 reorder what a
 * reader sees), lone surrogates, and the Unicode line and paragraph separators.
 */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu;

/** The run's secrets: text that quotes one has it replaced before it is cut, so no cut shows a part of it. */
const secrets = new Set<string>();

/** Registers a secret of the run (a key, a client secret, an access token) with the sanitizer. */
export function hideSecret(secret: string): void {
  // Each line too, as the runner masks a multi-line secret line by line.
  for (const part of [secret, ...secret.split(/\r?\n/)]) if (part.trim().length >= 4) secrets.add(part.trim());
}

function withoutSecrets(raw: string): string {
  let text = raw;
  // Longest first: a secret that contains another is replaced whole.
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) text = text.split(secret).join('***');
  return text;
}

/** Text from the network (bodies, headers, challenge parameters, error messages that quote them). */
export function fromServer(raw: string, max = 300): SafeText {
  const flat = withoutSecrets(raw).replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat); // cut between code points, never inside a surrogate pair
  return (chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : flat) as SafeText;
}

/**
 * Text from validated settings (a URL, an organization ID, a proxy address): flattened all the
 * same, never cut, since validation already bounds it.
 */
export function fromSettings(raw: string): SafeText {
  return fromServer(raw, Infinity);
}

/**
 * The action's own sentence, with holes for SafeText and numbers: line`Attempt ${n}: ${why}`.
 * The literal parts are the action's source code, so the whole is SafeText.
 */
export function line(parts: TemplateStringsArray, ...values: (SafeText | number)[]): SafeText {
  return parts.reduce((text, part, index) => `${text}${String(values[index - 1])}${part}`) as SafeText;
}

/** SafeText pieces joined with a separator from the action's own source. */
export function joinText(pieces: readonly SafeText[], separator: string): SafeText {
  return fromServer(pieces.join(separator), Infinity);
}

/** 370 -> "370 ms", 1500 -> "1.5 s", 1234 -> "1.23 s", 30000 -> "30 s", 395000 -> "6 min 35 s". */
export function formatDuration(ms: number): SafeText {
  if (ms < 1000) return line`${Math.round(ms)} ms`;
  if (ms < 60_000) return line`${Number((ms / 1000).toFixed(2))} s`;
  const seconds = Math.round(ms / 1000);
  const minutes = Math.floor(seconds / 60);
  return seconds % 60 === 0 ? line`${minutes} min` : line`${minutes} min ${seconds % 60} s`;
}

/** Ends a sentence with a full stop unless it already has one: Atlas's `detail` usually does. */
export function endSentence(text: SafeText): SafeText {
  return /[.!?…]$/.test(text) ? text : line`${text}.`;
}
