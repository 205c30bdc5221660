// mock-fanout: the mock switch's load benchmark. Starts `fscli mock` as its own process, connects
// L listeners that authenticate and subscribe to ALL, then one sender pipelines N `sendevent CUSTOM`
// as fast as the mock takes them. Prints deliveries per second across all listeners and the mock's
// peak memory (VmHWM from /proc).
//
// Usage: mock-fanout --binary PATH/TO/fscli [--listeners 1000] [--events 2000]

import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

struct Options {
    var binary = "../../.build/release/fscli"
    var listeners = 1000
    var events = 2000

    init(_ arguments: [String]) {
        var iterator = arguments.dropFirst().makeIterator()
        while let flag = iterator.next() {
            guard let value = iterator.next() else { break }
            switch flag {
            case "--binary": binary = value
            case "--listeners": listeners = Int(value) ?? listeners
            case "--events": events = Int(value) ?? events
            default: FileHandle.standardError.write(Data("unknown option \(flag)\n".utf8)); exit(2)
            }
        }
    }
}

/// Counts occurrences of a byte pattern across chunk boundaries.
struct PatternCounter {
    let needle: [UInt8]
    var matched = 0
    var count = 0

    mutating func feed(_ bytes: UnsafeRawBufferPointer) {
        for byte in bytes {
            if byte == needle[matched] {
                matched += 1
                if matched == needle.count { count += 1; matched = 0 }
            } else {
                matched = byte == needle[0] ? 1 : 0
            }
        }
    }
}

/// One listener: sends its login and subscription, then counts event frames.
final class CountingHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = ByteBuffer
    private var ready = PatternCounter(needle: Array("+OK event listener enabled plain\n".utf8))
    private var frames = PatternCounter(needle: Array("Content-Type: text/event-plain\n".utf8))
    let readyPromise: EventLoopPromise<Void>
    let total: NIOLockedValueBox<Int>
    private var isReady = false

    init(readyPromise: EventLoopPromise<Void>, total: NIOLockedValueBox<Int>) {
        self.readyPromise = readyPromise
        self.total = total
    }

    func channelActive(context: ChannelHandlerContext) {
        context.writeAndFlush(NIOAny(ByteBuffer(string: "auth ClueCon\n\nevent plain ALL\n\n")), promise: nil)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = unwrapInboundIn(data)
        buffer.withUnsafeReadableBytes { bytes in
            if !isReady {
                ready.feed(bytes)
                if ready.count > 0 { isReady = true; readyPromise.succeed() }
            }
            let before = frames.count
            frames.feed(bytes)
            let delta = frames.count - before
            if delta > 0 { total.withLockedValue { $0 += delta } }
        }
    }
}

func peakMemory(of pid: Int32) -> String {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return "?" }
    let lines = status.split(separator: "\n").filter { $0.hasPrefix("VmHWM") || $0.hasPrefix("VmRSS") }
    return lines.map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }.joined(separator: ", ")
}

let options = Options(CommandLine.arguments)
let mock = Process()
mock.executableURL = URL(fileURLWithPath: options.binary)
mock.arguments = ["mock", "--listen-port", "0", "--heartbeat", "3600"]
let logs = Pipe()
mock.standardError = logs
try mock.run()
var seen = ""
while !seen.contains("listening on") || !seen.hasSuffix("\n") {
    let chunk = logs.fileHandleForReading.availableData
    if chunk.isEmpty { break }
    seen += String(decoding: chunk, as: UTF8.self)
}
guard let port = seen.firstMatch(of: /listening on 127\.0\.0\.1:(\d+)/).flatMap({ Int($0.1) }) else {
    print("the mock did not start: \(seen)")
    exit(1)
}
// Keep draining the mock's log so it never blocks on a full pipe.
Thread.detachNewThread { while !logs.fileHandleForReading.availableData.isEmpty {} }

let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
let total = NIOLockedValueBox(0)
var readies: [EventLoopFuture<Void>] = []
var channels: [any Channel] = []
for _ in 0..<options.listeners {
    let promise = group.next().makePromise(of: Void.self)
    let channel = try await ClientBootstrap(group: group)
        .channelOption(.socketOption(.so_rcvbuf), value: 1 << 20)
        .channelInitializer { channel in
            channel.eventLoop.makeCompletedFuture {
                try channel.pipeline.syncOperations.addHandler(CountingHandler(readyPromise: promise, total: total))
            }
        }
        .connect(host: "127.0.0.1", port: port).get()
    channels.append(channel)
    readies.append(promise.futureResult)
}
for ready in readies { try await ready.get() }
let baseline = peakMemory(of: mock.processIdentifier)

// The sender: its replies are read and dropped by a handler that does nothing.
final class Discard: ChannelInboundHandler, Sendable { typealias InboundIn = ByteBuffer }
let sender = try await ClientBootstrap(group: group)
    .channelInitializer { channel in channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(Discard()) } }
    .connect(host: "127.0.0.1", port: port).get()
let expected = options.listeners * options.events
total.withLockedValue { $0 = 0 }
let start = ContinuousClock.now
var commands = ByteBuffer(string: "auth ClueCon\n\n")
for _ in 0..<options.events {
    commands.writeString("sendevent CUSTOM\nEvent-Subclass: bench::fanout\nBench: 1\n\n")
}
try await sender.writeAndFlush(commands)
var delivered = 0
while delivered < expected {
    try await Task.sleep(for: .milliseconds(20))
    delivered = total.withLockedValue { $0 }
    if ContinuousClock.now - start > .seconds(300) { break }
}
let elapsed = ContinuousClock.now - start
let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
print("listeners=\(options.listeners) events=\(options.events) delivered=\(delivered)/\(expected) seconds=\(String(format: "%.2f", seconds)) deliveries/s=\(Int(Double(delivered) / seconds))")
print("mock memory after login: \(baseline); at the end: \(peakMemory(of: mock.processIdentifier))")
mock.terminate()
mock.waitUntilExit()
for channel in channels { channel.close(promise: nil) }
try await group.shutdownGracefully()
