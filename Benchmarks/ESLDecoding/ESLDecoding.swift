import Benchmark
import ESLProtocol
import NIOCore

// What a client does with every frame it reads, measured per frame: each benchmark runs
// `scalingFactor` frames per iteration, so throughput reads as frames/s and the malloc count as
// allocations per frame. MB/s counts the frame's bytes on the wire (headers and body).

// Benchmark's types are not Sendable, so these are computed rather than global constants.

/// Frames per iteration; the inputs hold exactly this many frames, so one iteration drains one buffer.
private var framesPerIteration: BenchmarkScalingFactor { .kilo }

/// Bytes on the wire per second, in MB (10^6), measured by each iteration around its own loop.
private var megabytesPerSecond: BenchmarkMetric { .custom("MB/s", polarity: .prefersLarger, useScalingFactor: false) }

private var configuration: Benchmark.Configuration {
    .init(
        metrics: [.throughput, .wallClock, .mallocCountTotal, megabytesPerSecond],
        scalingFactor: framesPerIteration,
        maxDuration: .seconds(3),
        maxIterations: 10_000)
}

let benchmarks: @Sendable () -> Void = {
    let frameCount = framesPerIteration.rawValue
    let logFrames = LogFrames.buffer(count: frameCount)
    let capturedEvents = repeated(ChannelCreate.capturedFrame(), count: frameCount)
    let syntheticEvents = (0..<frameCount).reduce(into: ByteBuffer()) { buffer, index in
        buffer.writeString(ChannelCreate.syntheticFrame(index))
    }

    // (a) log/data: decode the frame, classify it into a log line.
    Benchmark("log/data frame: decode + classify (\(averageSize(logFrames)) B)", configuration: configuration) { benchmark in
        try drain(logFrames, benchmark) { frame in
            guard case .log(let line) = ESLMessage(frame: frame) else { fatalError("not a log line") }
            blackHole(line)
        }
    }

    // (b) CHANNEL_CREATE in text/event-plain: decode the frame, classify it, decode the event.
    for (name, input) in [("capture 21", capturedEvents), ("flood.py", syntheticEvents)] {
        Benchmark("CHANNEL_CREATE plain, \(name): decode + classify + decodePlain (\(averageSize(input)) B)", configuration: configuration) { benchmark in
            try drain(input, benchmark) { frame in
                guard case .event(let eventFrame) = ESLMessage(frame: frame) else { fatalError("not an event") }
                blackHole(try ESLEvent.decodePlain(eventFrame.body))
            }
        }
    }

    // (c) What the mock switch does for every event it sends: serialize it.
    let event = try! ESLEvent.decodePlain(ESLFrame.firstBody(of: syntheticEvents))
    let plainSize = { var buffer = ByteBuffer(); event.encodePlain(into: &buffer); return buffer.readableBytes }()
    Benchmark("CHANNEL_CREATE flood.py: encodePlain (\(plainSize) B)", configuration: configuration) { benchmark in
        try encode(benchmark) { event.encodePlain(into: &$0) }
    }
    let jsonSize = { var buffer = ByteBuffer(); event.encodeJSON(into: &buffer); return buffer.readableBytes }()
    Benchmark("CHANNEL_CREATE flood.py: encodeJSON (\(jsonSize) B)", configuration: configuration) { benchmark in
        try encode(benchmark) { event.encodeJSON(into: &$0) }
    }
}

/// Decodes one frame per scaled iteration from a copy of `input` (which shares its storage) and
/// hands it to `handle`; records MB/s over the whole loop.
private func drain(_ input: ByteBuffer, _ benchmark: Benchmark, _ handle: (ESLFrame) throws -> Void) throws {
    var decoder = ESLFrameDecoder()
    var buffer = input
    let start = ContinuousClock.now
    for _ in benchmark.scaledIterations {
        guard let frame = try decoder.decode(&buffer) else { fatalError("input ran out") }
        try handle(frame)
    }
    record(bytes: input.readableBytes - buffer.readableBytes, since: start, benchmark)
}

/// Serializes one event per scaled iteration into a reused buffer; records MB/s of output.
private func encode(_ benchmark: Benchmark, _ write: (inout ByteBuffer) -> Void) throws {
    var buffer = ByteBuffer()
    var bytes = 0
    let start = ContinuousClock.now
    for _ in benchmark.scaledIterations {
        buffer.clear()
        write(&buffer)
        bytes += buffer.readableBytes
    }
    blackHole(buffer)
    record(bytes: bytes, since: start, benchmark)
}

private func record(bytes: Int, since start: ContinuousClock.Instant, _ benchmark: Benchmark) {
    let elapsed = start.duration(to: .now)
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    benchmark.measurement(megabytesPerSecond, Int((Double(bytes) / seconds / 1e6).rounded()))
}

private func repeated(_ frame: String, count: Int) -> ByteBuffer {
    var buffer = ByteBuffer()
    for _ in 0..<count { buffer.writeString(frame) }
    return buffer
}

private func averageSize(_ input: ByteBuffer) -> Int {
    input.readableBytes / framesPerIteration.rawValue
}

extension ESLFrame {
    /// The body of the first frame in `input`.
    fileprivate static func firstBody(of input: ByteBuffer) -> ByteBuffer {
        var decoder = ESLFrameDecoder()
        var buffer = input
        return try! decoder.decode(&buffer)!.body!
    }
}
