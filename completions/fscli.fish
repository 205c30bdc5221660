# fish completion for fscli, the FreeSWITCH event socket console.
#
# Install as ~/.config/fish/completions/fscli.fish (or in a directory of $fish_complete_path).
# Tests/EndToEndTests/CompletionScriptTests.swift checks it against 'fscli --help'.

# True when the first argument is 'mock' (the subcommand is recognised only there).
function __fscli_using_mock
    set -l words (commandline -opc)
    test (count $words) -ge 2; and test "$words[2]" = mock
end

# True when no profile (or subcommand) has been given yet: every word so far is an option or an
# option's value.
function __fscli_needs_positional
    set -l words (commandline -opc)
    set -e words[1]
    set -l skip 0
    for word in $words
        if test $skip -eq 1
            set skip 0
        else if string match -qr -- '^(-[HPupxXldtTs]|--(host|port|user|password|password-file|execute|bgapi|loglevel|debug|timeout|connect-timeout|job-timeout|color|set-log-uuid|mock-traffic|events|record))$' $word
            set skip 1
        else if string match -q -- '-*' $word
            continue
        else
            return 1
        end
    end
    return 0
end

# True at the first argument, where 'mock' may go.
function __fscli_at_first_argument
    test (count (commandline -opc)) -eq 1
end

# The profile names of the configuration files (the first field of 'fscli --list-profiles').
function __fscli_profiles
    set -l fscli (commandline -opc)[1]
    command -q -- $fscli; or set fscli fscli
    command $fscli --list-profiles 2>/dev/null | string replace -r '\s.*$' ''
end

complete -c fscli -f

# The positional argument: the mock subcommand, or a profile.
complete -c fscli -n '__fscli_at_first_argument' -a mock -d 'Run a simulated FreeSWITCH event socket'
complete -c fscli -n 'not __fscli_using_mock; and __fscli_needs_positional' -a '(__fscli_profiles)' -d Profile

# fscli's options (not after 'mock').
set -l root 'not __fscli_using_mock'
complete -c fscli -n $root -s H -l host -x -a '(__fish_print_hostnames)' -d 'Switch address (default 127.0.0.1)'
complete -c fscli -n $root -s P -l port -x -d 'Event socket port (default 8021)'
complete -c fscli -n $root -s u -l user -x -d 'Log in with userauth as user@domain'
complete -c fscli -n $root -s p -l password -x -d 'Password (visible in ps)'
complete -c fscli -n $root -l password-file -r -F -d 'Read the password from the first line of FILE'
complete -c fscli -n $root -s i -l interrupt -d 'Let Ctrl-C exit'
complete -c fscli -n $root -s x -l execute -x -d 'Run an API command and exit (repeatable)'
complete -c fscli -n $root -s X -l bgapi -x -d 'Run an API command as a background job and exit (repeatable)'
complete -c fscli -n $root -l job-timeout -x -d 'Bound the wait for each background job, ms'
complete -c fscli -n $root -s l -l loglevel -x -a 'console alert crit err warning notice info debug' -d 'Log level to subscribe to'
complete -c fscli -n $root -s U -l log-uuid -d 'Prefix log lines with their call UUID'
complete -c fscli -n $root -s S -l log-uuid-short -d 'Prefix log lines with the UUID\'s first 8 characters'
complete -c fscli -n $root -s q -l quiet -d 'Do not subscribe to logs'
complete -c fscli -n $root -s r -l retry -d 'Retry connecting 120 times, 1 s apart (repeatable)'
complete -c fscli -n $root -s R -l reconnect -d 'Reconnect when the connection is lost'
complete -c fscli -n $root -s d -l debug -x -a '0 1 2 3 4 5 6 7' -d 'Client debug level'
complete -c fscli -n $root -s b -l batchmode -d 'Read commands as plain lines'
complete -c fscli -n $root -s t -l timeout -x -d 'Bound every request, ms (0: none)'
complete -c fscli -n $root -s T -l connect-timeout -x -d 'Bound connecting and logging in, ms (default 5000)'
complete -c fscli -n $root -s n -l no-color -d 'No colour (same as --color never)'
complete -c fscli -n $root -l color -x -a 'auto always never' -d 'When to colour output'
complete -c fscli -n $root -s s -l set-log-uuid -x -d 'Show only logs for this call'
complete -c fscli -n $root -s Q -l no-history-file -d 'Neither load nor save command history'
complete -c fscli -n $root -l no-pane -d 'Print inline: no log pane or status line'
complete -c fscli -n $root -l mock -d 'Talk to a built-in simulated switch'
complete -c fscli -n $root -l mock-traffic -x -d 'Simulated calls a second on the built-in switch'
complete -c fscli -n $root -l json -d 'One JSON object a line for each command, log line or event'
complete -c fscli -n $root -l follow -d 'Stream log lines and events until SIGINT or SIGTERM'
complete -c fscli -n $root -l events -x -d 'With --follow: the events to stream'
complete -c fscli -n $root -l events-json -d 'In batch mode: events and log lines as JSON lines'
complete -c fscli -n $root -l record -r -F -d 'Write every frame received to a file (.gz: compressed)'
complete -c fscli -n $root -l list-profiles -d 'List the configured profiles, then exit'
complete -c fscli -n $root -l version -d 'Show the version'
complete -c fscli -n $root -s h -l help -d 'Show help information'

