# bash completion for desk(1).
#
# A thin wrapper: every candidate comes from the binary (`desk __complete`,
# see cmd/complete.cpp), so commands, options and the values in desk.toml
# (types, channels, teams, ...) are never out of date. Where desk offers
# nothing (free text, paths), bash's file name completion takes over.
#
# Installed as bash-completion/completions/desk; or `source` this file.

# Runs `desk [--config F] [--db F] __complete ARGS...`, keeping the global
# options that choose the configuration, so the lists come from that file.
_desk_ask() {
  "$_desk_bin" "${_desk_globals[@]}" __complete "$@" 2>/dev/null
}

# Puts the candidates (the first tab-separated field of each line of $1)
# that start with $2 into COMPREPLY; with none, falls back to file names.
_desk_reply() {
  local line name any= quote=
  COMPREPLY=()
  while IFS= read -r line; do
    [ -n "$line" ] || continue
    any=1 name=${line%%$'\t'*}
    [[ $name == "$2"* ]] || continue
    COMPREPLY+=("$name")
    [[ $name == *[^[:alnum:]._@:+/-]* ]] && quote=1
  done <<<"$1"
  # bash quotes a name with a space or a shell character (an attachment's)
  # only when told the names are file names.
  [ -z "$quote" ] || compopt -o filenames 2>/dev/null
  [ -n "$any" ] || compopt -o default 2>/dev/null
  return 0
}

_desk() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev= opt= w i
  local cmd= sub= commands subs
  local _desk_bin=${COMP_WORDS[0]/#\~/$HOME}
  local -a _desk_globals=() typed=()
  [ "$COMP_CWORD" -gt 0 ] && prev=${COMP_WORDS[COMP_CWORD - 1]}

  # --opt=VALUE: bash splits it into --opt, = and VALUE.
  if [ "$cur" = "=" ]; then
    opt=$prev cur=
  elif [ "$prev" = "=" ] && [ "$COMP_CWORD" -gt 1 ]; then
    opt=${COMP_WORDS[COMP_CWORD - 2]}
  elif [[ $prev == -* ]]; then
    opt=$prev
  fi

  # The command and its sub-command: the first words that name them.
  commands=$(_desk_ask commands)
  for ((i = 1; i < COMP_CWORD; i++)); do
    w=${COMP_WORDS[i]}
    case $w in
      --config | --db)
        [ "${COMP_WORDS[i + 1]}" = "=" ] && ((i++))
        if ((i + 1 < COMP_CWORD)); then
          _desk_globals+=("$w" "${COMP_WORDS[i + 1]/#\~/$HOME}")
          ((i++))
        fi
        continue
        ;;
      =) continue ;;
    esac
    if [ -z "$cmd" ]; then
      [[ $w == -* ]] && continue
      if printf '%s\n' "$commands" | cut -f1 | grep -qxF -- "$w"; then
        cmd=$w
        subs=$(_desk_ask options "$cmd" | grep -v '^-')
      fi
    elif [ -z "$sub" ] && [ -n "$subs" ] && [[ $w != -* ]] &&
      printf '%s\n' "$subs" | cut -f1 | grep -qxF -- "$w"; then
      sub=$w
    else
      # What follows the command: desk sorts out which are its arguments.
      typed+=("$w")
    fi
  done
  local where=$cmd${sub:+ $sub}

  # The value of an option.
  if [ -n "$opt" ] && [[ $cur != -* ]]; then
    local values
    if values=$(_desk_ask values-for "$opt" "$where"); then
      _desk_reply "$values" "$cur"
      return 0
    fi
  fi
  # An option: the command's own, and the global ones.
  if [[ $cur == -* ]]; then
    local options
    if [ -n "$cmd" ]; then
      options=$(_desk_ask options "$where")$'\n'$(_desk_ask globals)
    else
      options=$(_desk_ask options "")
    fi
    _desk_reply "$options" "$cur"
    return 0
  fi
  if [ -z "$cmd" ]; then
    _desk_reply "$commands" "$cur"
    return 0
  fi
  # A sub-command, or the command's argument (ticket ids, command names).
  local args
  if [ -z "$sub" ] && [ -n "$subs" ]; then
    args=$subs
  else
    args=$(_desk_ask arguments "$where" "${typed[@]}")
  fi
  _desk_reply "$args" "$cur"
  return 0
}

complete -F _desk desk
