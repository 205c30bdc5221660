#!/usr/bin/env python3
"""A stand-in event socket that floods its client, to measure how fast the client drains.

The server greets, answers the start-up a console sends (auth or userauth, api, bgapi, log, event,
anything else with +OK), and once the client asks for logs or events (or after --start-after seconds)
writes --frames frames as fast as the client reads them: log/data frames (--kind log) or ~4 KB
CHANNEL_CREATE events in plain format (--kind plain). It then sends the goodbye notice and prints one
line on stdout:

    <kind> <frames> <bytes> <seconds> <frames/s> <MB/s>

The seconds run from the first byte written to the last one accepted by the socket; with many frames
against the socket buffers, that is the client's drain rate.

Usage: flood.py [--port 18099] [--kind log|plain] [--frames 200000] [--start-after 5]
                [--start-on log|api] [--once]
"""
import argparse
import socket
import sys
import threading
import time
import uuid

# The bytes the switch escapes in event header values (docs/events.md, "URL encoding"), without the
# rule that keeps an existing %XX: no value below contains one.
ESCAPED = set(b'\r\n #%&+:;<=>?@[\\]^`{|}"')
GOODBYE = b"Disconnected, goodbye.\nSee you at ClueCon! http://www.cluecon.com/\n"
DISTINCT_FRAMES = 1000


def url_encode(text):
    return "".join(f"%{byte:02X}" if byte < 0x20 or byte > 0x7E or byte in ESCAPED else chr(byte)
                   for byte in text.encode())


def log_frame(n):
    """A session log line as mod_event_socket frames it (docs/protocol.md, "Log frames")."""
    call = uuid.UUID(int=n)
    line = 600 + n % 50
    body = (f"2026-11-26 12:00:00.{n % 1000000:06d} 98.50% [DEBUG] switch_core_state_machine.c:{line} "
            f"({call}) State Change CS_ROUTING -> CS_EXECUTE\n").encode()
    head = "".join([
        "Content-Type: log/data\n",
        f"Content-Length: {len(body)}\n",
        f"Log-Level: {n % 8}\n",
        "Text-Channel: 3\n",
        "Log-File: switch_core_state_machine.c\n",
        "Log-Func: switch_core_session_run\n",
        f"Log-Line: {line}\n",
        f"User-Data: {call}\n",
        "\n",
    ])
    return head.encode() + body


def channel_create_headers(n):
    """A SIP call's CHANNEL_CREATE: the standard headers, channel data, caller profile, 40 variables."""
    call = str(uuid.UUID(int=n))
    stamp = str(1795694400000000 + n)
    channel = "sofia/internal/1000@10.0.0.5"
    headers = [
        ("Event-Name", "CHANNEL_CREATE"),
        ("Core-UUID", "6f2f0a1e-4b7e-4c7e-9d1a-2b3c4d5e6f70"),
        ("FreeSWITCH-Hostname", "pbx1"),
        ("FreeSWITCH-Switchname", "pbx1"),
        ("FreeSWITCH-IPv4", "10.0.0.5"),
        ("FreeSWITCH-IPv6", "::1"),
        ("Event-Date-Local", "2026-11-26 12:00:00"),
        ("Event-Date-GMT", "Thu, 26 Nov 2026 12:00:00 GMT"),
        ("Event-Date-Timestamp", stamp),
        ("Event-Calling-File", "switch_core_state_machine.c"),
        ("Event-Calling-Function", "switch_core_session_run"),
        ("Event-Calling-Line-Number", "628"),
        ("Event-Sequence", str(1000 + n)),
        ("Channel-State", "CS_INIT"),
        ("Channel-Call-State", "DOWN"),
        ("Channel-State-Number", "2"),
        ("Channel-Name", channel),
        ("Unique-ID", call),
        ("Call-Direction", "inbound"),
        ("Presence-Call-Direction", "inbound"),
        ("Channel-HIT-Dialplan", "true"),
        ("Channel-Call-UUID", call),
        ("Answer-State", "ringing"),
    ]
    caller = [
        ("Direction", "inbound"), ("Logical-Direction", "inbound"), ("Username", "1000"),
        ("Dialplan", "XML"), ("Caller-ID-Name", "Extension 1000"), ("Caller-ID-Number", "1000"),
        ("Network-Addr", "10.0.0.9"), ("ANI", "1000"), ("Destination-Number", "9664"),
        ("Unique-ID", call), ("Source", "mod_sofia"), ("Context", "default"),
        ("Channel-Name", channel), ("Profile-Index", "1"), ("Profile-Created-Time", stamp),
        ("Channel-Created-Time", stamp), ("Channel-Answered-Time", "0"), ("Channel-Hangup-Time", "0"),
        ("Screen-Bit", "true"), ("Privacy-Hide-Name", "false"), ("Privacy-Hide-Number", "false"),
    ]
    headers += [("Caller-" + name, value) for name, value in caller]
    headers += [(f"variable_v{k}", f"value with spaces & symbols = {k}") for k in range(40)]
    return headers


