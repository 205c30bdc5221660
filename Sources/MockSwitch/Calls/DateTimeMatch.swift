/// The date/time attributes of a dialplan condition (`switch_xml_std_datetime_check`): each one
/// given is a range the switch's local time must fall in. Weekdays count from Sunday = 1, `mweek`
/// is the week of the month.
public struct DateTimeMatch: Sendable {
    public var year: ClosedRange<Int>?
    public var mon: ClosedRange<Int>?
    public var mday: ClosedRange<Int>?
    public var wday: ClosedRange<Int>?
    public var mweek: ClosedRange<Int>?
    public var hour: ClosedRange<Int>?

    /// A match on the given fields.
    public init(year: ClosedRange<Int>? = nil, mon: ClosedRange<Int>? = nil, mday: ClosedRange<Int>? = nil,
                wday: ClosedRange<Int>? = nil, mweek: ClosedRange<Int>? = nil, hour: ClosedRange<Int>? = nil) {
        (self.year, self.mon, self.mday, self.wday, self.mweek, self.hour) = (year, mon, mday, wday, mweek, hour)
    }

    /// Whether the time `micros` (µs since 1970) matches in `zone`.
    public func matches(_ micros: Int64, in zone: SwitchTimeZone) -> Bool {
        let parts = CivilTime(seconds: micros.floorDiv(1_000_000), zone: zone)
        let checks: [(ClosedRange<Int>?, Int)] = [(year, parts.year), (mon, parts.month), (mday, parts.day), (wday, parts.weekday),
                                                   (mweek, parts.weekOfMonth), (hour, parts.hour)]
        return checks.allSatisfy { range, value in range?.contains(value) ?? true }
    }
}
