import { execFileSync, spawnSync } from 'node:child_process';
import { createReadStream, lstatSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { BIN, ROOT, runCli, runCliAsync, startCli, tempDir } from '../helpers.js';

/**
 * Reports never destroy data: a full disk leaves the previous report in place and exits 2, a device
 * or named pipe is written to rather than replaced, and a cancelled job leaves no temporary file.
 */

/** A tiny tmpfs in a private mount namespace (unprivileged through a user namespace where allowed). */
function canMountTmpfs(): boolean {
  return spawnSync('unshare', ['-rm', 'sh', '-c', 'mount -t tmpfs -o size=64k tmpfs /mnt'], { stdio: 'ignore' }).status === 0;
}

describe('a full disk', () => {
  it.skipIf(process.platform !== 'linux' || !canMountTmpfs())('exits 2, names the file, and leaves the previous report and no temporary file (64 KiB tmpfs)', () => {
    const dir = tempDir();
    // The demo's JSON report is larger than the 64 KiB the file system holds.
    const script = [
      `mount -t tmpfs -o size=64k tmpfs "$1"`,
      `printf 'the previous report\\n' > "$1/report.json"`,
      `node "$2" scan --demo --format json --output "$1/report.json" --fail-on none 2>"$1/stderr"; echo "exit=$?"`,
      `cat "$1/stderr"; echo "--- report:"; cat "$1/report.json"; echo "--- files:"; ls -A "$1"`,
    ].join('; ');
    const output = execFileSync('unshare', ['-rm', 'sh', '-c', script, 'sh', dir, BIN], { encoding: 'utf8', cwd: ROOT });
    expect(output).toMatch(/^exit=2\n/);
    expect(output).toMatch(/aispm: error: .*report\.json: cannot write: .*(ENOSPC|no space)/i);
    expect(output).not.toMatch(/\n\s+at /);
    expect(output).toContain('--- report:\nthe previous report\n--- files:\nreport.json\nstderr\n');
  });
});

describe('writeFileAtomic', () => {
  it('writes the rest of a block after a short write, and fails without touching the old file when a write takes nothing', async () => {
    vi.resetModules();
    let budget = Number.POSITIVE_INFINITY;
    vi.doMock('node:fs/promises', async () => {
      const real = await vi.importActual<typeof import('node:fs/promises')>('node:fs/promises');
      return {
        ...real,
        open: async (...args: Parameters<typeof real.open>) => {
          const handle = await real.open(...args);
          const write = handle.write.bind(handle) as (buffer: Buffer, offset: number, length: number) => Promise<{ bytesWritten: number }>;
          // A disk that accepts at most 1000 bytes a call, and then nothing once the budget is spent.
          (handle as unknown as { write: typeof write }).write = async (buffer, offset, length) => {
            const take = Math.min(length, 1000, budget);
            budget -= take;
            return take === 0 ? { bytesWritten: 0 } : write(buffer, offset, take);
          };
          return handle;
        },
      };
    });
    const { writeFileAtomic } = await import('../../src/files.js');
    const dir = tempDir({ 'report.json': 'old\n' });
    const file = join(dir, 'report.json');
    const content = 'x'.repeat(5000) + '\n';
    await writeFileAtomic(file, content);
    expect(readFileSync(file, 'utf8')).toBe(content);

    writeFileSync(file, 'old\n');
    budget = 3000;
    await expect(writeFileAtomic(file, content)).rejects.toThrow(/report\.json: cannot write: .*no space/);
    expect(readFileSync(file, 'utf8')).toBe('old\n');
    expect(readdirSync(dir)).toEqual(['report.json']);
    vi.doUnmock('node:fs/promises');
    vi.resetModules();
  });
});

describe('special files', () => {
  it('writes to /dev/null and /dev/stdout without replacing them', () => {
    const before = lstatSync('/dev/null');
    const result = runCli(['scan', '--demo', '--format', 'json', '--output', '/dev/null', '--fail-on', 'none', '-q']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const after = lstatSync('/dev/null');
    expect(after.isCharacterDevice()).toBe(true);
    expect(after.ino).toBe(before.ino);

    const stdout = runCli(['scan', '--demo', '--format', 'json', '--output', '/dev/stdout', '--fail-on', 'none', '-q']);
    expect(stdout.code).toBe(0);
    expect(JSON.parse(stdout.stdout).findings.length).toBeGreaterThan(0);
    expect(lstatSync('/dev/stdout').isSymbolicLink()).toBe(true);

    // stdout redirected to a plain file: /dev/stdout leads to that file, and must stay a link.
    const dir = tempDir();
    const redirected = join(dir, 'report.json');
    execFileSync('sh', ['-c', 'node "$1" scan --demo --format json --output /dev/stdout --fail-on none -q > "$2"', 'sh', BIN, redirected]);
    expect(JSON.parse(readFileSync(redirected, 'utf8')).findings.length).toBeGreaterThan(0);
    expect(lstatSync('/dev/stdout').isSymbolicLink()).toBe(true);
    expect(readdirSync('/dev').filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it.skipIf(process.platform === 'win32')('writes into a named pipe, which stays a pipe', async () => {
    const dir = tempDir();
    const fifo = join(dir, 'report.fifo');
    execFileSync('mkfifo', [fifo]);
    const run = runCliAsync(['scan', '--demo', '--format', 'sarif', '--output', fifo, '--fail-on', 'none', '-q']);
    const chunks: Buffer[] = [];
    await new Promise<void>((resolve, reject) => createReadStream(fifo).on('data', (chunk) => chunks.push(chunk as Buffer)).on('end', resolve).on('error', reject));
    const { code } = await run;
    expect(code).toBe(0);
    expect(JSON.parse(Buffer.concat(chunks).toString('utf8')).version).toBe('2.1.0');
    expect(statSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(dir)).toEqual(['report.fifo']);
  });

  it('refuses a directory with exit 2', () => {
    const dir = tempDir();
    const result = runCli(['scan', '--demo', '--output', dir, '--fail-on', 'none']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${dir}: cannot write: it is a directory`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('SIGTERM while a report is written', () => {
  it('exits 143 and leaves the previous report and no temporary file', async () => {
    const dir = tempDir({ 'report.json': 'the previous report\n' });
    const estate = join(dir, 'estate.json');
    writeFileSync(estate, execFileSync(process.execPath, [join(ROOT, 'bench', 'generate-estate.mjs'), '60000'], { maxBuffer: 1 << 30 }));
    const { child, result } = startCli(['scan', '--snapshot', estate, '--format', 'json', '--output', join(dir, 'report.json'), '--fail-on', 'none']);
    // The temporary file appears when the report starts to be written; stop the job then.
    const temporary = () => readdirSync(dir).some((name) => name.endsWith('.tmp'));
    while (!temporary() && child.exitCode === null) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(temporary()).toBe(true);
    child.kill('SIGTERM');
    const { code, stderr } = await result;
    expect(code).toBe(143);
    expect(stderr).toContain('aispm: terminated\n');
    expect(readdirSync(dir).sort()).toEqual(['estate.json', 'report.json']);
    expect(readFileSync(join(dir, 'report.json'), 'utf8')).toBe('the previous report\n');
  });
});
