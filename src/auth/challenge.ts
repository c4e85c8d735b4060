// Parsing of WWW-Authenticate headers (RFC 7235): one header may carry several challenges,
// and Node joins repeated headers with ", ".

export interface Challenge {
  scheme: string;
  /** Parameter names lower-cased; quoted values unquoted. */
  params: Record<string, string>;
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+/;

export function parseChallenges(header: string | string[] | undefined): Challenge[] {
  const text = Array.isArray(header) ? header.join(', ') : (header ?? '');
  const challenges: Challenge[] = [];
  let current: Challenge | undefined;
  let i = 0;
  const skipSpaces = (): void => {
    while (text[i] === ' ' || text[i] === '\t') i++;
  };
  while (i < text.length) {
    skipSpaces();
    if (text[i] === ',') {
      i++;
      continue;
    }
    const token = TOKEN.exec(text.slice(i))?.[0];
    if (token === undefined) {
      i++; // not a token: skip the stray character
      continue;
    }
    i += token.length;
    skipSpaces();
    if (text[i] !== '=') {
      current = { scheme: token, params: {} };
      challenges.push(current);
      continue;
    }
    i++;
    skipSpaces();
    const value = text[i] === '"' ? readQuoted() : readBare();
    if (current) current.params[token.toLowerCase()] = value;
  }
  return challenges;

  function readQuoted(): string {
    let value = '';
    i++; // opening quote
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\' && i + 1 < text.length) i++;
      value += text[i];
      i++;
    }
    i++; // closing quote
    return value;
  }

  function readBare(): string {
    const start = i;
    while (i < text.length && text[i] !== ',' && text[i] !== ' ' && text[i] !== '\t') i++;
    return text.slice(start, i);
  }
}
