#!/usr/bin/env python3
"""Recordings (docs/recording.md): how fast `fscli --follow --record` records a flood without losing a frame,
and how closely `fscli mock --replay` keeps a recording's timing.

Usage:
  python3 Benchmarks/replay.py record [--kind log|plain] [--frames N] [--gzip] [--binary PATH]
      flood.py sends N frames to `fscli --follow --record FILE > /dev/null`; prints the frames sent, the
      frames of that kind in FILE (equal when nothing was lost), seconds, frames/s, the file's size and
      fscli's peak RSS.
  python3 Benchmarks/replay.py replay FILE [--speed X] [--binary PATH]
      `fscli mock --replay FILE --speed X --loop`, one listener subscribed to every event (plain) and log
      line; one whole pass is timed against the recording: how many frames came in the recorded order,
      and how late each came against its recorded offset / X (median, 95th percentile, worst, in ms).
"""
import argparse, gzip, os, re, socket, subprocess, sys, tempfile, time

here = os.path.dirname(os.path.abspath(__file__))
ap = argparse.ArgumentParser()
ap.add_argument("mode", choices=["record", "replay"])
ap.add_argument("file", nargs="?")
ap.add_argument("--kind", choices=["log", "plain"], default="plain")
ap.add_argument("--frames", type=int, default=200_000)
ap.add_argument("--gzip", action="store_true")
ap.add_argument("--speed", type=float, default=1.0)
ap.add_argument("--binary", default=".build/release/fscli")
ap.add_argument("--port", type=int, default=18099)
args = ap.parse_args()


def read_recording(path):
    """The records of a recording: (seconds, switch, frame bytes)."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    first, _, rest = data.partition(b"\n")
    assert first == b"fscli-recording 1", first
    records, position = [], 0
    while position < len(rest):
        end = rest.index(b"\n", position)
        stamp, switch, length = rest[position + 1:end].split(b" ")
        start = end + 1
        records.append((float(stamp), switch.decode(), rest[start:start + int(length)]))
        position = start + int(length) + 1
    return records


def content_type(frame):
    match = re.search(rb"^Content-Type: (\S+)", frame, re.M)
    return match.group(1).decode() if match else ""


def body(frame):
    return frame.split(b"\n\n", 1)[1]


if args.mode == "record":
    path = os.path.join(tempfile.mkdtemp(prefix="fscli-replay-bench-"), "flood.rec" + (".gz" if args.gzip else ""))
    flood = subprocess.Popen([sys.executable, os.path.join(here, "flood.py"), "--port", str(args.port), "--kind", args.kind,
                              "--frames", str(args.frames), "--once"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    flood.stderr.readline()  # "listening ..."
    what = ["-l", "debug"] if args.kind == "log" else ["-q", "--events", "CHANNEL_CREATE"]
    started = time.perf_counter()
    fscli = subprocess.run(["/usr/bin/time", "-f", "maxrss_kb=%M", args.binary, "-P", str(args.port), "--follow", "--record", path]
                           + what, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seconds = time.perf_counter() - started
    flood.wait()
    wanted = "log/data" if args.kind == "log" else "text/event-plain"
    recorded = sum(1 for _, _, frame in read_recording(path) if content_type(frame) == wanted)
    rss = re.search(r"maxrss_kb=(\d+)", fscli.stderr)
    print(f"kind={args.kind} gzip={args.gzip} frames={args.frames} recorded={recorded} lost={args.frames - recorded} "
          f"seconds={seconds:.3f} frames_per_s={recorded / seconds:,.0f} file_mb={os.path.getsize(path) / 1e6:.1f} "
          f"fscli_maxrss_mb={int(rss.group(1)) / 1024 if rss else float('nan'):.1f}")
    os.unlink(path)
    sys.exit(0)

# replay
if not args.file:
    sys.exit("replay needs the recording's file name")
playable = [(stamp, frame) for stamp, _, frame in read_recording(args.file)
            if content_type(frame) in ("text/event-plain", "log/data", "text/event-json", "text/event-xml")]
if not playable:
    sys.exit("nothing to replay: no event or log frame in " + args.file)
expected_plain = all(content_type(frame) in ("text/event-plain", "log/data") for _, frame in playable)
mock = subprocess.Popen([args.binary, "mock", "--listen-port", str(args.port), "--heartbeat", "3600", "--replay", args.file,
                         "--speed", str(args.speed), "--loop"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
while "listening on" not in mock.stderr.readline():
    pass

sock = socket.create_connection(("127.0.0.1", args.port))
buffer, offset = bytearray(), 0


def frame():
    """The next frame and the moment its last byte arrived."""
    global buffer, offset
    while True:
        head_end = buffer.find(b"\n\n", offset)
        if head_end >= 0:
            length = re.search(rb"^Content-Length: (\d+)", bytes(buffer[offset:head_end + 2]), re.M)
            total = head_end + 2 + (int(length.group(1)) if length else 0)
            if len(buffer) >= total:
                result, offset = bytes(buffer[offset:total]), total
                return result, time.perf_counter()
        # Only what is not yet a whole frame is kept, so a fast stream costs no copying per frame.
        del buffer[:offset]
        offset = 0
        chunk = sock.recv(1 << 20)
        if not chunk:
            raise SystemExit("the mock closed the connection")
        buffer += chunk


frame()  # auth/request
for command in (b"auth ClueCon", b"log debug", b"event plain ALL"):
    sock.sendall(command + b"\n\n")
    while content_type(frame()[0]) != "command/reply":
        pass

# Wait for the first frame of a pass, then take as many as the recording has.
first_body = body(playable[0][1])
while True:
    got, when = frame()
    if body(got) == first_body:
        break
arrivals = [(got, when)]
while len(arrivals) < len(playable):
    arrivals.append(frame())
sock.close()
mock.terminate()
mock.wait()

in_order = sum(1 for (got, _), (_, want) in zip(arrivals, playable) if body(got) == body(want)) if expected_plain else None
start_arrival, start_recorded = arrivals[0][1], playable[0][0]
lateness = sorted(((when - start_arrival) - (stamp - start_recorded) / args.speed) * 1000
                  for (_, when), (stamp, _) in zip(arrivals, playable))
span = (playable[-1][0] - start_recorded) / args.speed
print(f"frames={len(playable)} pass_seconds={span:.3f} speed={args.speed} in_recorded_order={in_order} "
      f"late_ms_median={lateness[len(lateness) // 2]:.2f} late_ms_p95={lateness[int(len(lateness) * 0.95)]:.2f} "
      f"late_ms_worst={lateness[-1]:.2f} early_ms_worst={-lateness[0]:.2f}")
