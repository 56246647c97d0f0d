# fish completion for desk(1).
#
# A thin wrapper: every candidate comes from the binary (`desk __complete`,
# see cmd/complete.cpp), so commands, options and the values in desk.toml
# (types, channels, teams, ...) are never out of date. Where desk offers
# nothing (free text, paths), file names are offered instead.
#
# Installed in fish/vendor_completions.d; or copy it to
# ~/.config/fish/completions/desk.fish.

# Prints candidates ("name<TAB>description") for the token under the cursor.
function __desk_candidates
    set -l tokens (commandline -opc)
    set -l cur (commandline -ct)
    # desk [--config F] [--db F] __complete ...: the global options that
    # choose the configuration are kept, so the lists come from that file.
    set -l ask (string replace -r '^~' $HOME -- $tokens[1])
    set -l cmds
    set -l cmd
    set -l sub
    set -l subs
    set -l typed
    set -l i 2
    while test $i -le (count $tokens)
        set -l w $tokens[$i]
        switch $w
            case --config --db
                if test $i -lt (count $tokens)
                    set i (math $i + 1)
                    set -a ask $w (string replace -r '^~' $HOME -- $tokens[$i])
                end
            case '--config=*' '--db=*'
                set -a ask $w
            case '*'
                if test -z "$cmd"
                    if not string match -q -- '-*' $w
                        test -z "$cmds"; and set cmds ($ask __complete commands 2>/dev/null | string replace -r '\t.*' '')
                        if contains -- $w $cmds
                            set cmd $w
                            set subs ($ask __complete options $cmd 2>/dev/null | string match -v -- '-*')
                        end
                    end
                else if test -z "$sub"; and not string match -q -- '-*' $w; and contains -- $w (string replace -r '\t.*' '' -- $subs)
                    set sub $w
                else
                    # What follows the command: desk sorts out which are its arguments.
                    set -a typed $w
                end
        end
        set i (math $i + 1)
    end
    set -l where (string join ' ' -- $cmd $sub)
    set -a ask __complete

    # The value of an option: --opt VALUE or --opt=VALUE.
    set -l opt
    set -l prefix
    if string match -qr -- '^--[^=]+=' $cur
        set opt (string replace -r -- '=.*' '' $cur)
        set prefix $opt=
        set cur (string replace -r -- '^[^=]*=' '' $cur)
    else if string match -q -- '-*' $tokens[-1]; and not string match -q -- '-*' $cur
        set opt $tokens[-1]
    end
    if test -n "$opt"
        set -l values ($ask values-for $opt "$where" 2>/dev/null)
        if test $status -eq 0
            if test -n "$values"
                printf '%s\n' "$prefix"$values
            else
                __fish_complete_path $cur | string replace -r -- '^' "$prefix"
            end
            return
        end
    end

    set -l offer
    if string match -q -- '-*' $cur
        if test -n "$cmd"
            set offer ($ask options "$where" 2>/dev/null) ($ask globals 2>/dev/null)
        else
            set offer ($ask options '' 2>/dev/null | string match -- '-*')
        end
    else if test -z "$cmd"
        set offer ($ask commands 2>/dev/null)
    else if test -z "$sub"; and test -n "$subs"
        set offer $subs
    else
        set offer ($ask arguments "$where" $typed 2>/dev/null)
        test -n "$offer"; or set offer (__fish_complete_path $cur)
    end
    printf '%s\n' $offer
end

complete -c desk -f -a '(__desk_candidates)'
