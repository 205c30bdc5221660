import TestSupport

extension Captures {
    /// The client's packets in order: consecutive C->S writes joined and split at each blank line
    /// (fs_cli sometimes writes `nolog` and `\n\n` separately).
    static func clientPackets(_ name: String) throws -> [String] {
        var packets: [String] = []
        var pending = ""
        for record in try records(name) where record.dir == "C->S" {
            pending += record.data
            while let end = pending.range(of: "\n\n") {
                packets.append(String(pending[..<end.upperBound]))
                pending = String(pending[end.upperBound...])
            }
        }
        return packets
    }

    /// Each `api console_complete …` request with the body of the api/response that answered it.
    static func completionPairs(_ name: String) throws -> [(request: String, body: String)] {
        let records = try records(name)
        var pairs: [(String, String)] = []
        for (index, record) in records.enumerated() where record.dir == "C->S" && record.data.hasPrefix("api console_complete") {
            guard let reply = records[(index + 1)...].first(where: { $0.dir == "S->C" && $0.label == "(api/response)" }),
                  let split = reply.data.range(of: "\n\n")
            else { continue }
            pairs.append((record.data, String(reply.data[split.upperBound...])))
        }
        return pairs
    }
}
