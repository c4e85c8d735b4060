// A result as data: which facts buildResult takes from the last outcome and which from the verdict,
// which fields it leaves out rather than leave empty, and the wording of failures, cancellations
// and of what may have happened to the link-token.
import { describe, expect, it } from 'vitest';
import type { AnswerOutcome, ErrorOutcome, Proof } from '../../src/attempt-outcome.ts';
import type { AttemptsReport } from '../../src/attempts.ts';
import {
  afterAttempts,
  buildResult,
  errorVerdict,
  failedVerdict,
  uncertainty,
  type Verdict,
} from '../../src/result.ts';
import { atlasAnswer, ORG_ID, safe } from '../support/fixtures.ts';

const ENDPOINT = safe(`DELETE https://cloud.mongodb.com/api/atlas/v1.0/orgs/${ORG_ID}/liveMigrations/linkTokens`);
const CONTEXT = {
  authMethod: 'digest' as const,
  durationMs: 1234,
  dryRun: false,
  attempts: 1,
  attemptLog: [],
};

const answered = (fields: Parameters<typeof atlasAnswer>[0]): AnswerOutcome => {
  const answer = atlasAnswer(fields);
  return {
    kind: 'answer',
    answer,
    // As the attempt loop vouches for an answer to a request with credentials.
    proof: { answer } as unknown as Proof,
    failure: { kind: 'answer', status: fields.status },
    fateUnknown: false,
  };
};

const failed = (fields: Partial<ErrorOutcome> = {}): ErrorOutcome => ({
  kind: 'error',
  failure: { kind: 'timeout' },
  description: safe('timed out after 30 s'),
  hint: safe('Raise timeout-seconds.'),
  cause: { kind: 'timeout' },
  cancelled: false,
  fateUnknown: false,
  phase: 'request',
  ...fields,
});

const report = (final: AnswerOutcome | ErrorOutcome, facts: Partial<AttemptsReport> = {}): AttemptsReport => ({
  final,
  attempts: 1,
  attemptLog: [],
  fateUnknown: false,
  deleteSent: true,
  ...facts,
});

const deleted = (outcome: AnswerOutcome, text: Partial<Verdict> = {}): Verdict =>
  ({
    status: 'deleted',
    stepFails: false,
    proof: outcome.proof as Proof,
    message: safe('Deleted.'),
    ...text,
  }) as Verdict;

describe('buildResult', () => {
  it('a success: the facts of the answer, the verdict, and nothing that is absent', () => {
    const outcome = answered({ status: 204 });
    expect(buildResult(report(outcome), deleted(outcome), CONTEXT)).toStrictEqual({
      status: 'deleted',
      authMethod: 'digest',
      stepFails: false,
      httpStatus: 204,
      attempts: 1,
      message: 'Deleted.',
      durationMs: 1234,
      attemptLog: [],
      dryRun: false,
    });
  });

  it("a failure: the answer's status, error code and detail, the verdict's hint and cause", () => {
    const outcome = answered({ status: 403, errorCode: 'USER_UNAUTHORIZED', detail: 'No.' });
    const verdict = failedVerdict(safe('Deleting'), safe('HTTP 403'), 1, {
      cause: { kind: 'role' },
      hint: safe('Use an Owner.'),
    });
    expect(buildResult(report(outcome), verdict, { ...CONTEXT, dryRun: true, attempts: 3 })).toStrictEqual({
      status: 'failed',
      authMethod: 'digest',
      stepFails: true,
      httpStatus: 403,
      attempts: 3,
      errorCode: 'USER_UNAUTHORIZED',
      detail: 'No.',
      hint: 'Use an Owner.',
      message: 'Deleting failed: HTTP 403. Use an Owner.',
      durationMs: 1234,
      attemptLog: [],
      dryRun: true,
      cause: { kind: 'role' },
    });
  });

  it('without an answer: the status and error code an error kept, if any', () => {
    const verdict = failedVerdict(safe('Deleting'), safe('cancelled'), 1, { cause: { kind: 'cancelled' } });
    const kept = buildResult(
      report(failed({ cancelled: true, httpStatus: 503, errorCode: safe('SERVICE_UNAVAILABLE') })),
      verdict,
      CONTEXT,
    );
    expect(kept).toMatchObject({ httpStatus: 503, errorCode: 'SERVICE_UNAVAILABLE' });
    const none = buildResult(report(failed()), verdict, CONTEXT);
    expect(Object.keys(none)).not.toContain('httpStatus');
    expect(Object.keys(none)).not.toContain('errorCode');
    expect(Object.keys(none)).not.toContain('detail');
    expect(Object.keys(none)).not.toContain('hint');
  });

  it('keeps a status of 0 and leaves out an empty error code', () => {
    const verdict = failedVerdict(safe('Deleting'), safe('odd'), 1, { cause: { kind: 'bug' } });
    const result = buildResult(report(failed({ httpStatus: 0, errorCode: safe('') })), verdict, CONTEXT);
    expect(result.httpStatus).toBe(0);
    expect(Object.keys(result)).not.toContain('errorCode');
  });

  it("carries the verdict's organization name and note, and the operation's extras", () => {
    const outcome = answered({ status: 200 });
    const verdict = deleted(outcome, {
      status: 'dry-run-passed',
      organizationName: safe('Acme'),
      note: safe('A note.'),
    });
    const extras = {
      checks: [{ what: safe('the credentials were accepted'), verified: true }],
      migrationWait: { waitedMs: 3000, limitMs: 60_000, checks: 2, projects: [safe('60c4fd418ebe251047c50554')] },
      warnings: [safe('Could not verify the role.')],
      requests: [safe(`GET https://cloud.mongodb.com/api/atlas/v1.0/orgs/${ORG_ID}`)],
    };
    const result = buildResult(report(outcome), verdict, { ...CONTEXT, ...extras });
    expect(result).toMatchObject({ organizationName: 'Acme', note: 'A note.', ...extras });
    expect(result.cause).toBeUndefined();
  });

  it('leaves out empty lists of warnings and requests', () => {
    const outcome = answered({ status: 204 });
    const result = buildResult(report(outcome), deleted(outcome), { ...CONTEXT, warnings: [], requests: [] });
    expect(Object.keys(result)).not.toContain('warnings');
    expect(Object.keys(result)).not.toContain('requests');
  });

  it('keeps a list of one warning and one request', () => {
    const outcome = answered({ status: 204 });
    const result = buildResult(report(outcome), deleted(outcome), {
      ...CONTEXT,
      warnings: [safe('One.')],
      requests: [ENDPOINT],
    });
    expect(result.warnings).toEqual(['One.']);
    expect(result.requests).toEqual([ENDPOINT]);
  });
});

