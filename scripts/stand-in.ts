// `node scripts/stand-in.ts [port]`: serves the loopback Atlas stand-in until stopped, for running
// the action itself (`uses: ./`) in CI. It accepts the test key pair and the test service account
// from test/support/fixtures.ts.
import { AtlasStandIn } from '../test/support/atlas-stand-in.ts';
import { CLIENT_ID, CLIENT_SECRET, PRIVATE_KEY, PUBLIC_KEY } from '../test/support/fixtures.ts';

const port = Number(process.argv[2] ?? '8089');
const standIn = new AtlasStandIn({
  publicKey: PUBLIC_KEY,
  privateKey: PRIVATE_KEY,
  serviceAccount: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
  port,
});
console.log(`Atlas stand-in listening on ${await standIn.start()}`);
const stop = (): void => {
  void standIn.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
