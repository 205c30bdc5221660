/// The uptime wording shared by `status` (docs/api-output.md, "status") and HEARTBEAT's `Up-Time`
/// (docs/events.md, "Core events"):
/// `0 years, 1 day, 16 hours, 1 minute, 0 seconds, 22 milliseconds, 296 microseconds`, each unit
/// singular exactly when its number is 1.
enum UptimeText {
    /// The text for an uptime of `micros` microseconds.
    static func words(microseconds micros: Int64) -> String {
        let p = parts(microseconds: micros)
        return [
            unit(p.years, "year"), unit(p.days, "day"), unit(p.hours, "hour"), unit(p.minutes, "minute"),
            unit(p.seconds, "second"), unit(p.milliseconds, "millisecond"), unit(p.microseconds, "microsecond"),
        ].joined(separator: ", ")
    }

    /// The uptime split as `switch_core_measure_time` splits it (the `status` JSON API's fields).
    static func parts(microseconds micros: Int64)
        -> (years: Int, days: Int, hours: Int, minutes: Int, seconds: Int, milliseconds: Int, microseconds: Int)
    {
        let total = max(micros, 0)
        var seconds = total / 1_000_000
        // FreeSWITCH counts a year as 365 days.
        let years = seconds / (86400 * 365); seconds %= 86400 * 365
        let days = seconds / 86400; seconds %= 86400
        let hours = seconds / 3600; seconds %= 3600
        let minutes = seconds / 60; seconds %= 60
        return (Int(years), Int(days), Int(hours), Int(minutes), Int(seconds), Int((total / 1000) % 1000), Int(total % 1000))
    }

    private static func unit(_ value: Int, _ name: String) -> String {
        "\(value) \(name)\(value == 1 ? "" : "s")"
    }
}
