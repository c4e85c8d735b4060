// `npm run demo [scenario] [service-account]`: starts the loopback Atlas stand-in the tests use,
// runs dist/index.js against it exactly as the runner would, and prints the log, the outputs and
// the job summary. Scenarios: see SCENARIOS (`npm run demo -- help` lists them). With
// `service-account`, it authenticates as a service account, not an API key.
import { rmSync } from 'node:fs';
import { ATLAS_ERRORS, AtlasStandIn, type StandInOptions, type Step } from '../test/support/atlas-stand-in.ts';
import {
  CLIENT_ID,
  CLIENT_SECRET,
  MEMBER_CLIENT_ID,
  MEMBER_CLIENT_SECRET,
  MEMBER_PRIVATE_KEY,
  MEMBER_PUBLIC_KEY,
  ORG_ID,
  PRIVATE_KEY,
  PUBLIC_KEY,
} from '../test/support/fixtures.ts';
import { runAction, stageAction } from '../test/support/run-action.ts';

interface Scenario {
  about: string;
  steps: Step[];
  inputs?: Record<string, string>;
  /** How the stand-in behaves beyond its scripted answers. */
  standIn?: Partial<StandInOptions>;
  /** Run with the credentials of an Organization Member instead of an Owner. */
  member?: boolean;
}

const SCENARIOS: Record<string, Scenario> = {
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
    about:
      'dry-run: true: GET the organization, then the projects available for migration, proving credentials, access list, org-id and the Owner role; nothing deleted',
    steps: [],
    inputs: { 'dry-run': 'true' },
  },
  'dry-run-member': {
    about: 'dry-run: true with credentials that have only the Organization Member role: the role check fails',
    steps: [],
    inputs: { 'dry-run': 'true' },
    member: true,
  },
  migration: {
    about:
      'a live migration still active for three checks; migration-wait-seconds: 60 waits it out, then the delete succeeds',
    steps: [],
    inputs: { 'migration-wait-seconds': '60' },
    standIn: { activeMigration: { projects: ['60c4fd418ebe251047c50554'], checks: 3 } },
  },
  'migration-no-wait': {
    about: 'a live migration still active, without migration-wait-seconds: fails at once, naming the project',
    steps: [],
    standIn: { activeMigration: { projects: ['60c4fd418ebe251047c50554'], checks: 1 } },
  },
  deprecated: {
    about: 'Atlas marks api-version v1.0 deprecated (Deprecation and Sunset headers): one warning, the delete succeeds',
    steps: [],
    standIn: {
      deprecation: {
        version: 'v1.0',
        deprecation: 'Mon, 5 Aug 2024 00:00:00 GMT',
        sunset: 'Thu, 1 Jul 2027 00:00:00 GMT',
      },
    },
  },
};

const args = process.argv.slice(2);
const useServiceAccount = args.includes('service-account');
const name = args.find((arg) => arg !== 'service-account') ?? 'clean';
const scenario = SCENARIOS[name];
if (!scenario) {
  const known = Object.entries(SCENARIOS).map(([key, { about }]) => `  ${key.padEnd(18)} ${about}`);
  const usage = `Usage: npm run demo -- [scenario] [service-account]\n\nScenarios:\n${known.join('\n')}`;
  if (name === 'help' || name === '--help') {
    console.log(usage);
    process.exit(0);
  }
  console.error(`Unknown scenario '${name}'.\n\n${usage}`);
  process.exit(2);
}
const credentials: Record<string, string> = useServiceAccount
  ? scenario.member
    ? { 'client-id': MEMBER_CLIENT_ID, 'client-secret': MEMBER_CLIENT_SECRET }
    : { 'client-id': CLIENT_ID, 'client-secret': CLIENT_SECRET }
  : scenario.member
    ? { 'public-key': MEMBER_PUBLIC_KEY, 'private-key': MEMBER_PRIVATE_KEY }
    : { 'public-key': PUBLIC_KEY, 'private-key': PRIVATE_KEY };

const standIn = new AtlasStandIn({
  publicKey: PUBLIC_KEY,
  privateKey: PRIVATE_KEY,
  serviceAccount: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
  organizationId: ORG_ID,
  memberKey: { publicKey: MEMBER_PUBLIC_KEY, privateKey: MEMBER_PRIVATE_KEY },
  memberServiceAccount: { clientId: MEMBER_CLIENT_ID, clientSecret: MEMBER_CLIENT_SECRET },
  ...scenario.standIn,
});
const baseUrl = await standIn.start();
standIn.script(...scenario.steps);
const actionDir = stageAction();
const section = (title: string): void =>
  console.log(`\n\x1b[1m── ${title} ${'─'.repeat(Math.max(0, 70 - title.length))}\x1b[0m`);

try {
  const dryRun = scenario.inputs?.['dry-run'] === 'true';
  const request = dryRun ? 'GETs' : 'DELETE';
  const how = useServiceAccount
    ? `as a service account: token, the ${request} with the bearer token, revoke`
    : `with an API key: Atlas's digest challenge (401), then the authorized ${request}`;
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
