#!/bin/sh
# bench/mail.sh: the email channel's figures (issue 16) on a 1M-ticket store.
#   desk mail receive of a typical 30 KB customer reply, threaded by its
#     subject tag, vs desk note on the same ticket (target: within 1.5x) and
#     vs sqlite3 inserting the raw message and its event
#   1,000 messages delivered one process each (as an MTA's pipe does), each a
#     reply to another open ticket, vs 1,000 desk log calls
# Results: bench/out/mail-*.md (see bench/README.md).
. "$(dirname "$0")/common.sh"
build_desk
ensure_template
describe_machine mail-machine.md
work=$(work_copy mail)
db=$work/desk.db
export DESK_CONFIG=$work/desk.toml
q() { sqlite3 -init /dev/null "$db" "$1"; }
s="sqlite3 -init /dev/null"
grep -q '^\[mail\]' "$DESK_CONFIG" || printf '\n[mail]\naddress = "support@example.org"\n' >>"$DESK_CONFIG"

# Open tickets with a customer who has an address: the reply's sender must
# be the ticket's customer for its subject tag to count.
q "SELECT t.id, c.email FROM tickets t JOIN customers c ON c.id = t.customer_id
   WHERE t.status IN ('assigned', 'in-progress') AND c.email IS NOT NULL
   ORDER BY t.id DESC LIMIT 1001" | tr '|' ' ' >"$work/open"
read -r id email <"$work/open"
echo "mail: replies to ticket $id from $email; $(($(wc -l <"$work/open") - 1)) more for the batch" >&2
message="$root/bench/mail-message"

# One reply: each run gets a new Message-ID (a repeated one is a duplicate,
# which desk records once and skips).
echo 0 >"$work/n"
next="n=\$((\$(cat '$work/n') + 1)); echo \$n > '$work/n'; '$message' \$n $id '$email' > '$work/reply.eml'"
"$message" 0 "$id" "$email" >"$work/reply.eml"
echo "mail: the reply is $(wc -c <"$work/reply.eml") bytes" >&2
bench mail-receive --warmup 3 --runs "$runs" --prepare "$next" \
  -n "desk mail receive (30 KB reply)" "$desk mail receive < '$work/reply.eml' > /dev/null" \
  -n "desk note $id" "$desk note $id -m 'It dropped again this morning at 09:58.' > /dev/null" \
  -n "sqlite3: INSERT message + event" \
  "$s -cmd \".parameter set @id $id\" -cmd \".parameter set @file '$work/reply.eml'\" '$db' < '$sql/mail-receive.sql'"

# A thousand deliveries, one process each, against a thousand desk log;
# every round gets its own batch (new Message-IDs) before the clock starts.
echo 0 >"$work/round"
batch="r=\$((\$(cat '$work/round') + 1)); echo \$r > '$work/round'; '$message' --batch '$work/batch' \$r '$work/open'"
"$message" --batch "$work/batch" 0 "$work/open"
count=$(ls "$work/batch" | wc -l)
bench mail-batch --warmup 0 --runs 3 --prepare "$batch" \
  -n "$count x desk mail receive" \
  "for f in '$work'/batch/*.eml; do $desk mail receive < \"\$f\" > /dev/null; done" \
  -n "$count x desk log" \
  "for i in \$(seq $count); do $desk log 'VPN drops every hour' --customer '$email' --channel email -m 'Since Monday the VPN drops every hour.' -q > /dev/null; done"
echo "mail: $(q "SELECT count(*) FROM mail_messages WHERE direction = 'in'") messages stored," \
  "$(q "SELECT count(*) FROM mail_messages WHERE route = 'reply'") as replies" |
  tee "$out/mail-check.txt" >&2
