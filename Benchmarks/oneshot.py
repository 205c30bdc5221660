#!/usr/bin/env python3
"""Whole-process wall time of `fscli -x status` against a local `fscli mock` (issue 4's benchmark).

Usage: python3 Benchmarks/oneshot.py [path/to/fscli] [runs]
Default binary: .build/release/fscli (build it as shipped:
`swift build -c release --static-swift-stdlib -Xlinker -no-pie`).
Prints median, p10, p90 and mean in milliseconds for:
  - /bin/true              the cost of fork+exec on this machine (the floor)
  - fscli --version        fscli's own process start-up and exit
  - fscli -x status        connect, auth, one api command, print, exit
fs_cli takes about 3 ms for -x status on these machines; the target is at most twice that.
"""
import os, re, statistics, subprocess, sys, time

binary = sys.argv[1] if len(sys.argv) > 1 else ".build/release/fscli"
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 300

mock = subprocess.Popen([binary, "mock", "--listen-port", "0", "--heartbeat", "3600"],
                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
port = None
for line in mock.stderr:
    match = re.search(r"listening on 127\.0\.0\.1:(\d+)", line)
    if match:
        port = match.group(1)
        break
if port is None:
    sys.exit("fscli mock did not start")
# Keep reading the mock's log so its pipe never fills.
import threading
threading.Thread(target=lambda: [None for _ in mock.stderr], daemon=True).start()

env = {"HOME": "/nonexistent", "PATH": "/usr/bin:/bin"}

def measure(argv, check_output=None):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        times.append((time.perf_counter() - start) * 1000)
        if result.returncode != 0 or (check_output and check_output not in result.stdout):
            sys.exit(f"{argv} failed: {result.returncode} {result.stderr!r}")
    times.sort()
    return times

def report(name, times):
    q = statistics.quantiles(times, n=10)
    print(f"{name:<22} median {statistics.median(times):6.2f} ms   p10 {q[0]:6.2f}   p90 {q[-1]:6.2f}   mean {statistics.mean(times):6.2f}   ({runs} runs)")

try:
    report("/bin/true", measure(["/bin/true"]))
    report("fscli --version", measure([binary, "--version"]))
    report("fscli -x status", measure([binary, "-P", port, "-x", "status"], check_output=b"is ready"))
finally:
    mock.terminate()
    mock.wait()
