#!/bin/sh
# The kernel's usermode helper for this scenario: runs the toolset's drbdadm as the
# kernel would, records its exit code in /tmp/helpers.log, and answers 0 so that the
# loopback replication does not depend on drbdadm's helper support.
PATH=/usr/sbin:/usr/bin:/sbin:/bin
out=$(/usr/sbin/drbdadm "$@" 2>&1)
rc=$?
printf '%s => exit %s%s\n' "$*" "$rc" "${out:+ ($out)}" | tr '\n' ' ' >>/tmp/helpers.log
echo >>/tmp/helpers.log
exit 0
