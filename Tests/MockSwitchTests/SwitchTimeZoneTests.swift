@testable import MockSwitch
import Testing

/// The mock's own time zones (read from the system's zone files, not ICU) against dates whose
/// local time is known.
@Suite struct SwitchTimeZoneTests {
    /// 2023-11-14 22:13:20 UTC, a Tuesday, in winter time on both sides of the Atlantic.
    static let november: Int64 = 1_700_000_000
    /// 2023-07-01 12:00:00 UTC, a Saturday, in summer time.
    static let july: Int64 = 1_688_212_800

    @Test func namedZonesHaveTheirOffsetsAndAbbreviationsOnBothSidesOfDaylightSaving() throws {
        let newYork = try #require(SwitchTimeZone(identifier: "America/New_York"))
        #expect(newYork.offset(at: Self.november) == -5 * 3600)
        #expect(newYork.abbreviation(at: Self.november) == "EST")
        #expect(newYork.offset(at: Self.july) == -4 * 3600)
        #expect(newYork.abbreviation(at: Self.july) == "EDT")
        let berlin = try #require(SwitchTimeZone(identifier: "Europe/Berlin"))
        #expect(berlin.offset(at: Self.november) == 3600)
        #expect(berlin.abbreviation(at: Self.july) == "CEST")
        // Kolkata has had no daylight saving since 1945: half-hour offset all year.
        #expect(SwitchTimeZone(identifier: "Asia/Kolkata")?.offset(at: Self.july) == 5 * 3600 + 1800)
    }

    @Test func unknownOrEscapingNamesAreNoZone() {
        #expect(SwitchTimeZone(identifier: "Mars/Olympus_Mons") == nil)
        #expect(SwitchTimeZone(identifier: "../../etc/passwd") == nil)
        #expect(SwitchTimeZone(identifier: "/etc/localtime") == nil)
        #expect(SwitchTimeZone(identifier: "") == nil)
        #expect(SwitchTimeZone(identifier: "UTC")?.offset(at: Self.july) == 0)
        #expect(SwitchTimeZone(identifier: "GMT")?.abbreviation(at: Self.july) == "GMT")
    }

    @Test func civilTimeInAZone() throws {
        let newYork = try #require(SwitchTimeZone(identifier: "America/New_York"))
        let time = CivilTime(seconds: Self.november, zone: newYork)
        #expect([time.year, time.month, time.day, time.hour, time.minute, time.second] == [2023, 11, 14, 17, 13, 20])
        #expect(time.weekday == 3)  // Tuesday
        #expect(time.dayOfYear == 318)
        #expect(time.weekOfMonth == 3)  // Nov 2023 began on a Wednesday: 1–4, 5–11, 12–18
        let leapDay = CivilTime(seconds: 951_782_400, zone: .utc)  // 2000-02-29 00:00 UTC
        #expect([leapDay.year, leapDay.month, leapDay.day, leapDay.dayOfYear, leapDay.weekday] == [2000, 2, 29, 60, 3])
        let beforeEpoch = CivilTime(seconds: -1, zone: .utc)
        #expect([beforeEpoch.year, beforeEpoch.month, beforeEpoch.day, beforeEpoch.hour, beforeEpoch.second] == [1969, 12, 31, 23, 59])
    }

    @Test func wallClockReadingsGoBackToTheSameMoment() throws {
        let zones = try ["America/New_York", "Europe/Berlin", "Australia/Sydney", "UTC"].map { try #require(SwitchTimeZone(identifier: $0)) }
        for zone in zones {
            // Every 7,919 seconds over two years, across each zone's changes of offset.
            for seconds in stride(from: Int64(1_672_531_200), to: 1_735_689_600, by: 7919) {
                let time = CivilTime(seconds: seconds, zone: zone)
                let back = CivilTime.seconds(year: time.year, month: time.month, day: time.day, hour: time.hour,
                                             minute: time.minute, second: time.second, zone: zone)
                // A reading repeated when clocks go back maps to its first occurrence.
                #expect(back == seconds || back == seconds - 3600, "\(zone.identifier) \(seconds)")
            }
        }
        // The hour New York skipped on 2023-03-12 (02:00 became 03:00 EDT): 02:30 reads as 03:30 EDT.
        let newYork = try #require(SwitchTimeZone(identifier: "America/New_York"))
        #expect(CivilTime.seconds(year: 2023, month: 3, day: 12, hour: 2, minute: 30, second: 0, zone: newYork) == 1_678_606_200)
        // Out-of-range fields carry over: month 13 of 2023 is January 2024, day 0 of March the last of February.
        #expect(CivilTime.seconds(year: 2023, month: 13, day: 1, hour: 0, minute: 0, second: 0, zone: .utc) == 1_704_067_200)
        #expect(CivilTime.seconds(year: 2024, month: 3, day: 0, hour: 0, minute: 0, second: 0, zone: .utc) == 1_709_164_800)
    }

    @Test func strftimeTZPrintsANamedZonesLocalTime() {
        let core = TestSwitch.make(clock: ManualClock(TestSwitch.start))
        let api = { (argument: String) in core.executeAPI("strftime_tz", argument).body }
        #expect(api("America/New_York 1700000000|%Y-%m-%d %H:%M:%S %z %a %j") == "2023-11-14 17:13:20 -0500 Tue 318")
        #expect(api("Europe/Berlin 1688212800|%F %T %z") == "2023-07-01 14:00:00 +0200")
        #expect(api("Nowhere/Special 0|%Y") == "-ERR Invalid timezone/format\n")
    }
}
