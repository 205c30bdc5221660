#!/usr/bin/env python3
"""Drain benchmark for the console (issue 5): a flood of log lines or ~4 KB CHANNEL_CREATE plain events
from Benchmarks/flood.py, rendered by `fscli` in batch mode into a pipe.

Usage: python3 Benchmarks/drain.py [--kind log|plain] [--frames N] [--into pipe|file] [--events NAMES]
                                   [--binary PATH] [--flood PATH]
Prints: frames sent, lines fscli printed, seconds from the first to the last line (into a file: from start to
exit), lines/s, the peak RSS of fscli, the drops fscli reported (their sum) and its last drop reports.
Targets on the 2-core machine: 300,000 log lines/s and 100,000 events/s, memory under 64 MB while draining
1,000,000 events. Into a pipe or a file, fscli loses nothing (docs/console.md, "Behaviour"), so
`lines` should equal `frames` (plus the start-up replies) and `drops_reported` be 0.
"""
import argparse, os, re, socket, subprocess, sys, tempfile, time

ap = argparse.ArgumentParser()
ap.add_argument("--kind", choices=["log", "plain"], default="log")
ap.add_argument("--frames", type=int, default=1_000_000)
ap.add_argument("--binary", default=".build/release/fscli")
ap.add_argument("--flood", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "flood.py"))
ap.add_argument("--port", type=int, default=18099)
ap.add_argument("--into", choices=["pipe", "file"], default="pipe",
                help="fscli's stdout: a pipe this script reads, or a file counted after fscli exits")
ap.add_argument("--events", default="CHANNEL_CREATE", help="what --kind plain subscribes to (/event plain NAMES)")
args = ap.parse_args()
# A line of the stream itself (not a start-up reply or a drop notice): what every frame should become.
STREAM_MARK = b"CHANNEL_CREATE" if args.kind == "plain" else b"State Change"
DROP_COUNT = re.compile(rb"\[(\d+) (?:log lines? or events|lines? of logs and events) dropped")

flood = subprocess.Popen([sys.executable, args.flood, "--port", str(args.port), "--kind", args.kind,
                          "--frames", str(args.frames), "--once"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
flood.stderr.readline()  # "listening ..."

# stdin stays open (a pipe nobody writes) so the batch run lasts until the switch disconnects.
keep_open_r, keep_open_w = os.pipe()
output_file = tempfile.TemporaryFile() if args.into == "file" else None
started = time.perf_counter()
fscli = subprocess.Popen(["/usr/bin/time", "-f", "maxrss_kb=%M cpu_user=%U cpu_sys=%S", args.binary, "-P", str(args.port), "-b",
                          "--color", "always"],
                         stdin=keep_open_r, stdout=output_file or subprocess.PIPE, stderr=subprocess.PIPE)
os.close(keep_open_r)
if args.kind == "plain":
    os.write(keep_open_w, f"/event plain {args.events}\n".encode())

lines = 0
stream_lines = 0
carry = b""
first = None
drop_reports = []
dropped = 0
while output_file is None:
    chunk = fscli.stdout.read1(1 << 20)
    if not chunk:
        break
    if first is None:
        first = time.perf_counter()
    lines += chunk.count(b"\n")
    # Whole lines only, so that a mark split between two reads is still counted once.
    cut = chunk.rfind(b"\n") + 1
    stream_lines += (carry + chunk[:cut]).count(STREAM_MARK)
    carry = chunk[cut:] if cut else carry + chunk
    at = chunk.find(b"dropped")
    while at >= 0:
        start = chunk.rfind(b"\n", 0, at) + 1
        end = chunk.find(b"\n", at)
        drop_reports.append(chunk[start:end if end >= 0 else len(chunk)].decode(errors="replace"))
        at = chunk.find(b"dropped", at + 7)
    dropped += sum(int(count) for count in DROP_COUNT.findall(chunk))
if output_file is not None:
    stderr_bytes = fscli.stderr.read()  # until fscli exits (the switch's goodbye ends the batch run)
    fscli.wait()
    first, finished = started, time.perf_counter()
    output_file.seek(0)
    while chunk := output_file.read(1 << 20):
        lines += chunk.count(b"\n")
        cut = chunk.rfind(b"\n") + 1
        stream_lines += (carry + chunk[:cut]).count(STREAM_MARK)
        carry = chunk[cut:] if cut else carry + chunk
        dropped += sum(int(count) for count in DROP_COUNT.findall(chunk))
        drop_reports += [m.group(0).decode() for m in DROP_COUNT.finditer(chunk)]
    dropped += sum(int(count) for count in DROP_COUNT.findall(stderr_bytes))
    stderr = stderr_bytes.decode(errors="replace")
last = finished if output_file is not None else time.perf_counter()
os.close(keep_open_w)
if output_file is None:
    fscli.wait()
    stderr = fscli.stderr.read().decode(errors="replace")
rss = re.search(r"maxrss_kb=(\d+)", stderr)
cpu = re.search(r"cpu_user=([\d.]+) cpu_sys=([\d.]+)", stderr)
sent = flood.stdout.read().strip()
flood.wait()
seconds = (last - first) if first else float("nan")
print(f"kind={args.kind} into={args.into} frames={args.frames} printed_lines={lines} stream_lines={stream_lines} drops_reported={dropped} seconds={seconds:.3f} "
      f"lines_per_s={lines / seconds:,.0f} fscli_maxrss_mb={int(rss.group(1)) / 1024 if rss else float('nan'):.1f} "
      f"fscli_cpu_s={float(cpu.group(1)) + float(cpu.group(2)) if cpu else float('nan'):.2f}")
print(f"flood: {sent}")
for report in drop_reports[-3:]:
    print("drop report:", report)
for line in stderr.splitlines():
    if not line.startswith("maxrss_kb="):
        print("stderr:", line)
