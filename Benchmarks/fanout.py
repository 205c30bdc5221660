#!/usr/bin/env python3
"""Fan-out through an event socket server: L listeners subscribe to `CUSTOM bench::fanout`, then one
sender pipelines N `sendevent CUSTOM` commands with that subclass. Prints how many deliveries arrived
across all listeners and the rate:

    listeners L events N delivered D/L*N in S s -> R deliveries/s

Usage: fanout.py [--port 8021] [--password ClueCon] [--listeners 100] [--events 5000] [--timeout 60]
"""
import argparse
import asyncio
import time

SUBCLASS = b"bench::fanout"
SENDEVENT = b"sendevent CUSTOM\nEvent-Subclass: bench::fanout\nBench: 1\n\n"
PIPELINE = 500  # commands written per drain, so the sender never holds more than that unacknowledged


async def next_frame(reader):
    """One frame: its header block and, when it has a Content-Length, its body (docs/protocol.md, "Server frames")."""
    head = await reader.readuntil(b"\n\n")
    length = 0
    for line in head.split(b"\n"):
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    return head, (await reader.readexactly(length) if length else b"")


async def authenticated(port, password):
    reader, writer = await asyncio.open_connection("127.0.0.1", port, limit=1 << 22)
    await next_frame(reader)
    writer.write(b"auth " + password.encode() + b"\n\n")
    await writer.drain()
    head, _ = await next_frame(reader)
    if b"+OK" not in head:
        raise SystemExit(f"login refused: {head!r}")
    return reader, writer


def is_bench_event(head, body):
    # Plain events carry the subclass URL-encoded; accept it either way.
    return b"text/event-plain" in head and (SUBCLASS in body or b"bench%3A%3Afanout" in body)


async def subscribed_listener(port, password):
    reader, writer = await authenticated(port, password)
    writer.write(b"event plain CUSTOM " + SUBCLASS + b"\n\n")
    await writer.drain()
    await next_frame(reader)
    return reader, writer


async def count(reader, expected, received, index):
    while received[index] < expected:
        head, body = await next_frame(reader)
        if is_bench_event(head, body):
            received[index] += 1


async def main():
    parser = argparse.ArgumentParser(description="Event socket fan-out benchmark.")
    parser.add_argument("--port", type=int, default=8021)
    parser.add_argument("--password", default="ClueCon")
    parser.add_argument("--listeners", type=int, default=100)
    parser.add_argument("--events", type=int, default=5000)
    parser.add_argument("--timeout", type=float, default=60, help="seconds to wait for every delivery")
    args = parser.parse_args()

    # Every listener is subscribed before the first event is sent; a failed login ends the run here.
    connections = await asyncio.gather(*(subscribed_listener(args.port, args.password) for _ in range(args.listeners)))
    received = [0] * args.listeners
    counters = [asyncio.create_task(count(reader, args.events, received, index))
                for index, (reader, _) in enumerate(connections)]

    reader, writer = await authenticated(args.port, args.password)

    async def read_replies():
        for _ in range(args.events):
            await next_frame(reader)

    began = time.perf_counter()
    replies = asyncio.create_task(read_replies())
    for sent in range(0, args.events, PIPELINE):
        writer.write(SENDEVENT * min(PIPELINE, args.events - sent))
        await writer.drain()
    try:
        await asyncio.wait_for(asyncio.gather(*counters), args.timeout)
    except asyncio.TimeoutError:
        pass
    seconds = time.perf_counter() - began
    delivered = sum(received)
    print(f"listeners {args.listeners} events {args.events} delivered {delivered}/{args.listeners * args.events} "
          f"in {seconds:.2f}s -> {delivered / seconds:.0f} deliveries/s")
    for task in counters + [replies]:
        task.cancel()


asyncio.run(main())
