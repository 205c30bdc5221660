/// The pane's scroll-back: the last `capacity` printed lines, oldest first, in a ring.
///
/// Appending to a full buffer overwrites the oldest line, so memory stays bounded however long
/// the session runs.
public struct PaneBuffer: Sendable, Equatable {
    /// How many lines are kept at most.
    public let capacity: Int
    private var storage: [String] = []
    /// Index in `storage` of the oldest line once the ring is full.
    private var head = 0

    /// An empty buffer keeping at most `capacity` lines (at least one).
    public init(capacity: Int = 10_000) {
        self.capacity = max(1, capacity)
        storage.reserveCapacity(min(self.capacity, 1_024))
    }

    /// How many lines are kept.
    public var count: Int { storage.count }

    public var isEmpty: Bool { storage.isEmpty }

    /// Adds a line, dropping the oldest when full.
    public mutating func append(_ line: String) {
        if storage.count < capacity {
            storage.append(line)
        } else {
            storage[head] = line
            head = (head + 1) % capacity
        }
    }

    /// Adds lines in order.
    public mutating func append<Lines: Sequence>(contentsOf lines: Lines) where Lines.Element == String {
        for line in lines { append(line) }
    }

    /// The line at `index`, 0 being the oldest kept.
    public subscript(index: Int) -> String {
        precondition(index >= 0 && index < storage.count, "PaneBuffer index \(index) out of 0..<\(storage.count)")
        return storage[(head + index) % storage.count]
    }

    /// All lines, oldest first.
    public var lines: [String] { (0..<count).map { self[$0] } }
}
