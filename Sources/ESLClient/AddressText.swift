/// How addresses are written in messages: `host:port`, with brackets around IPv6 literals.
enum AddressText {
    static func format(host: String, port: Int) -> String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
}
