/// The uptime wording shared by `status` (§5.2) and HEARTBEAT's `Up-Time` (§3.6):
/// `0 years, 1 day, 16 hours, 1 minute, 0 seconds, 22 milliseconds, 296 microseconds`, each unit
/// singular exactly when its number is 1.
enum UptimeText {
    /// The text for an uptime of `micros` microseconds.
    static func words(microseconds micros: Int64) -> String {
        let total = max(micros, 0)
        let us = total % 1000
        let ms = (total / 1000) % 1000
        var seconds = total / 1_000_000
        // FreeSWITCH counts a year as 365 days (switch_core_measure_time).
        let years = seconds / (86400 * 365); seconds %= 86400 * 365
        let days = seconds / 86400; seconds %= 86400
        let hours = seconds / 3600; seconds %= 3600
        let minutes = seconds / 60; seconds %= 60
        return [
            unit(years, "year"), unit(days, "day"), unit(hours, "hour"), unit(minutes, "minute"),
            unit(seconds, "second"), unit(ms, "millisecond"), unit(us, "microsecond"),
        ].joined(separator: ", ")
    }

    private static func unit(_ value: Int64, _ name: String) -> String {
        "\(value) \(name)\(value == 1 ? "" : "s")"
    }
}
