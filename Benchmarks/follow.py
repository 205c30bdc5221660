#!/usr/bin/env python3
"""`fscli --follow` draining a flood from Benchmarks/flood.py into a pipe: how fast, and that nothing is lost.

Usage: python3 Benchmarks/follow.py [--kind log|plain] [--frames N] [--json] [--binary PATH] [--flood PATH]
                                    [--reader-pause SECONDS]
--follow asks for logs (--kind log) or CHANNEL_CREATE events (--kind plain); flood.py then writes --frames
frames as fast as fscli reads them and says goodbye, which ends the run. With --reader-pause, this script
reads nothing for that long after the first line, so fscli's output pipe fills and it must stop reading
the socket instead of dropping.
Prints: frames sent, lines printed (equal when nothing was lost), seconds from the first to the last line,
lines/s, fscli's peak RSS and CPU time.
"""
import argparse, os, re, subprocess, sys, time

ap = argparse.ArgumentParser()
ap.add_argument("--kind", choices=["log", "plain"], default="plain")
ap.add_argument("--frames", type=int, default=200_000)
ap.add_argument("--json", action="store_true")
ap.add_argument("--reader-pause", type=float, default=0.0)
ap.add_argument("--binary", default=".build/release/fscli")
ap.add_argument("--flood", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "flood.py"))
ap.add_argument("--port", type=int, default=18098)
args = ap.parse_args()

flood = subprocess.Popen([sys.executable, args.flood, "--port", str(args.port), "--kind", args.kind,
                          "--frames", str(args.frames), "--once"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
flood.stderr.readline()  # "listening ..."

what = ["-l", "debug"] if args.kind == "log" else ["-q", "--events", "CHANNEL_CREATE"]
fscli = subprocess.Popen(["/usr/bin/time", "-f", "maxrss_kb=%M cpu_user=%U cpu_sys=%S", args.binary, "-P", str(args.port),
                          "--follow"] + what + (["--json"] if args.json else []),
                         stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE)

lines = 0
first = None
paused = False
while True:
    chunk = fscli.stdout.read1(1 << 20)
    if not chunk:
        break
    if first is None:
        first = time.perf_counter()
    lines += chunk.count(b"\n")
    if args.reader_pause and not paused:
        paused = True
        time.sleep(args.reader_pause)  # a slow reader, on purpose: fscli must hold back, not drop
last = time.perf_counter()
fscli.wait()
stderr = fscli.stderr.read().decode(errors="replace")
rss = re.search(r"maxrss_kb=(\d+)", stderr)
cpu = re.search(r"cpu_user=([\d.]+) cpu_sys=([\d.]+)", stderr)
sent = flood.stdout.read().strip()
flood.wait()
seconds = (last - first) if first else float("nan")
print(f"kind={args.kind} json={args.json} frames={args.frames} printed_lines={lines} lost={args.frames - lines} "
      f"seconds={seconds:.3f} lines_per_s={lines / seconds:,.0f} "
      f"fscli_maxrss_mb={int(rss.group(1)) / 1024 if rss else float('nan'):.1f} "
      f"fscli_cpu_s={float(cpu.group(1)) + float(cpu.group(2)) if cpu else float('nan'):.2f}")
print(f"flood: {sent}")
for line in stderr.splitlines():
    if not line.startswith("maxrss_kb="):
        print("stderr:", line)
