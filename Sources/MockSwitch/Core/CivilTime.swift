/// A moment as a wall clock in some zone shows it, on the proleptic Gregorian calendar: what C's
/// `localtime_r` fills in, plus the week of the month the dialplan's `mweek` tests.
struct CivilTime: Equatable {
    var year: Int
    /// 1...12.
    var month: Int
    /// 1...31.
    var day: Int
    var hour: Int
    var minute: Int
    var second: Int
    /// 1 = Sunday ... 7 = Saturday.
    var weekday: Int
    /// 1...366.
    var dayOfYear: Int
    /// Seconds east of UTC in force at that moment.
    var offset: Int

    /// The week of the month, weeks starting on Sunday and the first week being the one that holds
    /// the 1st (as Foundation's Gregorian calendar counted them for the mock before).
    var weekOfMonth: Int {
        let firstWeekday = (weekday - 1 - (day - 1) % 7 + 7) % 7  // 0 = Sunday
        return (day - 1 + firstWeekday) / 7 + 1
    }

    /// The wall clock in `zone` at `seconds` since the epoch.
    init(seconds: Int64, zone: SwitchTimeZone) {
        offset = zone.offset(at: seconds)
        let local = seconds + Int64(offset)
        let days = local.floorDiv(86_400)
        let time = Int(local - days * 86_400)
        (hour, minute, second) = (time / 3600, time % 3600 / 60, time % 60)
        (year, month, day) = Self.date(fromDays: days)
        weekday = Int((days + 4).floorMod(7)) + 1  // 1970-01-01 was a Thursday
        dayOfYear = Int(days - Self.days(year: year, month: 1, day: 1)) + 1
    }

    /// Seconds since the epoch of a wall-clock reading in `zone`. Out-of-range fields carry over
    /// (month 13 is January of the next year, day 0 the last day of the month before). A reading the
    /// clocks pass twice is its first moment; one they skip is read with the offset before the skip
    /// (02:30 on the morning clocks go forward from 02:00 to 03:00 is 03:30).
    static func seconds(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, zone: SwitchTimeZone) -> Int64 {
        let carried = Int64(month - 1).floorDiv(12)
        let days = Self.days(year: Int64(year) + carried, month: Int64(month - 1).floorMod(12) + 1, day: 1) + Int64(day - 1)
        let local = days * 86_400 + Int64(hour) * 3600 + Int64(minute) * 60 + Int64(second)
        // The offsets in force a day either side (changes of offset are months apart); a reading
        // both give is the first of the two moments, one neither gives falls in the skipped hour.
        let before = Int64(zone.offset(at: local - 86_400)), after = Int64(zone.offset(at: local + 86_400))
        let moments = [local - before, local - after].filter { Int64(zone.offset(at: $0)) == local - $0 }
        return moments.min() ?? local - before
    }

    /// Days since 1970-01-01 of a Gregorian date (era arithmetic: 400-year cycles of 146,097 days).
    static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = y.floorDiv(400)
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1  // from March 1st
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func days(year: Int, month: Int, day: Int) -> Int64 {
        days(year: Int64(year), month: Int64(month), day: Int64(day))
    }

    /// The Gregorian date `days` after 1970-01-01.
    static func date(fromDays days: Int64) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = shifted.floorDiv(146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        return (Int(era * 400 + yearOfEra + (month <= 2 ? 1 : 0)), Int(month), Int(day))
    }
}
