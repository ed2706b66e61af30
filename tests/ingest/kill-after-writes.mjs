// Preloaded (node --import) into an ingest run by tests/ingest/project.ts: counts the run's file
// system changes as each completes, and with KILL_AFTER_WRITES=<n> SIGKILLs the process right
// after the n-th, so a test stops a run at an exact point, the same on every machine. Without it,
// the count is printed on exit, for the test to choose its kill points from.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const killAt = Number(process.env.KILL_AFTER_WRITES ?? 0);
let writes = 0;
function wrote() {
  writes++;
  if (writes === killAt) process.kill(process.pid, 'SIGKILL');
}

const CHANGES = ['writeFile', 'appendFile', 'rename', 'unlink', 'rm', 'rmdir', 'mkdir', 'link', 'symlink', 'copyFile', 'utimes'];
for (const name of CHANGES) {
  const sync = fs[`${name}Sync`];
  fs[`${name}Sync`] = function (...args) {
    const result = sync.apply(this, args);
    wrote();
    return result;
  };
  const promised = fs.promises[name];
  fs.promises[name] = async function (...args) {
    const result = await promised.apply(this, args);
    wrote();
    return result;
  };
  const callback = fs[name];
  fs[name] = function (...args) {
    const done = args.at(-1);
    if (typeof done === 'function') {
      args[args.length - 1] = function (...outcome) {
        wrote();
        return done.apply(this, outcome);
      };
    }
    return callback.apply(this, args);
  };
}
// `import { writeFileSync } from 'node:fs'` in the ingest sees the wrapped functions.
syncBuiltinESMExports();

if (killAt === 0) process.on('exit', () => process.stderr.write(`file system changes: ${writes}\n`));
