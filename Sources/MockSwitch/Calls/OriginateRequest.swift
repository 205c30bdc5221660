/// The arguments of `originate` (mod_commands' `originate_function`), parsed.
struct OriginateRequest: Sendable, Equatable {
    /// What the new channel does once up: route `extension` in a dialplan, or run one application.
    enum Target: Sendable, Equatable {
        case application(name: String, data: String)
        case `extension`(String)
    }

    /// `{var=value,…}` and `[var=value,…]` prefixes, in order.
    var variables: [(String, String)]
    /// Whether the dial string began with `{…}` (the switch logs parsing them).
    var hasGlobalVariables = false
    /// The dial string after the prefixes, e.g. `loopback/7000/default`.
    var endpoint: String
    var target: Target
    var dialplan = "xml"
    /// The dialplan name as written (`XML`), for the extension form's transfer.
    var dialplanName = "XML"
    var context = "default"
    var callerIDName: String?
    var callerIDNumber: String?
    var timeoutSeconds = 60

    static func == (lhs: OriginateRequest, rhs: OriginateRequest) -> Bool {
        lhs.endpoint == rhs.endpoint && lhs.target == rhs.target && lhs.variables.elementsEqual(rhs.variables) { $0 == $1 }
            && lhs.dialplan == rhs.dialplan && lhs.context == rhs.context && lhs.callerIDName == rhs.callerIDName
            && lhs.callerIDNumber == rhs.callerIDNumber && lhs.timeoutSeconds == rhs.timeoutSeconds
    }

    /// A request made in code (simulated traffic), with no text to parse.
    init(variables: [(String, String)], endpoint: String, target: Target) {
        self.variables = variables
        self.endpoint = endpoint
        self.target = target
    }

    /// Parses the argument; `nil` when fewer than two words (the switch then prints its usage).
    init?(_ argument: String) {
        let words = Self.separate(argument)
        guard words.count >= 2 else { return nil }
        var url = Substring(words[0])
        var variables: [(String, String)] = []
        hasGlobalVariables = url.first == "{"
        while let open = url.first, open == "{" || open == "[" || open == "<" {
            let close: Character = open == "{" ? "}" : open == "[" ? "]" : ">"
            guard let end = url.firstIndex(of: close) else { break }
            for pair in url[url.index(after: url.startIndex)..<end].split(separator: ",") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                variables.append((String(parts[0]), parts.count > 1 ? String(parts[1]) : ""))
            }
            url = url[url.index(after: end)...]
        }
        self.variables = variables
        self.endpoint = String(url)
        let second = words[1]
        if second.hasPrefix("&") {
            let body = second.dropFirst()
            if let paren = body.firstIndex(of: "(") {
                let name = String(body[..<paren])
                var data = body[body.index(after: paren)...]
                if data.last == ")" { data = data.dropLast() }
                target = .application(name: name, data: String(data))
            } else {
                target = .application(name: String(body), data: "")
            }
        } else {
            target = .extension(second)
        }
        if words.count > 2, words[2] != "undef" {
            dialplan = words[2]
            dialplanName = words[2]
        }
        if words.count > 3, words[3] != "undef" { context = words[3] }
        if words.count > 4, words[4] != "undef" { callerIDName = words[4] }
        if words.count > 5, words[5] != "undef" { callerIDNumber = words[5] }
        if words.count > 6, let seconds = Int(words[6]), seconds > 0 { timeoutSeconds = seconds }
    }

    /// The words as `switch_separate_string` cuts them: at spaces outside quotes, the quotes
    /// dropped (`'&socket(127.0.0.1:8084 async full)'` is one word, capture 27).
    static func separate(_ text: String) -> [String] {
        var words: [String] = [], current = "", quote: Character?, started = false
        for character in text {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character
                started = true
            } else if character == " " {
                if started || !current.isEmpty { words.append(current) }
                current = ""
                started = false
            } else {
                current.append(character)
            }
        }
        if started || !current.isEmpty { words.append(current) }
        return words
    }

    /// A variable of the prefixes (the last one wins).
    func variable(_ name: String) -> String? {
        variables.last { $0.0 == name }?.1
    }
}
