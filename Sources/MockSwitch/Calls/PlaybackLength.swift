/// How long the mock plays a file: `tone_stream://%(on,off,freq)` is one on+off cycle,
/// `silence_stream://N` is N ms, anything else a second (there are no sound files to measure).
enum PlaybackLength {
    static func milliseconds(_ path: String) -> Int {
        if path.hasPrefix("silence_stream://") {
            return max(0, Int(path.dropFirst("silence_stream://".count).prefix { $0.isNumber }) ?? 0)
        }
        if path.hasPrefix("tone_stream://"), let open = path.firstIndex(of: "("), let close = path.firstIndex(of: ")"),
           open < close {
            let numbers = path[path.index(after: open)..<close].split(separator: ",").compactMap { Int($0) }
            return numbers.prefix(2).reduce(0, +)
        }
        return 1000
    }
}
