// Drives a command through a pseudo-terminal (python3's pty module: node-pty cannot be built here), waiting for each prompt before typing.

import { spawnSync } from 'node:child_process';

/** A step: wait until the terminal shows `expect` (after the previous step's match), then type `send`. */
export interface PtyStep {
  expect: string;
  send: string;
}

export interface PtyRun {
  /** Exit code (128 + signal when killed by a signal), or null if the driver gave up. */
  status: number | null;
  /** Everything the terminal showed, without escape sequences. */
  output: string;
  /** Set when an expected text never appeared. */
  error?: string;
}

const DRIVER = String.raw`
import json, os, pty, re, select, sys, time
spec = json.loads(sys.argv[1])
pid, fd = pty.fork()
if pid == 0:
    os.chdir(spec['cwd'])
    env = dict(os.environ)
    env.update(spec['env'])
    os.execvpe(spec['argv'][0], spec['argv'], env)
buf = b''
ansi = re.compile(rb'\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b[=>78]')
def plain():
    return ansi.sub(b'', buf).decode('utf8', 'replace')
def pump(timeout):
    global buf
    ready, _, _ = select.select([fd], [], [], timeout)
    if not ready:
        return True
    try:
        data = os.read(fd, 65536)
    except OSError:
        return False
    if not data:
        return False
    buf += data
    return True
def finish(error=None):
    if error:
        os.kill(pid, 9)
    while pump(0.1):
        pass
    _, status = os.waitpid(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    print(json.dumps({'status': (128 - code) if code < 0 else code, 'output': plain(), 'error': error}))
    sys.exit(0)
seen = 0
for step in spec['steps']:
    deadline = time.time() + spec['timeout']
    while True:
        at = plain().find(step['expect'], seen)
        if at >= 0:
            seen = at + len(step['expect'])
            break
        if time.time() > deadline or not pump(0.05):
            finish('never showed: ' + step['expect'])
    time.sleep(0.05)
    os.write(fd, step['send'].encode())
finish()
`;

export function hasPython(): boolean {
  return spawnSync('python3', ['-c', 'import pty'], { encoding: 'utf8' }).status === 0;
}

/** Run argv in a pseudo-terminal, answering prompts as they appear. */
export function runInPty(argv: string[], steps: PtyStep[], options: { cwd: string; env?: Record<string, string>; timeoutSeconds?: number }): PtyRun {
  const spec = { argv, steps, cwd: options.cwd, env: { NO_COLOR: '1', FORCE_COLOR: '', TERM: 'xterm', ...options.env }, timeout: options.timeoutSeconds ?? 10 };
  const result = spawnSync('python3', ['-c', DRIVER, JSON.stringify(spec)], { encoding: 'utf8', timeout: 60000 });
  if (result.status !== 0) throw new Error(`pty driver failed: ${result.stderr}`);
  const parsed = JSON.parse(result.stdout) as { status: number; output: string; error: string | null };
  return { status: parsed.status, output: parsed.output, ...(parsed.error ? { error: parsed.error } : {}) };
}
