#!/bin/sh
# desk hook: mail the customer when their ticket is resolved.
#
#   [hooks]
#   resolved = ["examples/hooks/mail-customer.sh"]
#
# desk passes {"hook", "event", "ticket"} as JSON on standard input. Needs jq,
# and a sendmail (from any MTA: exim4, postfix, msmtp-mta) or mailx.
# DESK_MAIL_FROM sets the sender (default: the service desk's address below).
set -eu
from=${DESK_MAIL_FROM:-"Service Desk <servicedesk@example.org>"}
command -v jq >/dev/null || { echo "mail-customer: needs jq (apt-get install jq)" >&2; exit 1; }
payload=$(cat)
to=$(printf '%s' "$payload" | jq -r '.ticket.customer_email // empty')
[ -n "$to" ] || exit 0   # no customer email: nobody to tell
id=$(printf '%s' "$payload" | jq -r '.ticket.id')
title=$(printf '%s' "$payload" | jq -r '.ticket.title')
resolution=$(printf '%s' "$payload" | jq -r '.ticket.resolution // ""')
workaround=$(printf '%s' "$payload" | jq -r '.ticket.workaround // ""')
body=$(cat <<MAIL
Hello,

your request #$id "$title" has been resolved:

$resolution
${workaround:+
Until the permanent fix, this works around it:
$workaround
}
If it is not solved, reply to this mail and we will reopen it.

-- 
$from
MAIL
)
subject="[#$id] Resolved: $title"
if command -v sendmail >/dev/null; then
  printf 'From: %s\nTo: %s\nSubject: %s\nContent-Type: text/plain; charset=utf-8\n\n%s\n' \
    "$from" "$to" "$subject" "$body" | sendmail -t
elif command -v mailx >/dev/null; then
  printf '%s\n' "$body" | mailx -s "$subject" "$to"
else
  echo "mail-customer: no sendmail or mailx found" >&2
  exit 1
fi
