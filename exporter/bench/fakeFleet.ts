// A fleet of contract-speaking fake services in their own process (as real services would be), for the scrape
// bench: `tsx bench/fakeFleet.ts <count> <hungEvery>` prints one JSON line of "<kind>=<url>" targets.
import { SERVICE_KINDS } from '@alphapulse/contracts';
import { startFakeService } from '../test/support/fakeService';

async function main(): Promise<void> {
  const count = Number(process.argv[2]);
  const hungEvery = Number(process.argv[3]);
  const targets: string[] = [];
  for (let i = 0; i < count; i++) {
    const kind = SERVICE_KINDS[i % SERVICE_KINDS.length];
    const fake = await startFakeService(kind, i % hungEvery === 0 ? 'hung' : 'ok');
    targets.push(`${kind}=${fake.url}`);
  }
  process.stdout.write(`${JSON.stringify(targets)}\n`);
}

void main();