def plain_event_frame(n):
    """The CHANNEL_CREATE serialized plain and framed (docs/events.md, "Plain format")."""
    text = "".join(f"{name}: {url_encode(value)}\n" for name, value in channel_create_headers(n)) + "\n"
    body = text.encode()
    return f"Content-Length: {len(body)}\nContent-Type: text/event-plain\n\n".encode() + body


def command_reply(text):
    return f"Content-Type: command/reply\nReply-Text: {text}\n\n".encode()


def api_response(output):
    body = output.encode()
    return f"Content-Type: api/response\nContent-Length: {len(body)}\n\n".encode() + body


class Session:
    """One client: a thread answers its commands while the caller waits to start the flood."""

    def __init__(self, sock, start_on):
        self.sock = sock
        self.start_on = start_on
        self.authenticated = threading.Event()
        self.go = threading.Event()
        self.send_lock = threading.Lock()

    def send(self, data):
        with self.send_lock:
            self.sock.sendall(data)

    def answer(self, command):
        if command.startswith(("auth", "userauth")):
            self.authenticated.set()
            return command_reply("+OK accepted")
        if command.startswith(("api ", "bgapi ")):
            if self.start_on == "api":
                self.go.set()
            return api_response("bench")
        if command.startswith("log"):
            self.go.set()
            return command_reply("+OK log level debug [7]")
        if command.startswith("event"):
            self.go.set()
            return command_reply("+OK event listener enabled plain")
        if command.startswith("exit"):
            return None
        return command_reply("+OK")

    def read_commands(self):
        pending = b""
        while True:
            try:
                chunk = self.sock.recv(65536)
            except OSError:
                return
            if not chunk:
                self.go.set()
                return
            pending += chunk
            *packets, pending = pending.split(b"\n\n")
            for packet in packets:
                command = packet.split(b"\n", 1)[0].decode(errors="replace").strip()
                if not command:
                    continue
                reply = self.answer(command)
                try:
                    if reply is None:
                        self.send(command_reply("+OK bye"))
                        return
                    self.send(reply)
                except OSError:
                    return


def flood(sock, args, frames):
    """Serves one client; returns True when the flood ran (the client authenticated)."""
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    session = Session(sock, args.start_on)
    session.send(b"Content-Type: auth/request\n\n")
    threading.Thread(target=session.read_commands, daemon=True).start()
    session.go.wait(args.start_after)
    if not session.authenticated.is_set():
        sock.close()
        return False
    time.sleep(0.2)  # let the reply to the starting command reach the client first
    batch = b"".join(frames)
    rounds = args.frames // len(frames)
    began = time.perf_counter()
    for _ in range(rounds):
        session.send(batch)
    ended = time.perf_counter()
    try:
        session.send(f"Content-Type: text/disconnect-notice\nContent-Length: {len(GOODBYE)}\n\n".encode() + GOODBYE)
        sock.shutdown(socket.SHUT_WR)
    except OSError:
        pass
    count = rounds * len(frames)
    size = rounds * len(batch)
    seconds = ended - began
    print(f"{args.kind} {count} {size} {seconds:.3f} {count / seconds:.0f} {size / seconds / 1e6:.1f}", flush=True)
    time.sleep(0.5)
    sock.close()
    return True


def main():
    parser = argparse.ArgumentParser(description="Event socket flood server for drain benchmarks.")
    parser.add_argument("--port", type=int, default=18099)
    parser.add_argument("--kind", choices=["log", "plain"], default="log")
    parser.add_argument("--frames", type=int, default=200000, help="frames to send (a multiple of 1000)")
    parser.add_argument("--start-after", type=float, default=5.0,
                        help="start anyway after this many seconds without a log or event command")
    parser.add_argument("--start-on", choices=["log", "api"], default="log",
                        help="also start on the first api command")
    parser.add_argument("--once", action="store_true", help="exit after one flood")
    args = parser.parse_args()

    make = log_frame if args.kind == "log" else plain_event_frame
    frames = [make(n) for n in range(DISTINCT_FRAMES)]
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", args.port))
    listener.listen(4)
    print(f"listening 127.0.0.1:{args.port}", file=sys.stderr, flush=True)
    while True:
        client, _ = listener.accept()
        if flood(client, args, frames) and args.once:
            break


if __name__ == "__main__":
    main()
