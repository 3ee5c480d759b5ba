// Runs a server as a child and ties its life to the e2e test process that started us:
//   node guard.mjs <command> [args...]
// The test process holds our stdin open; when it goes away for any reason (even SIGKILL, when no
// after() hook can run), stdin reaches EOF and we kill the server's process group and exit. We
// are the group leader (spawned detached), so the harness's stop() kills us and the server at once.
import { spawn } from 'node:child_process';

const [command, ...args] = process.argv.slice(2);
const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
let exiting = false;
const killAll = (signal) => {
  if (exiting) return;
  exiting = true;
  try {
    process.kill(-process.pid, signal); // our whole group: the server and anything it forked
  } catch {
    child.kill('SIGKILL');
  }
};
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
child.on('error', (error) => {
  console.error(`guard: cannot start ${command}: ${error.message}`);
  process.exit(127);
});
process.stdin.on('end', () => killAll('SIGKILL'));
process.stdin.on('error', () => killAll('SIGKILL'));
process.stdin.resume();
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => killAll('SIGTERM'));