describe('afterAttempts', () => {
  it('says nothing of one attempt, and counts two or more', () => {
    expect(afterAttempts(0)).toBe('');
    expect(afterAttempts(1)).toBe('');
    expect(afterAttempts(2)).toBe(' after 2 attempts');
    expect(afterAttempts(5)).toBe(' after 5 attempts');
  });
});

describe('failedVerdict', () => {
  it('ends the sentence once, then adds the hint', () => {
    expect(
      failedVerdict(safe('Dry run'), safe('HTTP 404: Not here.'), 3, {
        cause: { kind: 'organization' },
        hint: safe('Check org-id.'),
      }),
    ).toStrictEqual({
      status: 'failed',
      stepFails: true,
      message: 'Dry run failed after 3 attempts: HTTP 404: Not here. Check org-id.',
      hint: 'Check org-id.',
      cause: { kind: 'organization' },
    });
  });

  it('without a hint, is the sentence alone', () => {
    expect(failedVerdict(safe('Deleting the link-token'), safe('HTTP 500'), 1, { cause: { kind: 'bug' } })).toEqual({
      status: 'failed',
      stepFails: true,
      message: 'Deleting the link-token failed: HTTP 500.',
      hint: undefined,
      cause: { kind: 'bug' },
    });
  });
});

describe('uncertainty', () => {
  it('a dry run deleted nothing, whatever was sent', () => {
    expect(uncertainty(true, { deleteSent: true, fateUnknown: true })).toBe('nothing was deleted');
  });

  it('nothing that could delete was sent', () => {
    expect(uncertainty(false, { deleteSent: false, fateUnknown: true })).toBe(
      'no request that could delete the link-token was sent',
    );
  });

  it('a DELETE was sent and may have been carried out', () => {
    expect(uncertainty(false, { deleteSent: true, fateUnknown: true })).toBe(
      'the link-token may or may not have been deleted',
    );
  });

  it('a DELETE was sent and answered: it was not deleted', () => {
    expect(uncertainty(false, { deleteSent: true, fateUnknown: false })).toBe('the link-token was not deleted');
  });
});

describe('errorVerdict', () => {
  it('a cancellation names when it came and what it means for the link-token', () => {
    const final = failed({ cancelled: true, phase: 'migration wait', cause: { kind: 'cancelled' } });
    expect(errorVerdict(final, report(final, { fateUnknown: true }), safe('Deleting'), false)).toStrictEqual({
      status: 'failed',
      stepFails: true,
      cause: { kind: 'cancelled', outcome: 'the link-token may or may not have been deleted' },
      message:
        'Cancelled: the job was cancelled while waiting for the live migration to end; the link-token may or may not have been deleted.',
    });
  });

  it('a cancelled dry run deleted nothing', () => {
    const final = failed({ cancelled: true, phase: 'token request' });
    expect(errorVerdict(final, report(final, { deleteSent: false }), safe('Dry run'), true)).toMatchObject({
      cause: { kind: 'cancelled', outcome: 'nothing was deleted' },
      message: 'Cancelled: the job was cancelled during the token request; nothing was deleted.',
    });
  });

  it("any other error fails with its description, hint and cause, after the report's attempts", () => {
    const final = failed();
    expect(errorVerdict(final, report(final, { attempts: 2 }), safe('Dry run (role check)'), true)).toStrictEqual({
      status: 'failed',
      stepFails: true,
      message: 'Dry run (role check) failed after 2 attempts: timed out after 30 s. Raise timeout-seconds.',
      hint: 'Raise timeout-seconds.',
      cause: { kind: 'timeout' },
    });
  });
});
