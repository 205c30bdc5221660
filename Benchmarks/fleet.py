#!/usr/bin/env python3
"""Fleet benchmark (issue 15): one console and 20 switches.

Usage: python3 Benchmarks/fleet.py [--binary .build/release/fscli] [--switches 20]
       [--events-per-second 1000] [--warmup 10] [--seconds 60] [--console follow|batch] [--runs 20]

1. One-shot: `fscli -x status --json` (or --command) with -H given once per switch, against N idle mocks, next to
   the same command against each mock alone: the fleet's median wall time should be about the
   slowest single switch's, not the sum of them.
2. Streaming: N mocks run the traffic generator at about --events-per-second each (the calls a
   second are calibrated first: one mock, one raw reader subscribed to ALL, events per call); one
   console subscribes every switch to ALL and its stdout is counted line by line. `follow` runs
   `fscli --follow --events ALL`; `batch` feeds `/event plain ALL` to `fscli -b` on stdin. After a
   warm-up it prints the console's lines/s next to the offered events/s, its memory every 5 s
   (VmRSS, MB), the drop or cut-off lines it wrote to stderr, and its CPU.
"""
import argparse, os, re, socket, statistics, subprocess, sys, threading, time

ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
ap.add_argument("--binary", default=".build/release/fscli")
ap.add_argument("--switches", type=int, default=20)
ap.add_argument("--events-per-second", type=float, default=1000)
ap.add_argument("--warmup", type=float, default=10)
ap.add_argument("--seconds", type=float, default=60)
ap.add_argument("--console", choices=["follow", "batch"], default="follow")
ap.add_argument("--runs", type=int, default=20, help="one-shot runs of each kind")
ap.add_argument("--command", default="status",
                help="the -x command; `msleep 200` stands in for a switch 200 ms away")
ap.add_argument("--skip-oneshot", action="store_true")
ap.add_argument("--skip-streaming", action="store_true")
args = ap.parse_args()
ENV = {"HOME": "/nonexistent", "PATH": "/usr/bin:/bin"}


