import Foundation

/// The mock's XML dialplan: extensions of context `default`, each a list of applications as
/// FreeSWITCH's example dialplan runs them (7000 sets `open`, answers and parks, as capture 21
/// shows).
public struct Dialplan: Sendable {
    /// One application call with its argument text.
    public struct Step: Sendable, Equatable {
        public var application: String
        public var data: String

        /// A step.
        public init(_ application: String, _ data: String = "") {
            self.application = application
            self.data = data
        }
    }

    /// Extensions of context `default` by destination number.
    public var extensions: [String: [Step]]

    /// A dialplan.
    public init(extensions: [String: [Step]]) {
        self.extensions = extensions
    }

    /// 7000 answer+park, 9196 echo, 9664 a tone, 5000 a bridge to `user/1000`, and `wait`, which
    /// does not answer for ten seconds: the stock `global` extension sleeps there first, and an
    /// originate with a shorter `originate_timeout` gives up inside that sleep (capture 67).
    public static let standard = Dialplan(extensions: [
        "wait": [Step("sleep", "10000"), Step("answer"), Step("park")],
        "7000": [Step("answer"), Step("park")],
        "9196": [Step("answer"), Step("echo")],
        "9664": [Step("answer"), Step("playback", "tone_stream://%(2000,0,440)")],
        "5000": [Step("bridge", "user/1000")],
    ])

    /// The steps for `destination` in `context`, or `nil` (no route). In business hours (Monday
    /// to Friday, 9:00 to 18:59 local time) the stock `tod_example` extension, which every call in
    /// `default` passes, first sets `open=true` (capture 21 has it, 68 and 70 were taken at night).
    public func route(_ destination: String, context: String, at micros: Int64? = nil,
                      in zone: TimeZone = .current) -> [Step]? {
        guard context == "default", let steps = extensions[destination] else { return nil }
        guard let micros, Self.isBusinessHours(micros, zone) else { return steps }
        return [Step("set", "open=true")] + steps
    }

    static func isBusinessHours(_ micros: Int64, _ zone: TimeZone) -> Bool {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.weekday, .hour], from: Date(timeIntervalSince1970: TimeInterval(micros.floorDiv(1_000_000))))
        return (2...6).contains(parts.weekday ?? 0) && (9...18).contains(parts.hour ?? 0)
    }
}

extension Dialplan {
    /// Parses `NUMBER=app[:args],app[:args]…` (`fscli mock --extension`): commas inside
    /// parentheses belong to the arguments (`playback:tone_stream://%(1000,0,440)`). `nil` when
    /// there is no number or no application.
    public static func parseExtension(_ text: String) -> (number: String, steps: [Step])? {
        guard let equals = text.firstIndex(of: "=") else { return nil }
        let number = String(text[..<equals]).trimmingWhitespace
        var pieces: [String] = [], current = "", depth = 0
        for character in text[text.index(after: equals)...] {
            switch character {
            case "(": depth += 1
            case ")": depth = max(0, depth - 1)
            case "," where depth == 0:
                pieces.append(current)
                current = ""
                continue
            default: break
            }
            current.append(character)
        }
        pieces.append(current)
        let steps = pieces.map { $0.trimmingWhitespace }.filter { !$0.isEmpty }.map { piece -> Step in
            guard let colon = piece.firstIndex(of: ":") else { return Step(piece) }
            return Step(String(piece[..<colon]), String(piece[piece.index(after: colon)...]))
        }
        guard !number.isEmpty, !steps.isEmpty, steps.allSatisfy({ !$0.application.isEmpty }) else { return nil }
        return (number, steps)
    }
}
