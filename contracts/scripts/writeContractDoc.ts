import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderContractDoc } from './contractDoc';

const target = join(__dirname, '..', '..', 'docs', 'contract.md');
writeFileSync(target, renderContractDoc());
console.log(`wrote ${target}`);
