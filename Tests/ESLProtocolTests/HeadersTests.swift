import NIOCore
import Testing
@testable import ESLProtocol

@Suite struct HeadersTests {
    private func headers(_ block: String) -> ESLHeaders {
        ESLHeaders(block: ByteBuffer(string: block))
    }

    @Test func duplicatesAreKeptInOrder() {
        let parsed = headers("Variable: a\nOther: x\nvariable: b\nVARIABLE: c\n")
        #expect(parsed.values(named: "Variable") == ["a", "b", "c"])
        #expect(parsed["variable"] == "a", "the subscript gives the first")
        #expect(parsed.count == 4)
        #expect(parsed.all.map(\.name) == ["Variable", "Other", "variable", "VARIABLE"], "names keep their case")
        #expect(Array(parsed).map(\.value) == ["a", "x", "b", "c"])
    }

    @Test(arguments: ["content-type", "CONTENT-TYPE", "Content-Type", "cOnTeNt-TyPe"])
    func lookupIgnoresASCIICase(_ name: String) {
        let parsed = headers("Content-Type: command/reply\nReply-Text: +OK\n")
        #expect(parsed[name] == "command/reply")
        #expect(parsed.contains(name))
        #expect(parsed.values(named: name) == ["command/reply"])
    }

    @Test func lookupDoesNotMatchPrefixesOrMissingNames() {
        let parsed = headers("Content-Type: command/reply\nContent-Length: 3\n")
        #expect(parsed["Content"] == nil)
        #expect(parsed["Content-Type-X"] == nil)
        #expect(!parsed.contains("Reply-Text"))
        #expect(parsed.values(named: "Reply-Text").isEmpty)
    }

    @Test(arguments: [
        ("Name: value\n", "value"),
        ("Name:value\n", "value"),
        ("Name:   value\n", "value"),
        ("Name:\tvalue\n", "value"),
        ("Name: \t \tvalue\n", "value"),
        ("Name: value\r\n", "value"),
        ("Name: value  \n", "value  "),
        ("Name: a: b: c\n", "a: b: c"),
        ("Name: \n", ""),
        ("Name:\n", ""),
        ("Name: value", "value"),
    ])
    func valueWhitespaceRules(_ line: String, _ value: String) {
        let parsed = headers(line)
        #expect(parsed["Name"] == value, "\(line.debugDescription)")
        #expect(parsed.count == 1)
    }

    @Test func linesWithoutAColonAreIgnored() {
        let parsed = headers("api status\nA: 1\njust words\n\r\nB: 2\n")
        #expect(parsed.count == 2)
        #expect(parsed.all.map(\.name) == ["A", "B"])
        #expect(parsed["api status"] == nil)
    }

    @Test func nameIsEverythingBeforeTheFirstColon() {
        let parsed = headers("Job-UUID: 11:22\nweird name : v\n")
        #expect(parsed["Job-UUID"] == "11:22")
        #expect(parsed["weird name "] == "v")
    }

    @Test func valueEqualsIsExactAndCaseSensitive() {
        let parsed = headers("Content-Disposition: linger\nContent-Type: text/disconnect-notice\n")
        #expect(parsed.value(of: "Content-Disposition", equals: "linger"))
        #expect(!parsed.value(of: "Content-Disposition", equals: "Linger"))
        #expect(!parsed.value(of: "Content-Disposition", equals: "linge"))
        #expect(parsed.value(of: "content-type", equals: "text/disconnect-notice"))
        #expect(!parsed.value(of: "Reply-Text", equals: ""))
    }

    @Test func withValueBytesGivesTheFirstValueOrNil() {
        let parsed = headers("X: first\nX: second\n")
        #expect(parsed.withValueBytes(of: "x") { $0.map { String(decoding: $0, as: UTF8.self) } } == "first")
        #expect(parsed.withValueBytes(of: "Y") { $0 == nil })
    }

    @Test func builtHeadersRoundTripThroughTheBlock() {
        var built = ESLHeaders([("Content-Type", "command/reply")])
        built.append("Reply-Text", "+OK Job-UUID: x")
        built.append("Reply-Text", "second")
        #expect(built.block.bytes == Array("Content-Type: command/reply\nReply-Text: +OK Job-UUID: x\nReply-Text: second\n".utf8))
        let reparsed = headers(String(buffer: built.block))
        #expect(reparsed == built)
        #expect(reparsed.hashValue == built.hashValue)
        #expect(built.description == "Content-Type: command/reply\nReply-Text: +OK Job-UUID: x\nReply-Text: second")
        let literal: ESLHeaders = [("A", "1"), ("B", "2")]
        #expect(literal.all == [.init(name: "A", value: "1"), .init(name: "B", value: "2")])
        #expect(ESLHeaders().count == 0)
    }

    @Test func equalityComparesParsedHeadersNotLineEnds() {
        #expect(headers("A: 1\r\nB:\t2\n") == headers("A: 1\nB: 2\n"))
        #expect(headers("A: 1\nB: 2\n") != headers("B: 2\nA: 1\n"), "order matters")
        #expect(headers("A: 1\n") != headers("a: 1\n"), "names compare with their case")
    }

    @Test func invalidUTF8IsRepairedNotFatal() {
        var buffer = ByteBuffer(string: "Name: ")
        buffer.writeBytes([0xFF, 0xFE, 0x41])
        buffer.writeString("\n")
        let parsed = ESLHeaders(block: buffer)
        #expect(parsed["Name"]?.hasSuffix("A") == true)
        #expect(parsed.count == 1)
    }
}
