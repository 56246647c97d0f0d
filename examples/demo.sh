#!/bin/sh
# A short tour of desk on a fresh store: `make demo` runs it.
# Usage: examples/demo.sh [path/to/desk]
set -eu
desk=$(cd "$(dirname "${1:-desk}")" && pwd)/$(basename "${1:-desk}")
demo=$(mktemp -d "${TMPDIR:-/tmp}/desk-demo-XXXXXX")
cd "$demo"
export DESK_USER=alice NO_COLOR=1
say() { printf '\n\033[1m$ %s\033[0m\n' "$*"; }
# The command as a person would type it, quoted where the shell needs it.
shown() {
  for a in "$@"; do
    case $a in
      "" | *[!A-Za-z0-9_./,:=@%+-]*) printf "'%s' " "$(printf '%s' "$a" | sed "s/'/'\\\\''/g")" ;;
      *) printf '%s ' "$a" ;;
    esac
  done
}
run() { say "$(shown "$@" | sed 's/ $//')"; "$@"; }
d() { run desk "$@"; }
desk() { "$desk" "$@"; }

echo "desk demo in $demo"
d init
say "# a second technician joins the service desk team"
run sed -i 's/^members = \["alice"\]/members = ["alice", "bob"]/' desk.toml
d config check
d log "Printer on floor 3 is jammed" --customer jane@example.org --channel phone \
  --category hardware --impact medium --urgency high -m "Paper jam; error E-041 on the panel."
d log "VPN drops every hour" --customer bob@example.org --channel email --category network \
  --impact high --urgency high --tag vpn -m "Since this morning's update."
d log "New starter needs a laptop" --type service-request --customer hr@example.org \
  --channel portal --category hardware --impact low --urgency low -m "Starts on Monday."
d note 2 --reply -m "We are looking into it; please use the office Wi-Fi meanwhile." --channel email
d edit 3 --priority P3 -m "Start date moved forward"
d list
say "# the lifecycle: allocate, work, wait, resolve"
d allocate --auto
d start 2
d pending 2 --on supplier -m "VPN vendor investigating"
d resume 2
d resolve 2 --code workaround -m "Client 4.2 bug; vendor fix due in 4.3" \
  --workaround "Reconnect from the web portal"
d resolve 1 --code fixed -m "Cleared the jam, replaced the pickup roller"
d list --all
say "# for a script: the urgent tickets, resolved ones too, as CSV"
d list --all --priority P1,P2 --format csv --columns id,status,priority,customer,title
d show 2
echo
echo "The store is $demo/desk.db; try: cd $demo && $desk list"
