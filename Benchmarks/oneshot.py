#!/usr/bin/env python3
"""Whole-process wall time of `fscli -x status` against a local `fscli mock`, next to fs_cli's.

Usage: python3 Benchmarks/oneshot.py [path/to/fscli] [runs] [--fs-cli PATH] [--instructions]
Default binary: .build/release/fscli (build it as shipped: `make build`, the Makefile's RELEASE_FLAGS).

Prints median, p10, p90 and mean in milliseconds for:
  - /bin/true              the cost of fork+exec on this machine (the floor)
  - fscli --version        fscli's own process start-up and exit
  - fscli -x status        connect, auth, one api command, print, exit
  - fs_cli -x status       the same through FreeSWITCH's fs_cli (with --fs-cli), against the same mock;
                           without a FreeSWITCH build, fs_cli-standin.c here (its first lines say how
                           to build it) does what fs_cli does for -x
and the ratio of the two `-x status` medians (issue 14's target: at most 1.5).

The runs of the programs are interleaved (one of each in turn), so a burst of load from other
processes on a shared machine falls on all of them alike; medians, not means, are the figures to
quote. With --instructions each command also runs under valgrind's callgrind, which counts the
instructions the process executes: a figure that does not depend on the machine's load.
"""
import argparse, os, re, shutil, tempfile, statistics, subprocess, sys, threading, time

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("binary", nargs="?", default=".build/release/fscli")
parser.add_argument("runs", nargs="?", type=int, default=300)
parser.add_argument("--fs-cli", dest="fs_cli", help="an fs_cli binary to time next to fscli")
parser.add_argument("--instructions", action="store_true", help="also count instructions with valgrind")
args = parser.parse_args()

mock = subprocess.Popen([args.binary, "mock", "--listen-port", "0", "--heartbeat", "3600"],
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
threading.Thread(target=lambda: [None for _ in mock.stderr], daemon=True).start()

env = {"HOME": "/nonexistent", "PATH": "/usr/bin:/bin"}

# name, argv, text the output must hold (a run that fails or prints something else stops the benchmark)
commands = [
    ("/bin/true", ["/bin/true"], None),
    ("fscli --version", [args.binary, "--version"], None),
    ("fscli -x status", [args.binary, "-P", port, "-x", "status"], b"is ready"),
]
if args.fs_cli:
    commands.append(("fs_cli -x status", [args.fs_cli, "-H", "127.0.0.1", "-P", port, "-p", "ClueCon", "-x", "status"],
                     b"is ready"))


def run_once(argv, check_output):
    start = time.perf_counter()
    result = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    elapsed = (time.perf_counter() - start) * 1000
    if result.returncode != 0 or (check_output and check_output not in result.stdout):
        sys.exit(f"{argv} failed: {result.returncode} {result.stdout[:200]!r} {result.stderr[:200]!r}")
    return elapsed


def instructions(argv):
    """Instructions executed by the process (callgrind's `Collected`), its children not counted."""
    result = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"] + argv,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)
    match = re.search(r"Collected : (\d+)", result.stderr)
    return int(match.group(1)) if match else None


def report(name, times):
    q = statistics.quantiles(times, n=10)
    print(f"{name:<22} median {statistics.median(times):6.2f} ms   p10 {q[0]:6.2f}   p90 {q[-1]:6.2f}"
          f"   mean {statistics.mean(times):6.2f}   ({len(times)} runs)")


try:
    times = {name: [] for name, _, _ in commands}
    for _ in range(args.runs):
        for name, argv, check in commands:
            times[name].append(run_once(argv, check))
    for name, _, _ in commands:
        report(name, times[name])
    if args.fs_cli:
        ratio = statistics.median(times["fscli -x status"]) / statistics.median(times["fs_cli -x status"])
        print(f"fscli / fs_cli (-x status medians): {ratio:.2f}")
    if args.instructions:
        if shutil.which("valgrind") is None:
            sys.exit("--instructions needs valgrind (apt-get install valgrind)")
        # valgrind 3.19 cannot read the DWARF 5 debug information Swift writes: count on a stripped
        # copy, which executes the same instructions.
        stripped = os.path.join(tempfile.mkdtemp(), "fscli")
        subprocess.run(["strip", "-o", stripped, args.binary], check=True)
        for name, argv, _ in commands:
            argv = [stripped if word == args.binary else word for word in argv]
            counts = sorted(c for c in (instructions(argv) for _ in range(3)) if c is not None)
            figure = f"{counts[len(counts) // 2]:,}" if counts else "not counted"
            print(f"{name:<22} instructions {figure}")
finally:
    mock.terminate()
    mock.wait()
