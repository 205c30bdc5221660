/// The other modules a stock FreeSWITCH build installs (`build/modules.conf.in`) and its default
/// `modules.conf.xml` loads, which the captured switch leaves on disk: `load` finds them. Each
/// lists its interfaces in the order its load function registers them.
extension SwitchModule {
    /// The stock modules `load` can add, beyond ``standardNames``.
    public static let stockNames: [String] = stock.map(\.name)

    /// Every stock module not loaded at start, with its interfaces and completion rows.
    public static let stock: [SwitchModule] = [conference, spandsp] + stockApplications + stockRouting + stockMedia

    /// The stock modules whose load function answers `SWITCH_STATUS_NOUNLOAD`: `unload` refuses them.
    public static let permanentNames: Set<String> = ["mod_valet_parking", "mod_lua"]

    /// The stock module called `name`, if a stock build has it.
    public static func stock(named name: String) -> SwitchModule? {
        stock.first { $0.name == name }
    }

    /// A module file in ``directory``.
    static func onDisk(_ name: String, _ interfaces: [SwitchInterface], rows: [[String]] = []) -> SwitchModule {
        SwitchModule(name: name, filename: "\(directory)/\(name).so", interfaces: interfaces, completionRows: rows)
    }
}
