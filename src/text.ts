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

/** What flattening turns into spaces, and so what a quote of a secret may hide inside it. */
const FILLER = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}\s]/u;

/** Any run of this many characters of a secret counts as quoting it (a public key has 8). */
export const SECRET_PIECE = 8;

/**
 * The run's secrets, as the pieces that give them away: every run of SECRET_PIECE characters of
 * each (a shorter secret whole), by length. Server text that holds one, even with filler
 * characters inside it, has it replaced before it is flattened and cut.
 */
const secretPieces = new Map<number, Set<string>>();

/** Registers a secret of the run (a key, a client secret, an access token) with the sanitizer. */
export function hideSecret(secret: string): void {
  const chars = Array.from(secret).filter((char) => !FILLER.test(char));
  if (chars.length < 4) return; // too short to tell from ordinary words
  const size = Math.min(chars.length, SECRET_PIECE);
  let pieces = secretPieces.get(size);
  if (!pieces) secretPieces.set(size, (pieces = new Set()));
  for (let start = 0; start + size <= chars.length; start++) pieces.add(chars.slice(start, start + size).join(''));
}

/** The text with every stretch that quotes a secret, filler included, replaced by `***`. */
function withoutSecrets(raw: string): string {
  if (secretPieces.size === 0) return raw;
  const chars = Array.from(raw);
  const kept = chars.flatMap((char, index) => (FILLER.test(char) ? [] : [index])); // positions of the rest
  const hidden = new Array<boolean>(kept.length).fill(false);
  for (const [size, pieces] of secretPieces) {
    for (let start = 0; start + size <= kept.length; start++) {
      const piece = kept
        .slice(start, start + size)
        .map((index) => chars[index])
        .join('');
      if (pieces.has(piece)) hidden.fill(true, start, start + size);
    }
  }
  let text = '';
  let position = 0;
  for (let k = 0; k < kept.length; k++) {
    if (!hidden[k]) continue;
    let last = k;
    while (last + 1 < kept.length && hidden[last + 1]) last++;
    text += `${chars.slice(position, kept[k]).join('')}***`;
    position = (kept[last] as number) + 1;
    k = last;
  }
  return text + chars.slice(position).join('');
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
