#!/bin/sh
# Bulk allocation from a script: every unassigned open ticket in a category
# goes to one team (or technician) in one all-or-nothing batch.
#
#   examples/bulk-allocate.sh network infrastructure
#
# It pipes ids from `desk list -q` into `desk allocate -`; when any ticket
# cannot be allocated nothing is, and the exit status says why (desk(1)).
set -eu
category=${1:?usage: bulk-allocate.sh CATEGORY TEAM-OR-TECHNICIAN}
to=${2:?usage: bulk-allocate.sh CATEGORY TEAM-OR-TECHNICIAN}
desk=${DESK:-desk}
ids=$("$desk" list -q --assignee none --category "$category")
if [ -z "$ids" ]; then
  echo "nothing to allocate in '$category'"
  exit 0
fi
printf '%s\n' "$ids" | "$desk" allocate - --to "$to" -m "bulk: all open $category tickets"
