/// C `strftime` for the conversions FreeSWITCH's time commands are given in practice; any other
/// `%x` is copied as is.
enum StrftimeText {
    private static let weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    private static let months = ["January", "February", "March", "April", "May", "June", "July", "August",
                                 "September", "October", "November", "December"]

    /// C's `tzname` for a zone at `micros`: UTC and GMT are both `UTC`, as glibc names them.
    static func zoneName(_ zone: SwitchTimeZone, at micros: Int64) -> String {
        if zone.identifier == "UTC" || zone.identifier == "GMT" { return "UTC" }
        return zone.abbreviation(at: micros.floorDiv(1_000_000))
    }

    static func format(_ format: String, micros: Int64, zone: SwitchTimeZone, zoneName: String) -> String {
        let seconds = micros.floorDiv(1_000_000)
        let c = CivilTime(seconds: seconds, zone: zone)
        let offset = c.offset
        let two = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
        let dayOfYear = c.dayOfYear
        var out = ""
        var pending = false
        for character in format {
            guard pending else {
                if character == "%" { pending = true } else { out.append(character) }
                continue
            }
            pending = false
            switch character {
            case "Y": out += String(c.year)
            case "y": out += two(c.year % 100)
            case "m": out += two(c.month)
            case "d": out += two(c.day)
            case "e": out += (c.day < 10 ? " " : "") + String(c.day)
            case "H": out += two(c.hour)
            case "M": out += two(c.minute)
            case "S": out += two(c.second)
            case "T": out += "\(two(c.hour)):\(two(c.minute)):\(two(c.second))"
            case "F": out += "\(c.year)-\(two(c.month))-\(two(c.day))"
            case "D": out += "\(two(c.month))/\(two(c.day))/\(two(c.year % 100))"
            case "j": out += String(repeating: "0", count: 3 - String(dayOfYear).count) + String(dayOfYear)
            case "a": out += String(weekdays[c.weekday - 1].prefix(3))
            case "A": out += weekdays[c.weekday - 1]
            case "b", "h": out += String(months[c.month - 1].prefix(3))
            case "B": out += months[c.month - 1]
            case "s": out += String(seconds)
            case "z": out += (offset < 0 ? "-" : "+") + two(abs(offset) / 3600) + two(abs(offset) % 3600 / 60)
            case "Z": out += zoneName
            case "%": out += "%"
            default: out += "%" + String(character)
            }
        }
        return out
    }
}
