/**
 * Fails when a dependency has an install script that package.json's `allowScripts` neither approves nor denies.
 * npm 12 skips such scripts silently, so a dependency that needs one would install broken; CI stops here instead.
 */
import { execFileSync } from 'node:child_process';

interface Pending {
  allowScripts: { name: string; changes: { key: string; change: string }[] }[];
}

const npm = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ['npm'];
const [command, ...prefix] = npm as [string, ...string[]];
const output = execFileSync(command, [...prefix, 'install-scripts', 'ls', '--json'], { encoding: 'utf8' });
const pending = (JSON.parse(output) as Pending).allowScripts;

if (pending.length > 0) {
  const keys = pending.flatMap((entry) => entry.changes.map((change) => change.key));
  console.error(`Install scripts not covered by allowScripts in package.json: ${keys.join(', ')}`);
  console.error('Review each one, then `npm install-scripts approve <pkg>` or `npm install-scripts deny <pkg>`.');
  process.exit(1);
}
console.log('Every dependency install script is covered by allowScripts.');
