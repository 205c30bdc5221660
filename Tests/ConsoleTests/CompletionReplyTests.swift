import SwitchCatalog
import Console
import ESLProtocol
import TestSupport
import Testing

@Suite struct CompletionReplyTests {
    /// Every console_complete reply in captures 09 and 43: the cells, and the write instruction.
    @Test(arguments: ["09_api_console_complete", "43_fs_cli_interactive"])
    func everyCapturedReplyParses(capture: String) throws {
        let pairs = try Captures.completionPairs(capture)
        #expect(pairs.count == (capture.hasPrefix("09") ? 9 : 2))
        for (request, body) in pairs {
            let reply = CompletionReply(body: body)
            // Independent count: one `]\t` per cell.
            #expect(reply.candidates.count == body.components(separatedBy: "]\t").count - 1, "\(request)")
            #expect(reply.candidates.allSatisfy { !$0.hasPrefix(" ") && !$0.isEmpty }, "\(request)")
            #expect((reply.write != nil) == body.contains("\n\nwrite="), "\(request)")
        }
    }

    @Test func capture09Pairs() throws {
        let pairs = Dictionary(try Captures.completionPairs("09_api_console_complete").map { ($0.request, $0.body) }, uniquingKeysWith: { a, _ in a })
        func reply(_ argument: String) throws -> CompletionReply {
            CompletionReply(body: try #require(pairs["api console_complete\(argument)\n\n"]))
        }
        #expect(try reply(" sh").candidates == ["show", "shutdown"])
        #expect(try reply(" sh").write == CompletionWrite(length: 2, text: "sh"))
        #expect(try reply(" show cha").candidates == ["channels", "chat"])
        #expect(try reply(" show cha").write == CompletionWrite(length: 3, text: "cha"))
        #expect(try reply(" uuid_k").candidates == ["uuid_kill"])
        #expect(try reply(" uuid_k").write == CompletionWrite(length: 6, text: "uuid_kill "))
        #expect(try reply(" stat").write == CompletionWrite(length: 4, text: "status "))
        #expect(try reply(" c=3;show").write == CompletionWrite(length: 3, text: "show "))
        let none = try reply(" xyzzy")
        #expect(none.candidates.isEmpty && none.write == nil)
        #expect(none.display == "\n\n\n\n\n")
        let all = try reply(" ")
        #expect(all.candidates.count == 168)
        #expect(all.candidates.first == "..." && all.candidates.last == "uuid_warning")
        #expect(all.candidates.contains("event_channel_broadcast") && all.candidates.contains("uuid_recovery_refresh"))
        #expect(all.write == nil)
        #expect(try reply("").candidates == all.candidates)
        let show = try reply(" show ")
        #expect(show.candidates.contains("channels") && show.candidates.contains("detailed_bridged_calls"))
    }

    /// What fs_cli prints: the listing up to `\n\nwrite=` plus three line ends (the tty in capture 43).
    @Test func displayMatchesFsCli() {
        let reply = CompletionReply(body: "\n\n[                show]\t\n\nwrite=3:show ")
        #expect(reply.display == "\n\n[                show]\t\n\n\n")
        let plain = CompletionReply(body: "\n\n[ a]\t[ b]\t\n\n")
        #expect(plain.display == "\n\n[ a]\t[ b]\t\n\n\n")
        #expect(plain.candidates == ["a", "b"])
    }

    @Test func writeTakesTextAfterTheFirstColon() {
        #expect(CompletionReply(body: "\n\n[ x]\t\n\nwrite=1:a:b ").write == CompletionWrite(length: 1, text: "a:b "))
        #expect(CompletionReply(body: "\n\n\n\nwrite=x").write == nil)
    }

    /// The edits fs_cli makes with each captured reply, on the line it was typing.
    @Test func editsForCapturedReplies() {
        func edit(_ line: String, _ cursor: Int, _ length: Int, _ text: String) -> CompletionEdit {
            CompletionEdit(line: line, cursor: cursor).applying(CompletionWrite(length: length, text: text))
        }
        #expect(edit("sho", 3, 3, "show ") == CompletionEdit(line: "show ", cursor: 5))  // capture 43 tty
        #expect(edit("show cha", 8, 3, "cha") == CompletionEdit(line: "show cha", cursor: 8))
        #expect(edit("sh", 2, 2, "sh") == CompletionEdit(line: "sh", cursor: 2))
        #expect(edit("uuid_k", 6, 6, "uuid_kill ") == CompletionEdit(line: "uuid_kill ", cursor: 10))
        #expect(edit("stat", 4, 4, "status ") == CompletionEdit(line: "status ", cursor: 7))
        // Cursor inside the word: the text after it stays (`show` at 3 → `show w`).
        #expect(edit("show", 3, 3, "show ") == CompletionEdit(line: "show w", cursor: 5))
        #expect(edit("ab", 2, 9, "xyz") == CompletionEdit(line: "xyz", cursor: 3))
        #expect(edit("é", 2, 1, "e") == CompletionEdit(line: "e", cursor: 1))
    }

    @Test func requests() throws {
        func sent(_ line: String, _ cursor: Int) throws -> String {
            try CompletionRequest.command(line: line, cursor: cursor).wireText
        }
        // The fs_cli requests in captures 09 and 43.
        #expect(try sent("", 0) == "api console_complete \n\n")
        #expect(try sent("sh", 2) == "api console_complete sh\n\n")
        #expect(try sent("show ", 5) == "api console_complete show \n\n")
        #expect(try sent("show cha", 8) == "api console_complete show cha\n\n")
        #expect(try sent("uuid_k", 6) == "api console_complete uuid_k\n\n")
        #expect(try sent("stat", 4) == "api console_complete stat\n\n")
        #expect(try sent("xyzzy", 5) == "api console_complete xyzzy\n\n")
        // Cursor inside the line: c=<pos>; and the text up to the cursor (fs_cli cuts it).
        #expect(try sent("status", 3) == "api console_complete c=3;sta\n\n")
        #expect(try sent("show cha", 6) == "api console_complete c=6;show c\n\n")
        #expect(try sent("status", 0) == "api console_complete \n\n")
        // Leading blanks dropped (pos still counts them), trailing blanks collapsed.
        #expect(try sent("  show   ", 9) == "api console_complete show \n\n")
        #expect(try sent("  show x", 6) == "api console_complete c=6;show\n\n")
        #expect(try sent("é x", 2) == "api console_complete c=2;é\n\n")
        #expect(CompletionRequest.command(line: "sh", cursor: 2).replyKind == .apiResponse)
        #expect(CompletionRequest.command(line: "sh", cursor: 2).headers.isEmpty)
    }
}