# fscli mock's options.
set -l mock '__fscli_using_mock'
complete -c fscli -n $mock -l listen-ip -x -a '127.0.0.1 0.0.0.0 ::1 ::' -d 'Address to listen on (default 127.0.0.1)'
complete -c fscli -n $mock -l listen-port -x -d 'Port to listen on, 0 for a free one (default 8021)'
complete -c fscli -n $mock -l password -x -d 'Password clients must send (default ClueCon)'
complete -c fscli -n $mock -l acl -x -a 'loopback.auto localnet.auto any_v4.auto any_v6.auto' -d 'Network allowed to connect (repeatable)'
complete -c fscli -n $mock -l heartbeat -x -d 'Seconds between HEARTBEAT events (default 20)'
complete -c fscli -n $mock -l switchname -x -d 'The switch\'s name'
complete -c fscli -n $mock -l hostname -x -a '(__fish_print_hostnames)' -d 'The switch\'s host name'
complete -c fscli -n $mock -l config -r -F -d 'Read an event_socket.conf.xml'
complete -c fscli -n $mock -l user -x -d 'A userauth login NAME@DOMAIN:PASSWORD[:EVENTS[:API[:LOG]]]'
complete -c fscli -n $mock -l extension -x -d 'A dialplan extension NUMBER=APP[:ARGS],... (repeatable)'
complete -c fscli -n $mock -l calls-per-second -x -d 'Simulated calls to start each second'
complete -c fscli -n $mock -l call-seconds -x -d 'How long a simulated call talks, MIN-MAX seconds (default 10-60)'
complete -c fscli -n $mock -l max-calls -x -d 'At most this many simulated calls at once'
complete -c fscli -n $mock -l legacy-commands -d 'Also offer the commands FreeSWITCH 1.11 dropped'
complete -c fscli -n $mock -l module -x -a 'sofia' -d 'Also load a simulated module the captured switch lacks (repeatable)'
complete -c fscli -n $mock -l allow-system-commands -d 'Let system and bg_system run shell commands on this host'
complete -c fscli -n $mock -l http-port -x -d 'Also serve the HTTP API (mod_xml_rpc, event_sink) on this port'
complete -c fscli -n $mock -l http-user -x -d 'HTTP API Basic auth user (default freeswitch)'
complete -c fscli -n $mock -l http-password -x -d 'HTTP API Basic auth password (default works)'
complete -c fscli -n $mock -l event-sink-compat -x -a 'legacy current' -d 'Whether event_sink listeners get events'
complete -c fscli -n $mock -l replay -r -F -d 'Play a recording (fscli --record) to the listeners'
complete -c fscli -n $mock -l speed -x -d 'With --replay: play this many times faster (default 1)'
complete -c fscli -n $mock -l loop -d 'With --replay: start again once the last frame is out'
complete -c fscli -n $mock -s h -l help -d 'Show help information'
