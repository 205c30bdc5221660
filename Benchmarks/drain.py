#!/usr/bin/env python3
"""Drain benchmark for the console (issue 5): a flood of log lines or ~4 KB CHANNEL_CREATE plain events
from Benchmarks/flood.py, rendered by `fscli` in batch mode into a pipe.

Usage: python3 Benchmarks/drain.py [--kind log|plain] [--frames N] [--binary PATH] [--flood PATH]
Prints: frames sent, lines fscli printed, seconds from the first to the last line, lines/s, the peak RSS of
fscli, and any drop report fscli printed. Targets on the 2-core machine: 300,000 log lines/s and
100,000 events/s, memory under 64 MB while draining 1,000,000 events.
"""
import argparse, os, re, socket, subprocess, sys, time

ap = argparse.ArgumentParser()
ap.add_argument("--kind", choices=["log", "plain"], default="log")
ap.add_argument("--frames", type=int, default=1_000_000)
ap.add_argument("--binary", default=".build/release/fscli")
ap.add_argument("--flood", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "flood.py"))
ap.add_argument("--port", type=int, default=18099)
args = ap.parse_args()

flood = subprocess.Popen([sys.executable, args.flood, "--port", str(args.port), "--kind", args.kind,
                          "--frames", str(args.frames), "--once"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
flood.stderr.readline()  # "listening ..."

# stdin stays open (a pipe nobody writes) so the batch run lasts until the switch disconnects.
keep_open_r, keep_open_w = os.pipe()
fscli = subprocess.Popen(["/usr/bin/time", "-f", "maxrss_kb=%M cpu_user=%U cpu_sys=%S", args.binary, "-P", str(args.port), "-b",
                          "--color", "always"] + (["/event", "plain", "ALL"] if False else []),
                         stdin=keep_open_r, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
os.close(keep_open_r)
if args.kind == "plain":
    os.write(keep_open_w, b"/event plain CHANNEL_CREATE\n")

lines = 0
first = None
drop_reports = []
while True:
    chunk = fscli.stdout.read1(1 << 20)
    if not chunk:
        break
    if first is None:
        first = time.perf_counter()
    lines += chunk.count(b"\n")
    at = chunk.find(b"dropped")
    while at >= 0:
        start = chunk.rfind(b"\n", 0, at) + 1
        end = chunk.find(b"\n", at)
        drop_reports.append(chunk[start:end if end >= 0 else len(chunk)].decode(errors="replace"))
        at = chunk.find(b"dropped", at + 7)
last = time.perf_counter()
os.close(keep_open_w)
fscli.wait()
stderr = fscli.stderr.read().decode(errors="replace")
rss = re.search(r"maxrss_kb=(\d+)", stderr)
cpu = re.search(r"cpu_user=([\d.]+) cpu_sys=([\d.]+)", stderr)
sent = flood.stdout.read().strip()
flood.wait()
seconds = (last - first) if first else float("nan")
print(f"kind={args.kind} frames={args.frames} printed_lines={lines} seconds={seconds:.3f} "
      f"lines_per_s={lines / seconds:,.0f} fscli_maxrss_mb={int(rss.group(1)) / 1024 if rss else float('nan'):.1f} "
      f"fscli_cpu_s={float(cpu.group(1)) + float(cpu.group(2)) if cpu else float('nan'):.2f}")
print(f"flood: {sent}")
for report in drop_reports[-3:]:
    print("drop report:", report)
