"""Runs a command in a pseudo-terminal of a given size and reports what it wrote.

Usage: pty-run.py COLUMNS ROWS TIMEOUT_SECONDS COMMAND [ARGS...]
Prints one JSON object: {"code": exit code (124 when it was killed at the timeout), "output": text}.
The CLI tests use it to see aispm as a user at a terminal does (Node has no pseudo-terminal of its own).
"""
import fcntl, json, os, pty, select, signal, struct, sys, termios, time

columns, rows, timeout = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
command = sys.argv[4:]
pid, fd = pty.fork()
if pid == 0:
    # The child's terminal gets its size before the program starts, so it reads it from the first moment.
    fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    os.execvp(command[0], command)
output = bytearray()
deadline = time.monotonic() + timeout
code = None
while True:
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        code = 124
        break
    ready, _, _ = select.select([fd], [], [], min(remaining, 0.2))
    if ready:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            chunk = b""
        if not chunk:
            _, status = os.waitpid(pid, 0)
            code = os.waitstatus_to_exitcode(status)
            break
        output += chunk
        if len(output) > 50_000_000:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            code = 125
            break
print(json.dumps({"code": code, "output": output.decode("utf-8", "replace")}))
