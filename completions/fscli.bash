# bash completion for fscli, the FreeSWITCH event socket console.
#
# Install as /usr/share/bash-completion/completions/fscli (or source it from ~/.bashrc).
# Works with or without the bash-completion package: it only uses COMP_WORDS and compgen.
# Tests/EndToEndTests/CompletionScriptTests.swift checks it against 'fscli --help'.

# Prints the profile names of the configuration files, one a line.
_fscli_profiles()
{
    local fscli=${COMP_WORDS[0]}
    type -P -- "$fscli" >/dev/null 2>&1 || fscli=fscli
    "$fscli" --list-profiles 2>/dev/null | while read -r name _; do
        [[ -n $name ]] && printf '%s\n' "$name"
    done
}

# Sets COMPREPLY to the words of $1 that start with $2, one a line in $1.
_fscli_reply()
{
    local IFS=$'\n'
    COMPREPLY=($(compgen -W "$1" -- "$2"))
}

_fscli()
{
    local cur=${COMP_WORDS[COMP_CWORD]} prev="" prefix=""
    local -a words=("${COMP_WORDS[@]:0:COMP_CWORD}")
    (( COMP_CWORD > 0 )) && prev=${COMP_WORDS[COMP_CWORD-1]}
    COMPREPLY=()

    # --opt=value: bash splits at '=' when it is in COMP_WORDBREAKS (the default); otherwise
    # the whole word arrives and the value's candidates need the '--opt=' in front of them.
    if [[ $cur == = && $prev == --* ]]; then
        cur=""
    elif [[ $prev == = ]] && (( COMP_CWORD > 1 )); then
        prev=${COMP_WORDS[COMP_CWORD-2]}
    elif [[ $cur == --*=* ]]; then
        prev=${cur%%=*}
        prefix=$prev=
        cur=${cur#*=}
    fi

    local options values
    if [[ ${COMP_WORDS[1]} == mock ]] && (( COMP_CWORD > 1 )); then
        options="--listen-ip --listen-port --password --acl --heartbeat --switchname --hostname --config --user
            --extension --calls-per-second --call-seconds --max-calls --legacy-commands --module --allow-system-commands
            --http-port --http-user --http-password --event-sink-compat --replay --speed --loop -h --help"
        values=" --listen-ip --listen-port --password --acl --heartbeat --switchname --hostname --config --user --extension --calls-per-second --call-seconds --max-calls --module --http-port --http-user --http-password --event-sink-compat --replay --speed "
        case $prev in
            --listen-ip)
                _fscli_reply $'127.0.0.1\n0.0.0.0\n::1\n::' "$cur" ;;
            --acl)
                _fscli_reply $'loopback.auto\nlocalnet.auto\nany_v4.auto\nany_v6.auto' "$cur" ;;
            --hostname)
                COMPREPLY=($(compgen -A hostname -- "$cur")) ;;
            --event-sink-compat)
                _fscli_reply $'legacy\ncurrent' "$cur" ;;
            --module)
                _fscli_reply sofia "$cur" ;;
            --config | --replay)
                compopt -o filenames 2>/dev/null
                local IFS=$'\n'
                COMPREPLY=($(compgen -f -- "$cur")) ;;
            --listen-port | --password | --heartbeat | --switchname | --user | --extension | --calls-per-second | --call-seconds | --max-calls \
                | --http-port | --http-user | --http-password | --speed)
                ;;
            *)
                [[ $cur == -* ]] && COMPREPLY=($(compgen -W "$options" -- "$cur")) ;;
        esac
        [[ $values == *" $prev "* ]] && [[ -n $prefix ]] && COMPREPLY=("${COMPREPLY[@]/#/$prefix}")
        return 0
    fi

    options="-H --host -P --port -u --user -p --password --password-file -i --interrupt
        -x --execute -X --bgapi --job-timeout -l --loglevel -U --log-uuid -S --log-uuid-short -q --quiet -r --retry
        -R --reconnect -d --debug -b --batchmode -t --timeout -T --connect-timeout
        -n --no-color --color -s --set-log-uuid -Q --no-history-file --no-pane --mock --mock-traffic --json --follow --events --events-json --record --list-profiles
        --version -h --help"
    # Options that take a value, so that the word after them is not the profile.
    values=" -H --host -P --port -u --user -p --password --password-file -x --execute -X --bgapi --job-timeout -l --loglevel
        -d --debug -t --timeout -T --connect-timeout --color -s --set-log-uuid --mock-traffic --events --record "
    values=${values//$'\n'/ }

    case $prev in
        -H | --host)
            COMPREPLY=($(compgen -A hostname -- "$cur")) ;;
        --color)
            _fscli_reply $'auto\nalways\nnever' "$cur" ;;
        -l | --loglevel)
            _fscli_reply $'console\nalert\ncrit\nerr\nwarning\nnotice\ninfo\ndebug' "$cur" ;;
        -d | --debug)
            _fscli_reply $'0\n1\n2\n3\n4\n5\n6\n7' "$cur" ;;
        --password-file | --record)
            compopt -o filenames 2>/dev/null
            local IFS=$'\n'
            COMPREPLY=($(compgen -f -- "$cur")) ;;
        -P | --port | -u | --user | -p | --password | -x | --execute | -X | --bgapi | --job-timeout | -t | --timeout | \
            -T | --connect-timeout | -s | --set-log-uuid | --mock-traffic | --events)
            ;;
        *)
            if [[ $cur == -* ]]; then
                COMPREPLY=($(compgen -W "$options" -- "$cur"))
                return 0
            fi
            # The positional argument: 'mock' (only as the first word) or a profile, once.
            local i word skip="" positional=""
            for (( i = 1; i < COMP_CWORD; i++ )); do
                word=${words[i]}
                if [[ -n $skip ]]; then
                    skip=""
                elif [[ $word == = ]]; then
                    skip=""
                elif [[ $word == -* ]]; then
                    [[ $values == *" $word "* && ${words[i+1]} != = ]] && skip=1
                    [[ $word == -- ]] && break
                elif [[ ${words[i-1]} != = ]]; then
                    positional=$word
                    break
                fi
            done
            [[ -n $positional ]] && return 0
            local candidates
            candidates=$(_fscli_profiles)
            (( COMP_CWORD == 1 )) && candidates+=$'\nmock'
            _fscli_reply "$candidates" "$cur"
            return 0
            ;;
    esac
    [[ $values == *" $prev "* ]] && [[ -n $prefix ]] && COMPREPLY=("${COMPREPLY[@]/#/$prefix}")
    return 0
}

complete -F _fscli fscli
