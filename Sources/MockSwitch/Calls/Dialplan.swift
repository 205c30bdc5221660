#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The mock's XML dialplan (mod_dialplan_xml): context `default` described extension by
/// extension (``stockDefault``), plus extensions added by number. Routing hunts through it as the
/// switch does, and can keep the trace the switch logs at DEBUG (capture 31).
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

    /// The extensions of context `default`, in order.
    public var defaultContext: [Extension]

    /// Extensions added by number (`fscli mock --extension`, tests): one replaces the described
    /// extension that routes exactly that number (`Extension.exactNumber`); the others come
    /// after the described ones, in number order.
    public var extensions: [String: [Step]]

    /// A dialplan.
    public init(defaultContext: [Extension] = Dialplan.stockDefault, extensions: [String: [Step]] = [:]) {
        self.defaultContext = defaultContext
        self.extensions = extensions
    }

    /// The stock context: 7000 answers and parks, 9196 echoes, 9664 plays a tone, 5000 bridges to
    /// `user/1000`, `wait` does not answer for ten seconds, 9192 shows its variables.
    public static let standard = Dialplan()

    /// The steps for `destination` in `context`, or `nil` (no route). At `micros` in business
    /// hours (Monday to Friday, 9:00 to 18:59 in `zone`) the stock `tod_example` extension, which
    /// every call in `default` passes, first sets `open=true` (capture 21 has it, 68 and 70 were
    /// taken at night). Variables and fields other than `destination_number` are empty.
    public func route(_ destination: String, context: String, at micros: Int64? = nil,
                      in zone: SwitchTimeZone = .current) -> [Step]? {
        hunt(context: context, at: micros, in: zone) { $0 == "destination_number" ? destination : "" }.steps
    }

    /// The extensions of `context` as the hunt walks them, the added ones in place.
    func extensionsToHunt(in context: String) -> [Extension] {
        guard context == "default" else { return [] }
        guard !extensions.isEmpty else { return defaultContext }
        var unused = extensions
        var walked = defaultContext.map { described -> Extension in
            guard let number = described.exactNumber, let steps = unused.removeValue(forKey: number) else { return described }
            var replaced = Extension.number(number, steps)
            replaced.name = described.name
            return replaced
        }
        walked += unused.sorted { $0.key < $1.key }.map { Extension.number($0.key, $0.value) }
        return walked
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
