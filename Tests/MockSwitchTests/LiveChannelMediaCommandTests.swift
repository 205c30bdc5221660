import Foundation
import ESLClient
import ESLProtocol
@testable import MockSwitch
import TestSupport
import Testing

/// The `uuid_*` media, message and flow commands on a parked loopback call: each answers what
/// FreeSWITCH answers for a loopback channel (no RTP, no media handle, a message it accepts), with
/// the events and variables it changes, and its usage line without arguments.
@Suite(.timeLimit(.minutes(3))) struct LiveChannelMediaCommandTests {
    /// Commands whose whole effect on a parked loopback leg is their reply. Those that print
    /// nothing reach the client as the event socket's `-ERR no reply`.
    static let replies: [(String, String)] = [
        ("uuid_deflect %@ sip:bob@example.com", "+OK:(null)\n"),
        ("uuid_redirect %@ sip:bob@example.com", "+OK:(null)\n"),
        ("uuid_recovery_refresh %@ sip:bob@example.com", "+OK:(null)\n"),
        ("uuid_set_media_stats %@", "+OK:\n"),
        ("uuid_media %@", "-ERR Operation failed\n"),
        ("uuid_media off %@", "+OK Success\n"),
        ("uuid_media_3p %@", "-ERR Operation failed\n"),
        ("uuid_media_3p off %@", "+OK Success\n"),
        ("uuid_media_params %@ {\"x\":1}", "-ERR Operation failed\n"),
        ("uuid_media_reneg %@ PCMU", "+OK Success\n"),
        ("uuid_phone_event %@ talk", "+OK Success\n"),
        ("uuid_simplify %@", "+OK Success\n"),
        ("uuid_jitterbuffer %@ 60:200", "+OK Success\n"),
        ("uuid_debug_media %@ both on", "+OK Success\n"),
        ("uuid_codec_debug %@ audio 1", "+OK Success\n"),
        ("uuid_codec_param %@ audio read bitrate 8000", "+OK Command sent reply: [NOT SENT]\n"),
        ("uuid_send_info %@ text plain hello there", "+OK Success\n"),
        ("uuid_send_message %@ hello", "+OK Success\n"),
        ("uuid_xfer_zombie %@", "+OK Success\n"),
        ("uuid_zombie_exec %@", "+OK MMM Brains...\n"),
        ("uuid_early_ok %@", "-ERR no reply\n"),
        ("uuid_ring_ready %@ queued", "+OK\n"),
        ("uuid_chat %@ hello there", "-ERR Send failed\n"),
        ("uuid_send_text %@ hello there", "+OK\n"),
        ("uuid_capture_text %@ on", "-ERR no reply\n"),
        ("uuid_msrp_send %@ hello", "-ERR No msrp_session.\n"),
        ("uuid_loglevel %@ debug", "+OK\n"),
        ("uuid_loglevel %@ -b info", "+OK\n"),
        ("uuid_loglevel %@ loud", "-ERR Invalid log level!\n"),
        ("uuid_pause %@ on", "-ERR no reply\n"),
        ("pause %@ off", "-ERR no reply\n"),
        ("uuid_video_refresh %@", "+OK Success\n"),
        ("uuid_video_bitrate %@ 1mb", "+OK Success\n"),
        ("uuid_video_bandwidth %@ 1mb", "+OK Success\n"),
        ("uuid_fileman %@ pause", "-ERR No file handle!\n"),
        ("uuid_preprocess %@ read_agc=1", "+OK\n"),
        ("uuid_outgoing_answer %@", "+OK\n"),
        ("uuid_limit_release %@ hash realm none", "+OK"),
    ]

    /// Each command's text with the live channel named but its other arguments missing.
    static let usages: [(String, String)] = [
        ("uuid_chat %@", "-USAGE: <uuid> <text>\n"),
        ("uuid_capture_text %@", "-USAGE: <uuid> <on|off>\n"),
        ("uuid_deflect %@", "-USAGE: <uuid> <uri>\n"),
        ("uuid_drop_dtmf %@ on", "-USAGE: <uuid> [on | off ] [ mask_digits <digits> | mask_file <file>]\n"),
        ("uuid_drop_dtmf %@ on mask_what 1", "-USAGE: <uuid> [on | off ] [ mask_digits <digits> | mask_file <file>]\n"),
        ("uuid_audio %@", "-USAGE: <uuid> [start [read|write] [mute|level <level>]|stop]\n"),
        ("uuid_audio %@ start both mute 1", "-USAGE: <uuid> [start [read|write] [mute|level <level>]|stop]\n"),
        ("uuid_displace %@ start", "-USAGE: <uuid> [start|stop] <path> [<limit>] [mux]\n"),
        ("uuid_displace %@ pause /tmp/x.wav", "-USAGE: <uuid> [start|stop] <path> [<limit>] [mux]\n"),
        ("uuid_codec_param %@ audio", "-USAGE: <uuid> audio|video read|write <param> <val>\n-ERR Operation Failed [NOT SENT]\n"),
        ("uuid_video_bitrate %@", "-USAGE: <uuid> [auto|manual]\n-ERR Operation Failed\n"),
        ("uuid_send_info %@ text plain", "-USAGE: <uuid> [<mime_type> <mime_subtype>] <message>\n-ERR Operation Failed\n"),
        ("uuid_ring_ready %@ loudly", "-USAGE: <uuid> [queued]\n"),
        ("uuid_recv_dtmf %@", "-USAGE: <uuid> <dtmf_data>\n"),
        ("uuid_session_heartbeat %@", "-USAGE: uuid_session_heartbeat <uuid> [sched] [0|<seconds>]\n"),
        ("uuid_limit %@ hash realm", "USAGE: uuid_limit <uuid> <backend> <realm> <resource> [<max>[/interval]] [number [dialplan [context]]]\n"),
        ("uuid_limit_release %@", "USAGE: uuid_limit_release <uuid> <backend> [realm] [resource]\n"),
        ("uuid_msrp_send %@", "-ERR Usage: uuid_msrp_send <uuid> msg\n"),
        ("uuid_loglevel %@", "-USAGE: <uuid> <level>\n"),
        ("uuid_pause %@", "-USAGE: <uuid> <on|off>\n"),
        ("uuid_fileman %@", "-USAGE: <uuid> <cmd>:<val>\n"),
        ("uuid_preprocess %@", "-USAGE: <>\n"),
        ("uuid_dual_transfer %@ 9196", "-USAGE: <uuid> <A-dest-exten>[/<A-dialplan>][/<A-context>] <B-dest-exten>[/<B-dialplan>][/<B-context>]\n"),
    ]

    /// Without arguments: the usage, and after it, for some, the failure they report.
    static let bare: [(String, String)] = [
        ("uuid_media", "-USAGE: [off] <uuid>\n-ERR Operation failed\n"),
        ("uuid_media_reneg", "-USAGE: <uuid>[ <codec_string>]\n-ERR Operation Failed\n"),
        ("uuid_phone_event", "-USAGE: <uuid>\n-ERR Operation failed\n"),
        ("uuid_xfer_zombie", "-USAGE: <uuid>\n-ERR Operation Failed\n"),
        ("uuid_video_refresh", "-USAGE: <uuid> [auto|manual]\n-ERR Operation Failed\n"),
        ("uuid_session_heartbeat", "-USAGE: uuid_session_heartbeat <uuid> [sched] [0|<seconds>]\n"),
        ("uuid_simplify", "-USAGE: <uuid>\n"),
        ("uuid_early_ok", "-ERROR\n"),
        ("uuid_zombie_exec", "-ERR no such session\n"),
        ("uuid_buglist", "-USAGE: <uuid>\n"),
    ]

    @Test func messagesFlagsAndTextAnswerAsOnLoopback() async throws {
        let (rig, a) = try await LiveChannelCommandTests.parkedCall()
        for (line, reply) in Self.replies + Self.usages {
            let command = line.replacingOccurrences(of: "%@", with: a)
            #expect(try await rig.api(command) == reply, "\(command)")
        }
        for (line, reply) in Self.bare {
            #expect(try await rig.api(line) == reply, "\(line)")
        }
        // Too few arguments is a usage, known channel or not.
        #expect(try await rig.api("uuid_drop_dtmf \(LiveChannelCommandTests.nobody) on") == Self.usages[3].1)
        let b = try await rig.api("uuid_getvar \(a) other_loopback_leg_uuid")
        #expect(try await rig.api("uuid_outgoing_answer \(b)") == "-ERR Not an outbound channel!\n")
        #expect(try await rig.api("uuid_video_refresh \(a) manual") == "loopback/7000-a video refresh now in manual mode.\n+OK Success\n")
        #expect(try await rig.api("uuid_video_refresh \(a) whatever") == "loopback/7000-a video refresh now in manual mode.\n+OK Success\n")
        #expect(try await rig.api("uuid_video_refresh \(a) auto") == "loopback/7000-a video refresh now in auto mode.\n+OK Success\n")
        // Texts for a channel that is not there, from the same functions.
        let nobody = LiveChannelCommandTests.nobody
        #expect(try await rig.api("uuid_chat \(nobody) hi") == "-ERR No such channel \(nobody)!\n")
        #expect(try await rig.api("uuid_zombie_exec \(nobody)") == "-ERR no such session\n")
        #expect(try await rig.api("uuid_early_ok \(nobody)") == "-ERROR\n")
        #expect(try await rig.api("uuid_buglist \(nobody)") == "-ERR no reply\n")
        #expect(try await rig.api("uuid_send_message \(nobody) hi") == "-ERR Unable to find session for UUID\n")
        #expect(try await rig.api("uuid_limit \(nobody) hash r x") == "-ERR Cannot find session with uuid \(nobody)\n")
        await rig.stop()
    }

    @Test func audioAndDisplaceAddMediaBugsThatBuglistShows() async throws {
        var (rig, a) = try await LiveChannelCommandTests.parkedCall()
        #expect(try await rig.api("uuid_buglist \(a)") == "<media-bugs>\n</media-bugs>\n")
        #expect(try await rig.api("uuid_audio \(a) start read mute 1") == "+OK\n")
        let start = try #require(await rig.event("MEDIA_BUG_START", a))
        #expect(start["Media-Bug-Function"] == "audio" && start["Media-Bug-Target"] == "mute")
        #expect(try await rig.api("uuid_displace \(a) start /tmp/music.wav 0 l") == "+OK Success\n")
        #expect(try await rig.event("MEDIA_BUG_START", a)?["Media-Bug-Target"] == "/tmp/music.wav")
        #expect(try await rig.api("uuid_displace \(a) start /tmp/music.wav") == "-ERR Cannot displace session!\n")
        #expect(try await rig.api("uuid_buglist \(a)") == """
            <media-bugs>
             <media-bug>
              <function>audio</function>
              <target>mute</target>
              <thread-locked>0</thread-locked>
             </media-bug>
             <media-bug>
              <function>displace</function>
              <target>/tmp/music.wav</target>
              <thread-locked>0</thread-locked>
             </media-bug>
            </media-bugs>

            """)
        #expect(try await rig.api("uuid_displace \(a) stop /tmp/music.wav") == "+OK Success\n")
        #expect(try await rig.event("MEDIA_BUG_STOP", a)?["Media-Bug-Function"] == "displace")
        #expect(try await rig.api("uuid_displace \(a) stop /tmp/music.wav") == "-ERR Cannot stop displace session!\n")
        #expect(try await rig.api("uuid_audio \(a) stop") == "+OK\n")
        #expect(try await rig.event("MEDIA_BUG_STOP", a)?["Media-Bug-Function"] == "audio")
        // A bug with nothing to do leaves at once; preprocess's has no target.
        #expect(try await rig.api("uuid_audio \(a) start read mute 0") == "+OK\n")
        #expect(try await rig.event("MEDIA_BUG_START", a)?["Media-Bug-Function"] == "audio")
        #expect(try await rig.event("MEDIA_BUG_STOP", a)?["Media-Bug-Function"] == "audio")
        #expect(try await rig.api("uuid_preprocess \(a) r.agc=1") == "+OK\n")
        #expect(try await rig.event("MEDIA_BUG_START", a)?["Media-Bug-Target"] == "N/A")
        #expect(try await rig.api("uuid_preprocess \(a) stop") == "+OK\n")
        #expect(try await rig.event("MEDIA_BUG_STOP", a)?["Media-Bug-Function"] == "preprocess")
        // A displaced file without the loop flag ends by itself (a second here).
        #expect(try await rig.api("uuid_displace \(a) start silence_stream://100") == "+OK Success\n")
        #expect(try await rig.event("MEDIA_BUG_STOP", a)?["Media-Bug-Target"] == "silence_stream://100")
        #expect(try await rig.api("uuid_buglist \(a)") == "<media-bugs>\n</media-bugs>\n")
        // A bare name is opened under the base directory, with the codec's name as extension;
        // stop takes the name it is given, so only the full one stops it.
        let base = try await rig.api("global_getvar base_dir")
        #expect(try await rig.api("uuid_displace \(a) start music 0 l") == "+OK Success\n")
        #expect(try await rig.event("MEDIA_BUG_START", a)?["Media-Bug-Target"] == base + "/music.L16")
        #expect(try await rig.api("uuid_displace \(a) stop music") == "-ERR Cannot stop displace session!\n")
        #expect(try await rig.api("uuid_displace \(a) stop \(base)/music.L16") == "+OK Success\n")
        #expect(try await rig.event("MEDIA_BUG_STOP", a)?["Media-Bug-Target"] == base + "/music.L16")
        // The hangup takes the bugs still on the leg off, a recording first with its stop.
        #expect(try await rig.api("uuid_record \(a) start /tmp/call.wav") == "+OK Success\n")
        #expect(try await rig.api("uuid_audio \(a) start write level 2") == "+OK\n")
        #expect(try await rig.api("uuid_kill \(a)") == "+OK\n")
        let names = await rig.eventNames(until: "CHANNEL_DESTROY", channel: a).filter { ["RECORD_STOP", "MEDIA_BUG_STOP", "CHANNEL_HANGUP", "CHANNEL_STATE"].contains($0) }
        #expect(names.prefix(5) == ["CHANNEL_HANGUP", "RECORD_STOP", "MEDIA_BUG_STOP", "MEDIA_BUG_STOP", "CHANNEL_STATE"])
        #expect(try await rig.api("uuid_getvar \(a) record_completion_cause") == "-ERR No such channel!\n")
        await rig.stop()
    }

    @Test func dtmfTheLegReceivesAndDrops() async throws {
        var (rig, a) = try await LiveChannelMediaCommandTests.parkedCall()
        #expect(try await rig.api("uuid_recv_dtmf \(a) 42@100") == "+OK \(a) received DTMF 42@100.\n")
        var digits: [String] = []
        while digits.count < 2, let event = try await rig.event("DTMF", a) {
            #expect(event["DTMF-Duration"] == "800" && event["DTMF-Source"] == "APP")
            digits.append(event["DTMF-Digit"] ?? "")
        }
        #expect(digits == ["4", "2"])
        #expect(try await rig.api("uuid_recv_dtmf \(a) xyz") == "-USAGE: <uuid> <dtmf_data>\n")
        #expect(try await rig.api("uuid_drop_dtmf \(a) on mask_digits 1") == "+OK \(a) is dropping DTMF. mask_file: NONE mask_digits: 1\n")
        #expect(try await rig.api("uuid_getvar \(a) drop_dtmf") == "true")
        // Dropped: what the leg sends never reaches the other half; what it receives still comes.
        let b = try await rig.api("uuid_getvar \(a) other_loopback_leg_uuid")
        #expect(try await rig.api("uuid_send_dtmf \(a) 7") == "+OK \(a) sent DTMF 7.\n")
        #expect(try await rig.api("uuid_recv_dtmf \(b) 8") == "+OK \(b) received DTMF 8.\n")
        #expect(try await rig.event("DTMF", b)?["DTMF-Digit"] == "8")
        #expect(try await rig.api("uuid_drop_dtmf \(a) on mask_digits 1") == "+OK \(a) is dropping DTMF. mask_file: NONE mask_digits: 1\n")
        #expect(try await rig.api("uuid_drop_dtmf \(a) off mask_file /tmp/beep.wav") == "+OK \(a) is not dropping DTMF. mask_file: /tmp/beep.wav mask_digits: NONE\n")
        #expect(try await rig.api("uuid_getvar \(a) drop_dtmf_masking_digits") == "_undef_")
        await rig.stop()
    }

    @Test func filemanStopEndsThePlayingFile() async throws {
        var (rig, a) = try await LiveChannelMediaCommandTests.parkedCall()
        #expect(try await rig.api("uuid_broadcast \(a) tone_stream://%(50000,0,350) aleg") == "+OK Message sent\n")
        _ = try #require(await rig.event("PLAYBACK_START", a))
        #expect(try await rig.api("uuid_fileman \(a) pause") == "+OK\n")
        #expect(try await rig.api("uuid_fileman \(a) stop") == "+OK\n")
        #expect(try await rig.event("PLAYBACK_STOP", a)?["Playback-Status"] == "done")
        #expect(try await rig.api("uuid_getvar \(a) current_application_response") == "FILE PLAYED")
        await rig.stop()
    }

    @Test func sessionHeartbeatFiresUntilTurnedOff() async throws {
        var (rig, a) = try await LiveChannelMediaCommandTests.parkedCall()
        #expect(try await rig.api("uuid_session_heartbeat \(a) 1") == "+OK\n")
        let beat = try #require(await rig.event("SESSION_HEARTBEAT", a))
        #expect(beat["Channel-Name"] == "loopback/7000-a")
        #expect(try await rig.event("SESSION_HEARTBEAT", a) != nil)
        // Fired on set, the first beat does not wait the minute.
        #expect(try await rig.api("uuid_setvar \(a) heartbeat_fire_on_set true") == "+OK\n")
        #expect(try await rig.api("uuid_session_heartbeat \(a) 60") == "+OK\n")
        #expect(try await rig.event("SESSION_HEARTBEAT", a) != nil)
        #expect(try await rig.api("uuid_session_heartbeat \(a) off") == "+OK\n")
        let offAt = UInt64(Date().timeIntervalSince1970 * 1_000_000)
        #expect(try await rig.api("uuid_session_heartbeat \(LiveChannelCommandTests.nobody) 5")
            == "-ERR Cannot locate session. USAGE: uuid_session_heartbeat <uuid> [sched] [0|<seconds>]\n")
        // Turned off, the leg beats no more. Beats of the 1 s timer fired before `off` may still be
        // unread (a busy test run reads late), so each beat before the hangup must predate `off`.
        #expect(try await rig.api("uuid_kill \(a)") == "+OK\n")
        while let notification = await rig.events.next() {
            guard case .event(let event) = notification, event["Unique-ID"] == a else { continue }
            if event["Event-Name"] == "CHANNEL_HANGUP" { break }
            if event["Event-Name"] == "SESSION_HEARTBEAT" {
                let at = UInt64(event["Event-Date-Timestamp"] ?? "") ?? .max
                #expect(at <= offAt, "a heartbeat at \(at), after off at \(offAt)")
            }
        }
        await rig.stop()
    }

    @Test func limitCountsTheChannelOnceAndGivesItBackAtHangup() async throws {
        var (rig, a) = try await LiveChannelMediaCommandTests.parkedCall()
        #expect(try await rig.api("uuid_limit \(a) hash trunks out 1") == "+OK")
        var usage: ESLEvent?
        while usage == nil, let notification = await rig.events.next() {
            if case .event(let event) = notification, event["Event-Subclass"] == "limit::usage" { usage = event }
        }
        #expect(usage?["realm"] == "trunks" && usage?["key"] == "out" && usage?["usage"] == "1" && usage?["max"] == "1")
        #expect(try await rig.api("limit_usage hash trunks out") == "1")
        #expect(try await rig.api("uuid_getvar \(a) limit_usage_trunks_out") == "1")
        #expect(try await rig.api("uuid_getvar \(a) limit_backend") == "hash")
        // The same channel counts once.
        #expect(try await rig.api("uuid_limit \(a) hash trunks out 1") == "+OK")
        #expect(try await rig.api("limit_usage hash trunks out") == "1")
        #expect(try await rig.api("uuid_limit_release \(a) hash") == "+OK")
        #expect(try await rig.api("limit_usage hash trunks out") == "0")
        #expect(try await rig.api("uuid_limit \(a) hash trunks out 1") == "+OK")
        // The other leg finds the resource full and hangs up with the cause it was given.
        let b = try await rig.api("uuid_getvar \(a) other_loopback_leg_uuid")
        #expect(try await rig.api("uuid_limit \(b) hash trunks out 1 !USER_BUSY") == "+OK")
        _ = await rig.eventNames(until: "CHANNEL_DESTROY", channel: a)
        #expect(try await rig.api("limit_usage hash trunks out") == "0")
        await rig.stop()
    }

    @Test func limitPastTheMaximumSendsTheChannelOn() async throws {
        var (rig, a) = try await LiveChannelMediaCommandTests.parkedCall()
        let b = try await rig.api("uuid_getvar \(a) other_loopback_leg_uuid")
        #expect(try await rig.api("uuid_limit \(b) hash trunks out 1") == "+OK")
        // Over the maximum the channel goes to `limit_exceeded`, which this dialplan lacks.
        #expect(try await rig.api("uuid_limit \(a) hash trunks out 1") == "+OK")
        let hangup = try #require(await rig.event("CHANNEL_HANGUP", a))
        #expect(hangup["Hangup-Cause"] == "NO_ROUTE_DESTINATION")
        // A backend that is not loaded fails the same way.
        var (other, c) = try await LiveChannelMediaCommandTests.parkedCall()
        #expect(try await other.api("uuid_limit \(c) db trunks out") == "+OK")
        #expect(try await other.event("CHANNEL_HANGUP", c)?["Hangup-Cause"] == "NO_ROUTE_DESTINATION")
        await other.stop()
        await rig.stop()
    }

    @Test func dualTransferMovesTheChannel() async throws {
        var (rig, a) = try await LiveChannelMediaCommandTests.parkedCall()
        #expect(try await rig.api("uuid_limit \(a) hash calls any") == "+OK")
        #expect(try await rig.api("limit_usage hash calls any") == "1")
        #expect(try await rig.api("uuid_dual_transfer \(a) 9196/XML/default 9664") == "+OK\n")
        _ = await rig.eventNames(until: "CHANNEL_UNPARK", channel: a)
        _ = try #require(await rig.event("CHANNEL_EXECUTE", a))
        #expect(try await rig.api("uuid_getvar \(a) current_application") == "echo")
        // Routing again gave back what the channel held.
        #expect(try await rig.api("limit_usage hash calls any") == "0")
        await rig.stop()
    }

    @Test func jsonExecuteRunsTheApplicationAndMediaStatsHasNoRTP() async throws {
        var (rig, a) = try await LiveChannelMediaCommandTests.parkedCall()
        let reply = try await rig.api(#"json {"command":"execute","data":{"uuid":"\#(a)","app":"set","arg":"json_x=1"}}"#)
        #expect(reply == #"{"command":"execute","data":{"uuid":"\#(a)","app":"set","arg":"json_x=1"},"status":"success","response":{"channelName":"loopback/7000-a"}}"# + "\n")
        let execute = try #require(await rig.event("CHANNEL_EXECUTE", a))
        #expect(execute["Application"] == "set" && execute["Application-Data"] == "json_x=1")
        #expect(try await rig.api("uuid_getvar \(a) json_x") == "1")
        let stats = try await rig.api(#"json {"command":"mediaStats","data":{"uuid":"\#(a)"}}"#)
        #expect(stats == #"{"command":"mediaStats","data":{"uuid":"\#(a)"},"status":"success","response":{}}"# + "\n")
        let withData = try await rig.api(#"json {"command":"mediaStats","data":{"uuid":"\#(a)","channelData":true}}"#)
        #expect(withData.contains(#""response":{"channelData":{"Event-Name":"CHANNEL_DATA""#))
        // Inline, the application has run before the reply.
        _ = try await rig.api(#"json {"command":"execute","data":{"uuid":"\#(a)","app":"set","arg":"json_y=2","inline":"true"}}"#)
        #expect(try await rig.api("uuid_getvar \(a) json_y") == "2")
        let nobody = LiveChannelCommandTests.nobody
        #expect(try await rig.api(#"json {"command":"mediaStats","data":{"uuid":"\#(nobody)"}}"#).hasSuffix(
            #""status":"error","message":"The command returned an error","response":{"response":"Session does not exist"}}"# + "\n"))
        #expect(try await rig.api(#"json {"command":"execute","data":{"uuid":"\#(a)"}}"#).hasSuffix(
            #""response":{"response":"INVALID INPUT"}}"# + "\n"))
        #expect(try await rig.api(#"json {"command":"channelData","data":{"uuid":"\#(a)"}}"#).contains(#""response":{"channelData":{"#))
        await rig.stop()
    }

    @Test func ringReadyRingsAChannelNotYetAnswered() async throws {
        var (rig, leg, originating) = try await LiveChannelCommandTests.unansweredLeg()
        #expect(try await rig.api("uuid_ring_ready \(leg)") == "+OK\n")
        #expect(await rig.eventNames(until: "CHANNEL_PROGRESS", channel: leg) == ["CHANNEL_CALLSTATE", "CHANNEL_PROGRESS"])
        #expect(try await rig.api("show channels").contains(",RINGING,"))
        await originating.stop()
        await rig.stop()
    }

    static func parkedCall() async throws -> (CallTests.Rig, String) {
        try await LiveChannelCommandTests.parkedCall()
    }
}

extension CallTests.Rig {
    /// The next event named `name` on `channel` (the suite's time limit bounds the wait).
    mutating func event(_ name: String, _ channel: String) async throws -> ESLEvent? {
        while let notification = await events.next() {
            if case .event(let event) = notification, event["Event-Name"] == name, event["Unique-ID"] == channel { return event }
        }
        return nil
    }
}