def start_mock(name, extra=()):
    mock = subprocess.Popen([args.binary, "mock", "--listen-port", "0", "--heartbeat", "3600",
                             "--switchname", name, *extra],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    for line in mock.stderr:
        match = re.search(r"listening on 127\.0\.0\.1:(\d+)", line)
        if match:
            # Keep draining its log so the pipe never fills.
            threading.Thread(target=lambda: [None for _ in mock.stderr], daemon=True).start()
            return mock, int(match.group(1))
    sys.exit(f"mock {name} did not start")


def stop(mocks):
    for mock, _ in mocks:
        mock.terminate()
    for mock, _ in mocks:
        mock.wait()


def wall(argv):
    started = time.monotonic()
    result = subprocess.run(argv, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    elapsed = time.monotonic() - started
    if result.returncode != 0:
        sys.exit(f"{argv[:6]}… failed ({result.returncode}): {result.stderr.decode()[:400]}")
    return elapsed, result.stdout


def oneshot():
    mocks = [start_mock(f"sw{i}") for i in range(args.switches)]
    try:
        hosts = [arg for _, port in mocks for arg in ("-H", f"sw{port}=127.0.0.1:{port}")]
        fleet, singles = [], [[] for _ in mocks]
        for _ in range(args.runs):  # interleaved, so load bursts fall on both kinds alike
            elapsed, out = wall([args.binary, "--json", *hosts, "-x", args.command])
            if out.count(b"\n") != len(mocks) or b'"ok":true' not in out:
                sys.exit(f"unexpected fleet output: {out[:300]!r}")
            fleet.append(elapsed)
            for index, (_, port) in enumerate(mocks):
                singles[index].append(wall([args.binary, "--json", "-P", str(port), "-x", args.command])[0])
        medians = [statistics.median(s) for s in singles]
        print(f"== -x {args.command!r} --json, {len(mocks)} switches, {args.runs} runs each (medians)")
        print(f"fleet of {len(mocks)}: {1000 * statistics.median(fleet):.1f} ms "
              f"(p10 {1000 * sorted(fleet)[len(fleet) // 10]:.1f}, p90 {1000 * sorted(fleet)[len(fleet) * 9 // 10]:.1f})")
        print(f"one switch alone: fastest {1000 * min(medians):.1f} ms, slowest {1000 * max(medians):.1f} ms, "
              f"sum of all {1000 * sum(medians):.1f} ms")
    finally:
        stop(mocks)


def events_per_call(cps=50.0, seconds=8.0):
    """Events a simulated call produces, measured on one mock by a raw reader of ALL."""
    mock, port = start_mock("calibrate", ["--calls-per-second", str(cps), "--call-seconds", "1-3"])
    try:
        sock = socket.create_connection(("127.0.0.1", port))
        sock.sendall(b"auth ClueCon\n\nevent plain ALL\n\n")
        sock.settimeout(0.5)
        marker = re.compile(rb"Content-Type: text/event-plain\n")
        count, tail, warm = 0, b"", time.monotonic() + 3
        start = None
        while True:
            now = time.monotonic()
            if start is None and now >= warm:
                start, count = now, 0
            if start is not None and now >= start + seconds:
                break
            try:
                chunk = sock.recv(1 << 20)
            except socket.timeout:
                continue
            data = tail + chunk
            count += len(marker.findall(data)) - len(marker.findall(tail))
            tail = data[-40:]
        return count / (time.monotonic() - start) / cps
    finally:
        stop([(mock, port)])


def cpu_seconds(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mb(pid):
    return int(re.search(r"VmRSS:\s+(\d+)", open(f"/proc/{pid}/status").read()).group(1)) / 1024


def streaming():
    per_call = events_per_call()
    cps = args.events_per_second / per_call
    mocks = [start_mock(f"sw{i}", ["--calls-per-second", f"{cps:.2f}", "--call-seconds", "1-3"])
             for i in range(args.switches)]
    hosts = [arg for _, port in mocks for arg in ("-H", f"sw{port}=127.0.0.1:{port}")]
    if args.console == "follow":
        argv = [args.binary, "--follow", "-q", "--events", "ALL", *hosts]
        console = subprocess.Popen(argv, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    else:
        argv = [args.binary, "-b", "-q", *hosts]
        console = subprocess.Popen(argv, env=ENV, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        console.stdin.write(b"/event plain ALL\n")
        console.stdin.flush()
    complaints = []
    threading.Thread(target=lambda: complaints.extend(
        line.decode(errors="replace").rstrip() for line in console.stderr
        if re.search(rb"drop|behind|cut|disconnect|lost|refused", line)), daemon=True).start()
    lines = [0]

    def count():
        while True:
            chunk = console.stdout.read1(1 << 20)
            if not chunk:
                return
            lines[0] += chunk.count(b"\n")
    threading.Thread(target=count, daemon=True).start()
    try:
        time.sleep(args.warmup)
        start, first, cpu0 = time.monotonic(), lines[0], cpu_seconds(console.pid)
        memory = []
        while time.monotonic() - start < args.seconds:
            time.sleep(5)
            memory.append(rss_mb(console.pid))
        elapsed = time.monotonic() - start
        received = (lines[0] - first) / elapsed
        cpu = (cpu_seconds(console.pid) - cpu0) / elapsed
    finally:
        console.terminate()
        stop(mocks)
    print(f"== {args.console}: {len(mocks)} switches at {cps:.1f} calls/s each "
          f"({per_call:.1f} events a call: about {args.events_per_second:,.0f} events/s each, "
          f"{args.events_per_second * len(mocks):,.0f}/s in all)")
    print(f"console received: {received:,.0f} lines/s over {elapsed:.0f} s "
          f"({100 * received / (args.events_per_second * len(mocks)):.0f}% of the offered rate)")
    print(f"console CPU: {100 * cpu:.0f}% of one core; memory every 5 s (MB): "
          + ", ".join(f"{m:.1f}" for m in memory))
    print(f"stderr complaints (drops, cut-offs, losses): {len(complaints)}" +
          "".join(f"\n  {c}" for c in complaints[:5]))


if not args.skip_oneshot:
    oneshot()
if not args.skip_streaming:
    streaming()
