/// The date texts FreeSWITCH prints: `Event-Date-Local`, `Event-Date-GMT` (RFC 822 with a 2-digit
/// day, docs/events.md, "Standard headers"), the log line stamp with microseconds (docs/protocol.md, "Log frames")
/// and `show`'s `created` column.
enum SwitchTimeText {
    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `YYYY-MM-DD HH:MM:SS` in `zone`.
    static func local(_ micros: Int64, _ zone: SwitchTimeZone) -> String {
        let c = components(micros, zone)
        return "\(pad(c.year, 4))-\(pad(c.month))-\(pad(c.day)) \(pad(c.hour)):\(pad(c.minute)):\(pad(c.second))"
    }

    /// `YYYY-MM-DD HH:MM:SS.uuuuuu` in `zone`, the stamp that starts a log line.
    static func localWithMicroseconds(_ micros: Int64, _ zone: SwitchTimeZone) -> String {
        local(micros, zone) + "." + pad(Int(micros.floorMod(1_000_000)), 6)
    }

    /// `Www, DD Mon YYYY HH:MM:SS GMT`.
    static func gmt(_ micros: Int64) -> String {
        let c = components(micros, .utc)
        return "\(weekdays[c.weekday - 1]), \(pad(c.day)) \(months[c.month - 1]) \(pad(c.year, 4)) "
            + "\(pad(c.hour)):\(pad(c.minute)):\(pad(c.second)) GMT"
    }

    private static func components(_ micros: Int64, _ zone: SwitchTimeZone) -> CivilTime {
        CivilTime(seconds: micros.floorDiv(1_000_000), zone: zone)
    }

    private static func pad(_ value: Int, _ width: Int = 2) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}

extension Int64 {
    /// Division rounding towards minus infinity, so dates before 1970 still split into seconds + µs.
    func floorDiv(_ divisor: Int64) -> Int64 {
        let q = self / divisor
        return (self % divisor < 0) ? q - 1 : q
    }

    /// The remainder matching ``floorDiv(_:)``, always in `0..<divisor`.
    func floorMod(_ divisor: Int64) -> Int64 {
        let r = self % divisor
        return r < 0 ? r + divisor : r
    }
}
