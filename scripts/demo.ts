// `npm run demo [scenario] [service-account]`: starts the loopback Atlas stand-in the tests use,
// runs dist/index.js against it exactly as the runner would, and prints the log, the outputs and
// the job summary. Scenarios: clean, retry, access-list, not-found, dry-run. With `service-account`,
// it authenticates as a service account, not an API key.
import { rmSync } from 'node:fs';
import { ATLAS_ERRORS, AtlasStandIn, type Step } from '../test/support/atlas-stand-in.ts';
import { CLIENT_ID, CLIENT_SECRET, ORG_ID, PRIVATE_KEY, PUBLIC_KEY } from '../test/support/fixtures.ts';
import { runAction, stageAction } from '../test/support/run-action.ts';

const SCENARIOS: Record<string, { about: string; steps: Step[]; inputs?: Record<string, string> }> = {
  clean: { about: 'a clean delete (204)', steps: [] },
  retry: {
    about: 'two 503s, then 204: retried with back-off, one request per retry',
    steps: [
      { status: 503, body: ATLAS_ERRORS.unavailable() },
      { status: 503, body: ATLAS_ERRORS.unavailable(), headers: { 'Retry-After': '1' } },
    ],
  },
  'access-list': {
    about: "403 IP_ADDRESS_NOT_ON_ACCESS_LIST: the runner's IP is not on the key's access list",
    steps: [{ status: 403, body: ATLAS_ERRORS.ipNotOnAccessList('203.0.113.7') }],
  },
  'not-found': {
    about: '404: nothing to delete (a warning, not a failure)',
    steps: [{ status: 404, body: ATLAS_ERRORS.notFound() }],
  },
  'dry-run': {
    about: 'dry-run: true: GET the organization to prove credentials, access list and org-id; nothing deleted',
    steps: [],
    inputs: { 'dry-run': 'true' },
  },
};

const args = process.argv.slice(2);
const useServiceAccount = args.includes('service-account');
const name = args.find((arg) => arg !== 'service-account') ?? 'clean';
const scenario = SCENARIOS[name];
if (!scenario) {
  console.error(`Unknown scenario '${name}'. Choose one of: ${Object.keys(SCENARIOS).join(', ')} [service-account]`);
  process.exit(2);
}
const credentials: Record<string, string> = useServiceAccount
  ? { 'client-id': CLIENT_ID, 'client-secret': CLIENT_SECRET }
  : { 'public-key': PUBLIC_KEY, 'private-key': PRIVATE_KEY };

const standIn = new AtlasStandIn({
  publicKey: PUBLIC_KEY,
  privateKey: PRIVATE_KEY,
  serviceAccount: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
});
const baseUrl = await standIn.start();
standIn.script(...scenario.steps);
const actionDir = stageAction();
const section = (title: string): void =>
  console.log(`\n\x1b[1m── ${title} ${'─'.repeat(Math.max(0, 70 - title.length))}\x1b[0m`);

try {
  const how = useServiceAccount
    ? 'as a service account: token, DELETE with the bearer token, revoke'
    : "with an API key: Atlas's digest challenge (401), then the authorized DELETE";
  section(`Scenario '${name}': ${scenario.about}, ${how}`);
  console.log(`Atlas stand-in on ${baseUrl}; running dist/index.js under Node 24 as the runner does.`);
  const run = await runAction(actionDir, {
    inputs: {
      'org-id': ORG_ID,
      ...credentials,
      'base-url': baseUrl,
      'retry-delay-seconds': '0.5',
      ...scenario.inputs,
    },
  });
  section('Log (stdout)');
  process.stdout.write(run.stdout);
  if (run.stderr) {
    section('stderr');
    process.stdout.write(run.stderr);
  }
  section('Outputs');
  for (const [key, value] of Object.entries(run.outputs)) console.log(`${key}=${value}`);
  section('Job summary (HTML)');
  process.stdout.write(run.summary ?? '');
  section('Requests the stand-in received');
  for (const request of standIn.requests) {
    const scheme = (request.headers.authorization ?? '').split(' ')[0]?.toLowerCase() || 'no credentials';
    const auth = request.authorized ? `${scheme} ${request.verified ? 'verified' : 'rejected'}` : scheme;
    console.log(`${request.method} ${request.path} (${auth}) -> ${request.answer}`);
  }
  section('Result');
  console.log(`exit code ${run.code} after ${run.durationMs} ms`);
} finally {
  await standIn.close();
  rmSync(actionDir, { recursive: true, force: true });
}
