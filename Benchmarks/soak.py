#!/usr/bin/env python3
"""Soak: the mock's traffic generator at a steady call rate, the console attached to it in a
terminal with `/event plain ALL`, for minutes (issue 13's soak).

Usage: python3 Benchmarks/soak.py [--binary .build/release/fscli] [--cps 200] [--minutes 10]

Checks and prints:
  - every event accounted for: a reference reader (this script, a raw socket subscribed to ALL)
    counts what the switch sent; the console's screen shows each event as one line, and its status
    line counts what it dropped; rendered + dropped must equal the reference count;
  - memory: the resident size of the mock and of the console, sampled every 10 s; after a minute of
    warm-up, the largest sample must be within 10% of the smallest.

Traffic is held (`fsctl pause`) while both listeners subscribe and again at the end until the last
call has hung up, so both count the same events.
"""
import argparse, fcntl, os, pty, re, select, socket, struct, subprocess, sys, termios, threading, time

parser = argparse.ArgumentParser()
parser.add_argument("--binary", default=".build/release/fscli")
parser.add_argument("--cps", type=int, default=200)
parser.add_argument("--minutes", type=float, default=10)
parser.add_argument("--call-seconds", default="1-3")
parser.add_argument("--pane", action="store_true",
                    help="run the console with its pane (the terminal then shows only what fits the pane; "
                         "lines scrolled past between two redraws are in its buffer, not on the screen, so the "
                         "count comes out short)")
args = parser.parse_args()
binary = os.path.abspath(args.binary)

mock = subprocess.Popen([binary, "mock", "--listen-port", "0", "--heartbeat", "3600",
                         "--calls-per-second", str(args.cps), "--call-seconds", args.call_seconds],
                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
port = None
for line in mock.stderr:
    match = re.search(r"listening on 127\.0\.0\.1:(\d+)", line)
    if match:
        port = int(match.group(1))
        break
if port is None:
    sys.exit("fscli mock did not start")
threading.Thread(target=lambda: [None for _ in mock.stderr], daemon=True).start()


def api(command):
    return subprocess.run([binary, "-P", str(port), "-x", command], capture_output=True, text=True,
                          env={"HOME": "/nonexistent", "PATH": "/usr/bin:/bin"}).stdout


def hold_until_quiet():
    api("fsctl pause")
    while (re.search(r"^(\d+) total", api("show calls count"), re.M) or [None, "?"])[1] != "0":
        time.sleep(0.5)
    time.sleep(1)  # the last hangup's events reach both listeners


def rss_kb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS"):
                return int(line.split()[1])
    return 0


hold_until_quiet()

# The console, in a 150x40 terminal.
home = f"/tmp/fscli-soak-{os.getpid()}"
os.makedirs(home, exist_ok=True)
pid, fd = pty.fork()
if pid == 0:
    os.execve(binary, [binary, "-P", str(port), "-q"] + ([] if args.pane else ["--no-pane"]), {"HOME": home, "TERM": "xterm", "PATH": "/usr/bin:/bin"})
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 150, 0, 0))
screen = {"events": 0, "dropped": 0, "bytes": 0, "names": {}}
event_line = re.compile(rb"\d\d:\d\d:\d\d\.\d\d\d \x1b\[[0-9;]*m([A-Z_]+)\x1b\[m")
status_drops = re.compile(rb"\| (\d+) dropped")
drop_notice = re.compile(rb"\[(\d+) log lines? or events dropped")
lock = threading.Lock()


def read_console():
    tail = b""
    while True:
        try:
            data = os.read(fd, 1 << 20)
        except OSError:
            return
        if not data:
            return
        chunk = tail + data
        cut = chunk.rfind(b"\n") + 1
        complete, tail = chunk[:cut], chunk[cut:]
        with lock:
            screen["bytes"] += len(data)
            for name in event_line.findall(complete):
                screen["events"] += 1
                screen["names"][name] = screen["names"].get(name, 0) + 1
            if args.pane:
                drops = status_drops.findall(chunk)
                if drops:
                    screen["dropped"] = int(drops[-1])
            else:
                screen["dropped"] += sum(int(n) for n in drop_notice.findall(complete))


threading.Thread(target=read_console, daemon=True).start()
time.sleep(1.5)
os.write(fd, b"/event plain ALL\r")
time.sleep(1.5)
# Subscribed after the console, whose own start-up commands (api switchname, api hostname) fire
# API events before it subscribes. A process of its own (no lock shared with this script's threads),
# counting with bytes.count only: it must outrun the switch, or the switch cuts it.
REFERENCE = r"""
import socket, sys, threading
reader = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
reader.sendall(b"auth ClueCon\n\nevent plain ALL\n\n")
marker, state = b"Content-Type: text/event-plain", {"events": 0, "cut": False, "closed": False}
def report():
    for _ in sys.stdin:
        print(state["events"], state["cut"], state["closed"], flush=True)
threading.Thread(target=report, daemon=True).start()
tail = b""
while True:
    data = reader.recv(1 << 18)
    if not data:
        state["closed"] = True
        break
    chunk = tail + data
    state["events"] += chunk.count(marker)
    state["cut"] = state["cut"] or b"Content-Type: text/disconnect-notice" in chunk
    tail = chunk[-(len(marker) - 1):]
threading.Event().wait()
"""
reference_process = subprocess.Popen([sys.executable, "-c", REFERENCE, str(port)], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True)


def reference_count():
    reference_process.stdin.write("?\n")
    reference_process.stdin.flush()
    events, cut, closed = reference_process.stdout.readline().split()
    return {"events": int(events), "cut": cut == "True", "closed": closed == "True"}


time.sleep(0.5)
api("fsctl resume")
start = time.time()
samples = []
while time.time() - start < args.minutes * 60:
    time.sleep(10)
    elapsed = time.time() - start
    samples.append((elapsed, rss_kb(mock.pid), rss_kb(pid)))
    with lock:
        shown = dict(screen)
    print(f"{elapsed:6.0f} s  mock {samples[-1][1] / 1024:6.1f} MB  console {samples[-1][2] / 1024:6.1f} MB  "
          f"sent {reference_count()['events']:9d}  shown {shown['events']:9d}  dropped {shown['dropped']:7d}", flush=True)

hold_until_quiet()
time.sleep(2)  # a status-line tick after the last event
with lock:
    shown = dict(screen)
final = reference_count()  # before the mock stops and closes the reader's connection
os.write(fd, b"/exit\r")
os.waitpid(pid, 0)
mock.terminate()
mock.wait()
reference_process.kill()

sent = final["events"]
accounted = shown["events"] + shown["dropped"]
print(f"events: the switch sent {sent}; the console showed {shown['events']} and counted {shown['dropped']} dropped "
      f"({accounted} accounted for, {sent - accounted:+d})")
if final["cut"] or final["closed"]:
    print("the reference reader fell behind and was cut: its count is short, the check is void")
if sent != accounted:
    for name in sorted(shown["names"]):
        print(f"  shown {name.decode()}: {shown['names'][name]}")
warm = [s for s in samples if s[0] >= 60] or samples
for name, column in (("mock", 1), ("console", 2)):
    values = [s[column] for s in warm]
    low, high = min(values), max(values)
    print(f"{name}: resident {low / 1024:.1f} to {high / 1024:.1f} MB after warm-up ({(high - low) / low * 100:.1f}% spread)")
ok = not final["closed"] and sent == accounted and all(max(s[c] for s in warm) <= 1.1 * min(s[c] for s in warm) for c in (1, 2))
print("PASS" if ok else "FAIL")
sys.exit(0 if ok else 1)
