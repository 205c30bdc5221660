import Console
import Testing

@Suite struct FunctionKeyStateTests {
    @Test func defaultsAreFsClis() {
        let keys = FunctionKeys()
        #expect(keys.command(for: 1) == "help")
        #expect(keys.command(for: 2) == "status")
        #expect(keys.command(for: 12) == "version")
        #expect(FunctionKeys.numbers.map { keys.command(for: $0) } == FunctionKeys.fsCliDefaults)
        #expect(FunctionKeys.numbers.allSatisfy { keys.toggle(for: $0) == nil })
        var state = FunctionKeyState(keys: keys)
        #expect(state.press(2) == "status")
        #expect(state.press(2) == "status", "a key without a toggle runs the same command every time")
    }

    @Test func toggleAlternatesStartingWithTheKeyCommand() {
        var keys = FunctionKeys()
        keys.setCommand("/log debug", for: 7)
        keys.setToggle("/nolog", for: 7)
        var state = FunctionKeyState(keys: keys)
        #expect(state.press(7) == "/log debug")
        #expect(state.press(7) == "/nolog")
        #expect(state.press(7) == "/log debug")
        #expect(state.press(7) == "/nolog")
    }

    @Test func togglesAreTrackedPerKey() {
        var keys = FunctionKeys()
        keys.setToggle("off 3", for: 3)
        keys.setToggle("off 4", for: 4)
        var state = FunctionKeyState(keys: keys)
        #expect(state.press(3) == "show channels")
        #expect(state.press(4) == "show calls")
        #expect(state.press(3) == "off 3")
        #expect(state.press(2) == "status")
        #expect(state.press(4) == "off 4")
    }

    @Test func emptyToggleRemovesIt() {
        var keys = FunctionKeys()
        keys.setToggle("x", for: 5)
        #expect(keys.toggle(for: 5) == "x")
        keys.setToggle("", for: 5)
        #expect(keys.toggle(for: 5) == nil)
        var state = FunctionKeyState(keys: keys)
        #expect(state.press(5) == "sofia status")
        #expect(state.press(5) == "sofia status")
    }

    @Test func unboundKeyGivesNilEvenWithAToggle() {
        var keys = FunctionKeys()
        keys.setCommand("", for: 6)
        keys.setToggle("reloadacl", for: 6)
        #expect(keys.command(for: 6) == nil)
        var state = FunctionKeyState(keys: keys)
        #expect(state.press(6) == nil)
        #expect(state.press(6) == nil)
    }

    @Test(arguments: [0, -1, 13, 100, Int.min, Int.max])
    func outOfRangeNumbersAreUnboundAndIgnored(_ number: Int) {
        var keys = FunctionKeys()
        #expect(keys.command(for: number) == nil)
        #expect(keys.toggle(for: number) == nil)
        keys.setCommand("status", for: number)
        keys.setToggle("status", for: number)
        #expect(keys == FunctionKeys(), "setting a key outside F1–F12 changes nothing")
        var state = FunctionKeyState(keys: keys)
        #expect(state.press(number) == nil)
    }
}
