extension Dialplan {
    /// One `<extension>` of an XML dialplan context: its conditions in order, and whether the
    /// hunt goes on to the next extension after this one matched (`continue="true"`).
    public struct Extension: Sendable {
        public var name: String
        public var continues: Bool
        public var conditions: [Condition]

        /// An extension.
        public init(_ name: String, continues: Bool = false, _ conditions: [Condition]) {
            self.name = name
            self.continues = continues
            self.conditions = conditions
        }

        /// An extension named for the number it routes, as `fscli mock --extension` adds one.
        public static func number(_ number: String, _ steps: [Step]) -> Extension {
            Extension(number, [.destination("^" + Dialplan.regexEscaped(number) + "$", steps)])
        }

        /// The number this extension routes when its first condition is `destination_number`
        /// matching exactly one literal number (`^9196$`): an added extension of that number
        /// takes its place.
        var exactNumber: String? {
            guard case .regex("destination_number", let expression)? = conditions.first?.test else { return nil }
            return Dialplan.anchoredLiteral(expression)
        }
    }

    /// One `<condition>`: what it tests, when a result ends the extension (`break`), and the
    /// actions it adds when true (anti-actions when false).
    public struct Condition: Sendable {
        /// What a condition tests.
        public enum Test: Sendable {
            /// `field` (a caller profile field such as `destination_number`, or `${variable}`)
            /// against a regular expression.
            case regex(String, String)
            /// `wday="2-6" hour="9-18"` …: the switch's local time.
            case dateTime(DateTimeMatch)
            /// A condition without a field: always true (`Absolute Condition`).
            case always
        }

        /// `break="…"`: which result stops the extension's remaining conditions.
        public enum Break: String, Sendable {
            case onFalse = "on-false", onTrue = "on-true", always, never
        }

        public var test: Test
        public var breaks: Break
        public var actions: [Step]
        public var antiActions: [Step]

        /// A condition.
        public init(_ test: Test, breaks: Break = .onFalse, _ actions: [Step] = [], anti antiActions: [Step] = []) {
            self.test = test
            self.breaks = breaks
            self.actions = actions
            self.antiActions = antiActions
        }

        /// `field="destination_number" expression="…"`.
        public static func destination(_ expression: String, _ actions: [Step] = []) -> Condition {
            Condition(.regex("destination_number", expression), actions)
        }

        /// `field="…" expression="…"`.
        public static func field(_ field: String, _ expression: String, breaks: Break = .onFalse, _ actions: [Step] = []) -> Condition {
            Condition(.regex(field, expression), breaks: breaks, actions)
        }

        /// A date/time condition.
        public static func time(_ match: DateTimeMatch, _ actions: [Step] = []) -> Condition {
            Condition(.dateTime(match), actions)
        }
    }
}
