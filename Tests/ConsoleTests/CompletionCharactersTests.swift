@testable import Console
import Testing

/// `console_complete` counts what to delete in UTF-8 bytes; the line editor deletes characters.
@Suite struct CompletionCharactersTests {
    @Test func asciiBytesAreCharacters() {
        #expect(ConsoleSession.characters(endingBytes: 0, of: "show chan") == 0)
        #expect(ConsoleSession.characters(endingBytes: 4, of: "show chan") == 4)
        #expect(ConsoleSession.characters(endingBytes: 9, of: "show chan") == 9)
    }

    @Test func moreBytesThanTheTextHasCountsEveryCharacter() {
        #expect(ConsoleSession.characters(endingBytes: 50, of: "abc") == 3)
        #expect(ConsoleSession.characters(endingBytes: 3, of: "") == 0)
    }

    @Test func twoByteCharacter() {
        // é is 2 bytes: the last 3 bytes of "café" are "fé", 2 characters.
        #expect(ConsoleSession.characters(endingBytes: 2, of: "café") == 1)
        #expect(ConsoleSession.characters(endingBytes: 3, of: "café") == 2)
        #expect(ConsoleSession.characters(endingBytes: 5, of: "café") == 4)
    }

    @Test func decomposedAccentIsOneCharacter() {
        // e + U+0301 is one character of 3 bytes.
        #expect(ConsoleSession.characters(endingBytes: 3, of: "cafe\u{301}") == 1)
        #expect(ConsoleSession.characters(endingBytes: 4, of: "cafe\u{301}") == 2)
    }

    @Test func emoji() {
        // 👍 is 4 bytes; 👍🏽 (with a skin tone) is 8 bytes but one character.
        #expect(ConsoleSession.characters(endingBytes: 4, of: "ok 👍") == 1)
        #expect(ConsoleSession.characters(endingBytes: 5, of: "ok 👍") == 2)
        #expect(ConsoleSession.characters(endingBytes: 8, of: "ok 👍🏽") == 1)
        #expect(ConsoleSession.characters(endingBytes: 9, of: "ok 👍🏽") == 2)
    }
}
