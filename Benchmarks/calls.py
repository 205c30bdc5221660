#!/usr/bin/env python3
"""Simulated-call benchmark for the mock switch (issue 10): `fscli mock` keeps --calls-per-second
calls flowing with at most --max-calls up at once, while one client subscribed to `event plain ALL`
reads everything. After a warm-up it samples for --seconds and prints the events/s the client
received, the calls up, and the mock's CPU (user+system, % of one core) and memory (VmRSS, VmHWM).

Usage: python3 Benchmarks/calls.py [--binary .build/release/fscli] [--cps 500] [--max-calls 1000]
       [--call-seconds 1-3] [--warmup 5] [--seconds 10]
Target on the 2-core machine: 500 calls/s with 1,000 concurrent calls and one ALL listener keeping up.
"""
import argparse, os, re, socket, subprocess, time

ap = argparse.ArgumentParser()
ap.add_argument("--binary", default=".build/release/fscli")
ap.add_argument("--cps", type=float, default=500)
ap.add_argument("--max-calls", type=int, default=1000)
ap.add_argument("--call-seconds", default="1-3")
ap.add_argument("--warmup", type=float, default=5)
ap.add_argument("--seconds", type=float, default=10)
ap.add_argument("--port", type=int, default=0, help="0: a free port")
args = ap.parse_args()
if args.port == 0:
    with socket.socket() as probe_port:
        probe_port.bind(("127.0.0.1", 0))
        args.port = probe_port.getsockname()[1]

mock = subprocess.Popen([args.binary, "mock", "--listen-port", str(args.port), "--heartbeat", "3600",
                         "--calls-per-second", str(args.cps), "--max-calls", str(args.max_calls),
                         "--call-seconds", args.call_seconds], stderr=subprocess.DEVNULL)


def connect():
    for _ in range(100):
        try:
            return socket.create_connection(("127.0.0.1", args.port))
        except OSError:
            time.sleep(0.1)
    raise SystemExit("the mock did not start")


def cpu_seconds(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def memory(pid):
    status = open(f"/proc/{pid}/status").read()
    return {key: int(re.search(rf"{key}:\s+(\d+)", status).group(1)) // 1024 for key in ("VmRSS", "VmHWM")}


sock = connect()
sock.sendall(b"auth ClueCon\n\nevent plain ALL\n\n")
pattern = re.compile(rb"Content-Type: text/event-plain\n")
events = 0
tail = b""
sock.settimeout(0.5)
phase_end = time.monotonic() + args.warmup
measuring = False
while True:
    now = time.monotonic()
    if now >= phase_end:
        if measuring:
            break
        measuring, events = True, 0
        start, cpu_start = now, cpu_seconds(mock.pid)
        phase_end = now + args.seconds
    try:
        chunk = sock.recv(1 << 20)
    except socket.timeout:
        continue
    if not chunk:
        break
    data = tail + chunk
    events += len(pattern.findall(data))
    tail = data[-40:]
    events -= len(pattern.findall(tail))  # counted again with the next chunk

elapsed = time.monotonic() - start
cpu = cpu_seconds(mock.pid) - cpu_start
mem = memory(mock.pid)
probe = connect()
probe.sendall(b"auth ClueCon\n\napi show channels count\n\n")
time.sleep(0.3)
reply = probe.recv(1 << 16).decode(errors="replace")
calls = re.search(r"(\d+) total", reply)
mock.terminate()
mock.wait()
print(f"calls/s offered: {args.cps:g}, max calls {args.max_calls}, call seconds {args.call_seconds}")
print(f"events received: {events / elapsed:,.0f}/s over {elapsed:.1f} s")
print(f"channels up at the end: {calls.group(1) if calls else '?'}")
print(f"mock CPU: {100 * cpu / elapsed:.0f}% of one core; memory: VmRSS {mem['VmRSS']} MB, VmHWM {mem['VmHWM']} MB")
