import SwitchCatalog

/// Groups of the standard command list the mock treats alike.
enum SwitchCatalogCommands {
    /// Commands whose first argument is a channel UUID (`uuid_*` and `break`), `uuid_exists` aside.
    static let channelCommands: [APICommand] = APICommand.standard.filter {
        ($0.name.hasPrefix("uuid_") || $0.name == "break") && $0.name != "uuid_exists"
    }
}
