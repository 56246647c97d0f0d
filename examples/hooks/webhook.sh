#!/bin/sh
# desk hook: post the event to a chat or paging webhook.
#
#   [hooks]
#   escalated = ["examples/hooks/webhook.sh"]
#   logged = ["examples/hooks/webhook.sh"]
#
# DESK_WEBHOOK_URL is where to post (e.g. a Mattermost, Slack or Teams
# incoming webhook, or your own service). The JSON desk passes on standard
# input is posted as it is; a non-2xx answer makes the hook fail, which desk
# reports and records in the ticket's history.
set -eu
url=${DESK_WEBHOOK_URL:?set DESK_WEBHOOK_URL to the webhook address}
exec curl --silent --show-error --fail --max-time 8 \
  --header 'Content-Type: application/json' --data-binary @- "$url" >/dev/null
