// The plugins import names and defaults from @alphapulse/contracts; they must not drag zod into module.js.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const esmDir = join(__dirname, '..', '..', 'contracts', 'dist', 'esm');

test('the ES-module constants entry has no zod import', () => {
  const constants = readFileSync(join(esmDir, 'constants.js'), 'utf8');
  expect(constants).toContain('SERVICE_KINDS');
  expect(constants).not.toMatch(/from ['"]zod['"]/);
});

test('the contracts package marks its ES-module build as ESM and side-effect free', () => {
  const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'contracts', 'package.json'), 'utf8'));
  expect(pkg.sideEffects).toBe(false);
  expect(pkg.module).toBe('dist/esm/index.js');
  expect(JSON.parse(readFileSync(join(esmDir, 'package.json'), 'utf8')).type).toBe('module');
});
