import LineEditor
import Testing

@Suite struct PaneBufferTests {
    @Test func keepsLinesInOrderUntilFull() {
        var buffer = PaneBuffer(capacity: 3)
        #expect(buffer.isEmpty)
        buffer.append("a")
        buffer.append("b")
        #expect(buffer.lines == ["a", "b"])
        #expect(buffer[0] == "a" && buffer[1] == "b")
    }

    @Test func dropsTheOldestWhenFull() {
        var buffer = PaneBuffer(capacity: 3)
        buffer.append(contentsOf: ["1", "2", "3", "4", "5"])
        #expect(buffer.count == 3)
        #expect(buffer.lines == ["3", "4", "5"])
        buffer.append("6")
        #expect(buffer[0] == "4" && buffer[2] == "6")
    }

    @Test func tenThousandByDefaultAndNeverMore() {
        var buffer = PaneBuffer()
        #expect(buffer.capacity == 10_000)
        buffer.append(contentsOf: (0..<25_000).map(String.init))
        #expect(buffer.count == 10_000)
        #expect(buffer[0] == "15000")
        #expect(buffer[9_999] == "24999")
    }
}
