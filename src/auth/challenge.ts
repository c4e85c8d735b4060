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
  // Stryker disable next-line EqualityOperator: equivalent, one more turn finds no token and ends
  while (i < text.length) {
    const token = TOKEN.exec(text.slice(i))?.[0];
    if (token === undefined) {
      i++; // a comma, a space or a stray character between parameters and challenges
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
    // Stryker disable next-line EqualityOperator: equivalent, slice() stops at the end all the same
    while (i < text.length && text[i] !== ',' && text[i] !== ' ' && text[i] !== '\t') i++;
    return text.slice(start, i);
  }
}
