import ESLProtocol

/// mod_hash's limit backend as a leg uses it (`uuid_limit`, `uuid_limit_release`): a leg counts
/// once per resource, the counts live in the core's table (`limit_usage` reads them), and the
/// hangup gives back what the leg still holds.
extension CallScript {
    /// Counts the leg in `realm_resource` unless that would pass `maximum` (negative: no
    /// maximum) or, with an `interval`, the rate in it; false when over. Sets the usage variables
    /// and fires `limit::usage` when the count goes up.
    mutating func limitIncrement(_ uuid: String, realm: String, resource: String, maximum: Int, interval: Int) -> Bool {
        let key = "\(realm)_\(resource)"
        let counts = !self[uuid].limitKeys.contains(key)
        let second = now.floorDiv(1_000_000)
        let usage: LimitUsage? = core.commandState.withLockedValue { state in
            var item = state.limits[key] ?? LimitUsage()
            defer { state.limits[key] = item }
            if interval > 0 {
                if item.lastCheck <= second - Int64(interval) {
                    item.rate = 1
                    item.lastCheck = second
                } else {
                    // The rate goes up whether or not the leg was counted already.
                    item.rate += 1
                    if maximum >= 0, item.rate > maximum { return nil }
                }
            } else if maximum >= 0, item.total + (counts ? 1 : 0) > maximum {
                return nil
            }
            if counts { item.total += 1 }
            return item
        }
        guard let usage else { return false }
        // The backend's name goes on the channel with the state hook that releases it.
        let backends = self[uuid].variables["limit_backend"]
        if backends == nil { self[uuid].variables.set("limit_backend", "hash") }
        if counts {
            self[uuid].limitKeys.append(key)
            var event = core.events.makeEvent("CUSTOM", subclass: "limit::usage", source: .limitFireEvent, time: now)
            for (name, value) in [("backend", "hash"), ("realm", realm), ("key", resource), ("usage", String(usage.total)),
                                  ("rate", String(usage.rate)), ("max", String(max(maximum, 0))), ("ratemax", String(max(maximum, 0)))] {
                event.addHeader(name, value)
            }
            emit(event)
        }
        for (name, value) in [("limit_usage", usage.total), ("limit_usage_\(key)", usage.total),
                              ("limit_rate", usage.rate), ("limit_rate_\(key)", usage.rate)] {
            self[uuid].variables.set(name, String(value))
        }
        return true
    }

    /// Entering CS_ROUTING (a transfer) gives back everything, unless `limit_ignore_transfer`.
    mutating func releaseLimitsOnTransfer(_ uuid: String) {
        guard book.legs[uuid] != nil, self[uuid].variables["limit_backend"] != nil,
              !SwitchTrue.isTrue(self[uuid].variables["limit_ignore_transfer"] ?? "") else { return }
        releaseLimits(uuid)
        self[uuid].variables.set("limit_backend", nil)
    }

    /// Gives back the leg's count in `key` (`realm_resource`), or in every resource it holds.
    mutating func releaseLimits(_ uuid: String, key: String? = nil) {
        guard let leg = book.legs[uuid] else { return }
        let released = leg.limitKeys.filter { key == nil || $0 == key }
        self[uuid].limitKeys.removeAll { released.contains($0) }
        core.commandState.withLockedValue { state in
            for key in released where (state.limits[key]?.total ?? 0) > 0 { state.limits[key]?.total -= 1 }
        }
    }
}

extension SourceLocation {
    // The line is an estimate: no capture shows this event.
    static let limitFireEvent = SourceLocation(file: "switch_limit.c", function: "switch_limit_fire_event", line: 56)
}
