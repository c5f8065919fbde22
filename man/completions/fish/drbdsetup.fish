# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_drbdsetup_global_optspecs
    string join \n V/version h/help
end

function __fish_drbdsetup_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_drbdsetup_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_drbdsetup_using_subcommand
    set -l cmd (__fish_drbdsetup_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c drbdsetup -n "__fish_drbdsetup_needs_command" -s V -l version -d 'Print the version as KEY=value lines and exit.'
complete -c drbdsetup -n "__fish_drbdsetup_needs_command" -s h -l help -d 'Print the usage and exit.'
complete -c drbdsetup -n "__fish_drbdsetup_needs_command" -f -a "primary" -d 'Change the role of a node in a resource to primary.'
complete -c drbdsetup -n "__fish_drbdsetup_needs_command" -f -a "secondary" -d 'Change the role of a node in a resource to secondary.'
complete -c drbdsetup -n "__fish_drbdsetup_needs_command" -f -a "attach" -d 'Attach a lower-level device to an existing replicated device.'
complete -c drbdsetup -n "__fish_drbdsetup_needs_command" -f -a "disk-options" -d 'Change the disk options of an attached lower-level device.'
complete -c drbdsetup -n "__fish_drbdsetup_needs_command" -f -a "detach" -d 'Detach the lower-level device of a replicated device.'
complete -c drbdsetup -n "__fish_drbdsetup_needs_command" -f -a "connect" -d 'Attempt to (re)establish a replication link to a peer host.'
complete -c drbdsetup -n "__fish_drbdsetup_needs_command" -f -a "new-peer" -d 'Make a peer host known to a resource.'
complete -c drbdsetup -n "__fish_drbdsetup_needs_command" -f -a "del-peer" -d 'Remove a connection to a peer host.'
complete -c drbdsetup -n "__fish_drbdsetup_needs_command" -f -a "new-path" -d 'Add a path (endpoint address pair) where a peer host should be reachable.'
complete -c drbdsetup -n "__fish_drbdsetup_needs_command" -f -a "del-path" -d 'Remove a path (endpoint address pair) from a connection to a peer host.'
complete -c drbdsetup -n "__fish_drbdsetup_needs_command" -f -a "net-options" -d 'Change the network options of a connection.'
complete -c drbdsetup -n "__fish_drbdsetup_needs_command" -f -a "disconnect" -d 'Unconnect from a peer host.'
complete -c drbdsetup -n "__fish_drbdsetup_needs_command" -f -a "resize" -d 'Reexamine the lower-level device sizes to resize a replicated device.'
complete -c drbdsetup -n "__fish_drbdsetup_needs_command" -f -a "resource-options" -d 'Change the resource options of an existing resource.'
complete -c drbdsetup -n "__fish_drbdsetup_needs_command" -f -a "peer-device-options" -d 'Change peer-device options.'
complete -c drbdsetup -n "__fish_drbdsetup_needs_command" -f -a "new-current-uuid" -d 'Generate a new current UUID.'
complete -c drbdsetup -n "__fish_drbdsetup_needs_command" -f -a "invalidate" -d 'Replace the local data of a volume with that of a peer.'
complete -c drbdsetup -n "__fish_drbdsetup_needs_command" -f -a "invalidate-remote" -d 'Replace a peer\'s data of a volume with the local data.'
complete -c drbdsetup -n "__fish_drbdsetup_needs_command" -f -a "pause-sync" -d 'Stop resynchronizing between a local and a peer device.'
complete -c drbdsetup -n "__fish_drbdsetup_needs_command" -f -a "resume-sync" -d 'Allow resynchronization to resume on a replicated device.'
complete -c drbdsetup -n "__fish_drbdsetup_needs_command" -f -a "suspend-io" -d 'Suspend I/O on a replicated device.'
complete -c drbdsetup -n "__fish_drbdsetup_needs_command" -f -a "resume-io" -d 'Resume I/O on a replicated device.'
complete -c drbdsetup -n "__fish_drbdsetup_needs_command" -f -a "outdate" -d 'Mark the data on a lower-level device as outdated.'
complete -c drbdsetup -n "__fish_drbdsetup_needs_command" -f -a "verify" -d 'Verify the data on a lower-level device against a peer device.'
complete -c drbdsetup -n "__fish_drbdsetup_needs_command" -f -a "down" -d 'Take a resource down.'
complete -c drbdsetup -n "__fish_drbdsetup_needs_command" -f -a "role" -d 'Show the current role of a resource.'
complete -c drbdsetup -n "__fish_drbdsetup_needs_command" -f -a "peer-role" -d 'Show the current role of a peer.'
complete -c drbdsetup -n "__fish_drbdsetup_needs_command" -f -a "cstate" -d 'Show the current state of a connection.'
complete -c drbdsetup -n "__fish_drbdsetup_needs_command" -f -a "dstate" -d 'Show the current disk state of a lower-level device.'
complete -c drbdsetup -n "__fish_drbdsetup_needs_command" -f -a "show-gi" -d 'Show the data generation identifiers for a device on a particular connection, with explanations.'
complete -c drbdsetup -n "__fish_drbdsetup_needs_command" -f -a "get-gi" -d 'Show the data generation identifiers for a device on a particular connection.'
complete -c drbdsetup -n "__fish_drbdsetup_needs_command" -f -a "show" -d 'Show the current configuration of a resource, or of all resources.'
complete -c drbdsetup -n "__fish_drbdsetup_needs_command" -f -a "status" -d 'Show the state of a resource, or of all resources.'
complete -c drbdsetup -n "__fish_drbdsetup_needs_command" -f -a "check-resize" -d 'Remember the current size of a lower-level device.'
complete -c drbdsetup -n "__fish_drbdsetup_needs_command" -f -a "events2" -d 'Show the current state and all state changes of a resource, or of all resources.'
complete -c drbdsetup -n "__fish_drbdsetup_needs_command" -f -a "wait-sync-volume" -d 'Wait until resync finished on a volume.'
complete -c drbdsetup -n "__fish_drbdsetup_needs_command" -f -a "wait-sync-connection" -d 'Wait until resync finished on all volumes of a connection.'
complete -c drbdsetup -n "__fish_drbdsetup_needs_command" -f -a "wait-sync-resource" -d 'Wait until resync finished on all volumes.'
complete -c drbdsetup -n "__fish_drbdsetup_needs_command" -f -a "wait-connect-volume" -d 'Wait until a device on a peer is visible.'
complete -c drbdsetup -n "__fish_drbdsetup_needs_command" -f -a "wait-connect-connection" -d 'Wait until all peer volumes of connection are visible.'
complete -c drbdsetup -n "__fish_drbdsetup_needs_command" -f -a "wait-connect-resource" -d 'Wait until all connections are establised.'
complete -c drbdsetup -n "__fish_drbdsetup_needs_command" -f -a "new-resource" -d 'Create a new resource.'
complete -c drbdsetup -n "__fish_drbdsetup_needs_command" -f -a "new-minor" -d 'Create a new replicated device within a resource.'
complete -c drbdsetup -n "__fish_drbdsetup_needs_command" -f -a "del-minor" -d 'Remove a replicated device.'
complete -c drbdsetup -n "__fish_drbdsetup_needs_command" -f -a "del-resource" -d 'Remove a resource.'
complete -c drbdsetup -n "__fish_drbdsetup_needs_command" -f -a "forget-peer" -d 'Completely remove any reference to an unconnected peer from meta-data.'
complete -c drbdsetup -n "__fish_drbdsetup_needs_command" -f -a "rename-resource" -d 'Rename a resource.'
complete -c drbdsetup -n "__fish_drbdsetup_needs_command" -f -a "udev" -d 'Generate output for udev rules.'
complete -c drbdsetup -n "__fish_drbdsetup_needs_command" -f -a "state" -d 'Shows the role (8.4 alias of role). (8.4 only.)'
complete -c drbdsetup -n "__fish_drbdsetup_needs_command" -f -a "sh-status" -d 'Prints the status in shell variable form (8.4). (8.4 only.)'
complete -c drbdsetup -n "__fish_drbdsetup_needs_command" -f -a "events" -d 'drbdsetup events. (8.4 only.)'
complete -c drbdsetup -n "__fish_drbdsetup_needs_command" -f -a "wait-connect" -d 'Waits until connected. (8.4 only.)'
complete -c drbdsetup -n "__fish_drbdsetup_needs_command" -f -a "wait-sync" -d 'Waits until connected and in sync. (8.4 only.)'
complete -c drbdsetup -n "__fish_drbdsetup_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand primary" -l force -d 'primary: promote even without known up-to-date data; secondary: demote despite openers.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand secondary" -l force -d 'primary: promote even without known up-to-date data; secondary: demote despite openers.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand attach" -l size -d 'Use only this much of the backing device instead of all of it.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand attach" -l on-io-error -d 'What to do when the backing device reports an I/O error.' -r -f -a "pass_on\t''
call-local-io-error\t''
detach\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand attach" -l disk-barrier -d 'Order writes with block-layer barriers (only for old kernels and devices).' -r -f -a "yes\t''
no\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand attach" -l disk-flushes -d 'Order writes with cache flushes of the backing device.' -r -f -a "yes\t''
no\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand attach" -l disk-drain -d 'Order writes by draining the request queue before dependent writes.' -r -f -a "yes\t''
no\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand attach" -l md-flushes -d 'Flush the meta-data device\'s cache after meta-data writes.' -r -f -a "yes\t''
no\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand attach" -l resync-after -d 'Resync this device only after the given device has finished (a minor; -1 for none).' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand attach" -l al-extents -d 'How many 4 MiB extents the activity log keeps hot.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand attach" -l al-updates -d 'Keep the activity log on disk up to date (off means a full resync after a crash).' -r -f -a "yes\t''
no\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand attach" -l discard-zeroes-if-aligned -d 'Treat aligned discards as zeroing when the backing device claims so.' -r -f -a "yes\t''
no\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand attach" -l disable-write-same -d 'Do not announce WRITE SAME support to upper layers.' -r -f -a "yes\t''
no\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand attach" -l disk-timeout -d 'How long the backing device may take for a request before it is treated as failed.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand attach" -l read-balancing -d 'Which node serves read requests when both have good data.' -r -f -a "prefer-local\t''
prefer-remote\t''
round-robin\t''
least-pending\t''
when-congested-remote\t''
32K-striping\t''
64K-striping\t''
128K-striping\t''
256K-striping\t''
512K-striping\t''
1M-striping\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand attach" -l rs-discard-granularity -d 'Resync zeroed ranges as discards of this size; 0 disables it.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand attach" -l bitmap -d 'Keep a bitmap slot for this volume (no means a diskless-peer-only volume).' -r -f -a "yes\t''
no\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand disk-options" -l on-io-error -d 'What to do when the backing device reports an I/O error.' -r -f -a "pass_on\t''
call-local-io-error\t''
detach\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand disk-options" -l disk-barrier -d 'Order writes with block-layer barriers (only for old kernels and devices).' -r -f -a "yes\t''
no\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand disk-options" -l disk-flushes -d 'Order writes with cache flushes of the backing device.' -r -f -a "yes\t''
no\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand disk-options" -l disk-drain -d 'Order writes by draining the request queue before dependent writes.' -r -f -a "yes\t''
no\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand disk-options" -l md-flushes -d 'Flush the meta-data device\'s cache after meta-data writes.' -r -f -a "yes\t''
no\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand disk-options" -l resync-after -d 'Resync this device only after the given device has finished (a minor; -1 for none).' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand disk-options" -l al-extents -d 'How many 4 MiB extents the activity log keeps hot.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand disk-options" -l al-updates -d 'Keep the activity log on disk up to date (off means a full resync after a crash).' -r -f -a "yes\t''
no\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand disk-options" -l discard-zeroes-if-aligned -d 'Treat aligned discards as zeroing when the backing device claims so.' -r -f -a "yes\t''
no\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand disk-options" -l disable-write-same -d 'Do not announce WRITE SAME support to upper layers.' -r -f -a "yes\t''
no\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand disk-options" -l disk-timeout -d 'How long the backing device may take for a request before it is treated as failed.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand disk-options" -l read-balancing -d 'Which node serves read requests when both have good data.' -r -f -a "prefer-local\t''
prefer-remote\t''
round-robin\t''
least-pending\t''
when-congested-remote\t''
32K-striping\t''
64K-striping\t''
128K-striping\t''
256K-striping\t''
512K-striping\t''
1M-striping\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand disk-options" -l rs-discard-granularity -d 'Resync zeroed ranges as discards of this size; 0 disables it.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand disk-options" -l bitmap -d 'Keep a bitmap slot for this volume (no means a diskless-peer-only volume).' -r -f -a "yes\t''
no\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand disk-options" -l set-defaults -d 'Reset every option not given on the command line to its default.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand detach" -l force -d 'detach: detach at once, failing pending I/O, instead of waiting for it.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand detach" -l diskless -d 'detach: the node is to stay intentionally diskless afterwards.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand connect" -l tentative -d 'connect: only check whether a connection would work, without a resync.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand connect" -l discard-my-data -d 'connect: become the resync target of a split brain, dropping local changes.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand new-peer" -l transport -d 'The transport module a connection uses (tcp by default, or rdma); fixed once created.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand new-peer" -l load-balance-paths -d 'Spread the traffic of a connection over all of its paths instead of using one.' -r -f -a "yes\t''
no\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand new-peer" -l protocol -d 'The replication protocol: A (asynchronous), B (memory synchronous) or C (synchronous).' -r -f -a "A\t''
B\t''
C\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand new-peer" -l timeout -d 'How long to wait for a reply from the peer before it is considered dead.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand new-peer" -l max-epoch-size -d 'The most write requests between two write barriers.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand new-peer" -l connect-int -d 'How long to wait between two connection attempts.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand new-peer" -l ping-int -d 'How long an idle connection waits before it checks the peer with a ping.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand new-peer" -l sndbuf-size -d 'The size of the socket send buffer; 0 lets the kernel size it.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand new-peer" -l rcvbuf-size -d 'The size of the socket receive buffer; 0 lets the kernel size it.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand new-peer" -l ko-count -d 'How many timed-out write requests make a primary drop the peer; 0 never does.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand new-peer" -l allow-two-primaries -d 'Allow both nodes to be primary at once (needs a cluster file system).' -r -f -a "yes\t''
no\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand new-peer" -l cram-hmac-alg -d 'The HMAC algorithm used to authenticate the peer with the shared secret.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand new-peer" -l shared-secret -d 'The secret both peers must know to authenticate each other.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand new-peer" -l after-sb-0pri -d 'How to recover from split brain when neither node is primary.' -r -f -a "disconnect\t''
discard-younger-primary\t''
discard-older-primary\t''
discard-zero-changes\t''
discard-least-changes\t''
discard-local\t''
discard-remote\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand new-peer" -l after-sb-1pri -d 'How to recover from split brain when one node is primary.' -r -f -a "disconnect\t''
consensus\t''
discard-secondary\t''
call-pri-lost-after-sb\t''
violently-as0p\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand new-peer" -l after-sb-2pri -d 'How to recover from split brain when both nodes are primary.' -r -f -a "disconnect\t''
call-pri-lost-after-sb\t''
violently-as0p\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand new-peer" -l always-asbp -d 'Apply the after-split-brain policies even when the data generations do not say so.' -r -f -a "yes\t''
no\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand new-peer" -l rr-conflict -d 'What to do when the resync direction would demote a primary\'s data.' -r -f -a "disconnect\t''
call-pri-lost\t''
violently\t''
retry-connect\t''
auto-discard\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand new-peer" -l ping-timeout -d 'How long to wait for the answer to a ping before the peer is considered dead.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand new-peer" -l data-integrity-alg -d 'The digest algorithm used to check every replicated data block end to end.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand new-peer" -l tcp-cork -d 'Give the network stack hints to coalesce small packets.' -r -f -a "yes\t''
no\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand new-peer" -l on-congestion -d 'What protocol A does when the send buffer fills: block, pull ahead or disconnect.' -r -f -a "block\t''
pull-ahead\t''
disconnect\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand new-peer" -l congestion-fill -d 'How much data in flight counts as congestion; 0 disables the check.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand new-peer" -l congestion-extents -d 'How many active activity-log extents count as congestion.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand new-peer" -l csums-alg -d 'The digest used to skip resyncing blocks whose contents already match.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand new-peer" -l csums-after-crash-only -d 'Use the checksum-based resync only after a primary crash.' -r -f -a "yes\t''
no\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand new-peer" -l verify-alg -d 'The digest used by online verification.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand new-peer" -l use-rle -d 'Compress the bitmap exchange with run-length encoding.' -r -f -a "yes\t''
no\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand new-peer" -l socket-check-timeout -d 'How long to wait for the second socket of a new connection; 0 uses ping-timeout.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand new-peer" -l fencing -d 'What to do to the peer when this node loses the connection while primary.' -r -f -a "dont-care\t''
resource-only\t''
resource-and-stonith\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand new-peer" -l max-buffers -d 'How many pages the receiver may use for data in flight.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand new-peer" -l allow-remote-read -d 'Allow reading from the peer when the local disk is not usable for a request.' -r -f -a "yes\t''
no\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand new-peer" -l tls -d 'Encrypt the connection with kernel TLS.' -r -f -a "yes\t''
no\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand new-peer" -l tls-keyring -d 'The keyring holding the TLS key and certificate, named by its description.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand new-peer" -l tls-privkey -d 'The TLS private key, named by its key description.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand new-peer" -l tls-certificate -d 'The TLS certificate, named by its key description.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand new-peer" -l rdma-ctrl-rcvbuf-size -d 'The receive buffer of the RDMA transport\'s control stream; 0 picks a default.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand new-peer" -l rdma-ctrl-sndbuf-size -d 'The send buffer of the RDMA transport\'s control stream; 0 picks a default.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand new-peer" -l _name -d 'The connection\'s name as shown by status and events (drbdadm passes the peer\'s host name).' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand del-peer" -l force -d 'disconnect: drop the connection at once instead of a clean state change.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand net-options" -l protocol -d 'The replication protocol: A (asynchronous), B (memory synchronous) or C (synchronous).' -r -f -a "A\t''
B\t''
C\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand net-options" -l timeout -d 'How long to wait for a reply from the peer before it is considered dead.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand net-options" -l max-epoch-size -d 'The most write requests between two write barriers.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand net-options" -l connect-int -d 'How long to wait between two connection attempts.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand net-options" -l ping-int -d 'How long an idle connection waits before it checks the peer with a ping.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand net-options" -l sndbuf-size -d 'The size of the socket send buffer; 0 lets the kernel size it.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand net-options" -l rcvbuf-size -d 'The size of the socket receive buffer; 0 lets the kernel size it.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand net-options" -l ko-count -d 'How many timed-out write requests make a primary drop the peer; 0 never does.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand net-options" -l allow-two-primaries -d 'Allow both nodes to be primary at once (needs a cluster file system).' -r -f -a "yes\t''
no\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand net-options" -l cram-hmac-alg -d 'The HMAC algorithm used to authenticate the peer with the shared secret.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand net-options" -l shared-secret -d 'The secret both peers must know to authenticate each other.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand net-options" -l after-sb-0pri -d 'How to recover from split brain when neither node is primary.' -r -f -a "disconnect\t''
discard-younger-primary\t''
discard-older-primary\t''
discard-zero-changes\t''
discard-least-changes\t''
discard-local\t''
discard-remote\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand net-options" -l after-sb-1pri -d 'How to recover from split brain when one node is primary.' -r -f -a "disconnect\t''
consensus\t''
discard-secondary\t''
call-pri-lost-after-sb\t''
violently-as0p\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand net-options" -l after-sb-2pri -d 'How to recover from split brain when both nodes are primary.' -r -f -a "disconnect\t''
call-pri-lost-after-sb\t''
violently-as0p\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand net-options" -l always-asbp -d 'Apply the after-split-brain policies even when the data generations do not say so.' -r -f -a "yes\t''
no\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand net-options" -l rr-conflict -d 'What to do when the resync direction would demote a primary\'s data.' -r -f -a "disconnect\t''
call-pri-lost\t''
violently\t''
retry-connect\t''
auto-discard\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand net-options" -l ping-timeout -d 'How long to wait for the answer to a ping before the peer is considered dead.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand net-options" -l data-integrity-alg -d 'The digest algorithm used to check every replicated data block end to end.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand net-options" -l tcp-cork -d 'Give the network stack hints to coalesce small packets.' -r -f -a "yes\t''
no\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand net-options" -l on-congestion -d 'What protocol A does when the send buffer fills: block, pull ahead or disconnect.' -r -f -a "block\t''
pull-ahead\t''
disconnect\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand net-options" -l congestion-fill -d 'How much data in flight counts as congestion; 0 disables the check.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand net-options" -l congestion-extents -d 'How many active activity-log extents count as congestion.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand net-options" -l csums-alg -d 'The digest used to skip resyncing blocks whose contents already match.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand net-options" -l csums-after-crash-only -d 'Use the checksum-based resync only after a primary crash.' -r -f -a "yes\t''
no\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand net-options" -l verify-alg -d 'The digest used by online verification.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand net-options" -l use-rle -d 'Compress the bitmap exchange with run-length encoding.' -r -f -a "yes\t''
no\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand net-options" -l socket-check-timeout -d 'How long to wait for the second socket of a new connection; 0 uses ping-timeout.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand net-options" -l fencing -d 'What to do to the peer when this node loses the connection while primary.' -r -f -a "dont-care\t''
resource-only\t''
resource-and-stonith\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand net-options" -l max-buffers -d 'How many pages the receiver may use for data in flight.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand net-options" -l allow-remote-read -d 'Allow reading from the peer when the local disk is not usable for a request.' -r -f -a "yes\t''
no\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand net-options" -l tls -d 'Encrypt the connection with kernel TLS.' -r -f -a "yes\t''
no\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand net-options" -l tls-keyring -d 'The keyring holding the TLS key and certificate, named by its description.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand net-options" -l tls-privkey -d 'The TLS private key, named by its key description.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand net-options" -l tls-certificate -d 'The TLS certificate, named by its key description.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand net-options" -l rdma-ctrl-rcvbuf-size -d 'The receive buffer of the RDMA transport\'s control stream; 0 picks a default.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand net-options" -l rdma-ctrl-sndbuf-size -d 'The send buffer of the RDMA transport\'s control stream; 0 picks a default.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand net-options" -l _name -d 'The connection\'s name as shown by status and events (drbdadm passes the peer\'s host name).' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand net-options" -l set-defaults -d 'Reset every option not given on the command line to its default.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand disconnect" -l force -d 'disconnect: drop the connection at once instead of a clean state change.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand resize" -l size -d 'resize: the new size of the device, instead of the size of the backing devices.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand resize" -l al-stripes -d 'resize: the number of stripes of the new activity-log layout.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand resize" -l al-stripe-size-kB -d 'resize: the size of one stripe of the new activity-log layout.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand resize" -l assume-peer-has-space -d 'resize: grow even though a disconnected peer might not have the space.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand resize" -l assume-clean -d 'resize: do not resync the added space.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand resource-options" -l cpu-mask -d 'The CPUs the resource\'s kernel threads may run on, as a hexadecimal mask.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand resource-options" -l on-no-data-accessible -d 'What happens to I/O when no up-to-date data is reachable.' -r -f -a "io-error\t''
suspend-io\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand resource-options" -l auto-promote -d 'Become primary automatically when the device is opened for writing.' -r -f -a "yes\t''
no\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand resource-options" -l peer-ack-window -d 'How much data is written before peers acknowledge it to each other.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand resource-options" -l peer-ack-delay -d 'How long to wait before sending a peer acknowledgement when no more data comes.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand resource-options" -l twopc-timeout -d 'How long a cluster-wide state change may wait for all nodes to answer.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand resource-options" -l twopc-retry-timeout -d 'The base delay before a failed cluster-wide state change is retried.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand resource-options" -l auto-promote-timeout -d 'How long an open waits for auto-promotion to succeed.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand resource-options" -l max-io-depth -d 'The most application requests in flight per device.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand resource-options" -l quorum -d 'How many nodes must be reachable for writes: off, majority, all or a number.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand resource-options" -l on-no-quorum -d 'What happens to I/O when quorum is lost.' -r -f -a "io-error\t''
suspend-io\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand resource-options" -l quorum-minimum-redundancy -d 'How many up-to-date nodes a partition needs to have quorum.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand resource-options" -l on-suspended-primary-outdated -d 'What a primary with suspended I/O does when it learns its data is outdated.' -r -f -a "disconnect\t''
force-secondary\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand resource-options" -l drbd8-api-compatibility -d 'Let DRBD 9 behave like 8.4 towards applications (auto-promote off and such).' -r -f -a "yes\t''
no\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand resource-options" -l set-defaults -d 'Reset every option not given on the command line to its default.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand peer-device-options" -l resync-rate -d 'The bandwidth a resync may use, in KiB/s unless a suffix says otherwise.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand peer-device-options" -l c-plan-ahead -d 'How far ahead the dynamic resync-rate controller plans; 0 uses the fixed resync-rate.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand peer-device-options" -l c-delay-target -d 'The delay the resync controller aims at.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand peer-device-options" -l c-fill-target -d 'The amount of resync data in flight the controller aims at; 0 uses c-delay-target.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand peer-device-options" -l c-max-rate -d 'The most bandwidth the resync controller may use.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand peer-device-options" -l c-min-rate -d 'The resync bandwidth kept even while application I/O competes for the disk.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand peer-device-options" -l bitmap -d 'Track out-of-sync blocks for this peer (no for peers that never resync).' -r -f -a "yes\t''
no\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand peer-device-options" -l resync-without-replication -d 'Allow a resync to this peer while it is not a replication target.' -r -f -a "yes\t''
no\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand peer-device-options" -l peer-tiebreaker -d 'Let this peer act as a tiebreaker in quorum decisions.' -r -f -a "yes\t''
no\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand peer-device-options" -l set-defaults -d 'Reset every option not given on the command line to its default.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand new-current-uuid" -l clear-bitmap -d 'new-current-uuid: also clear the bitmap, skipping the initial resync.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand new-current-uuid" -l force-resync -d 'new-current-uuid: start a resync to the peers afterwards.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand invalidate" -l sync-from-peer-node-id -d 'invalidate: the peer to resync from; -1 lets DRBD choose.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand invalidate" -l reset-bitmap -d 'invalidate: mark all blocks out of sync (no resyncs only what the bitmap says).' -r -f -a "yes\t''
no\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand invalidate-remote" -l reset-bitmap -d 'invalidate-remote: mark all blocks out of sync (no resyncs only what the bitmap says).' -r -f -a "yes\t''
no\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand suspend-io" -l bdev-freeze -d 'suspend-io: also freeze the file system on top of the device.' -r -f -a "yes\t''
no\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand verify" -l start -d 'verify: where online verification starts.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand verify" -l stop -d 'verify: where online verification stops.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand show" -l show-defaults -d 'show: also print options that have their default values.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand show" -l json -d 'show, status: print JSON instead of text.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand status" -l color -d 'Colour the output: never, always, or auto (only on a terminal).' -r -f -a "never\t''
always\t''
auto\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand status" -l verbose -d 'status: print every field, not only the interesting ones.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand status" -l statistics -d 'Also print the statistics counters.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand status" -l json -d 'show, status: print JSON instead of text.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand events2" -l color -d 'Colour the output: never, always, or auto (only on a terminal).' -r -f -a "never\t''
always\t''
auto\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand events2" -l diff -d 'events2: print changes as old->new pairs.' -r -f -a "yes\t''
no\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand events2" -l rcvbuf -d 'events2: the size of the netlink receive buffer.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand events2" -l timestamps -d 'events2: prefix every event with the time it was received.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand events2" -l statistics -d 'Also print the statistics counters.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand events2" -l now -d 'events2: print the current state and exit instead of following changes.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand events2" -l poll -d 'events2: print the state again whenever a line is read from stdin.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand events2" -l full -d 'events2: print the whole object on every change, not only what changed.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand events2" -l json -d 'Print JSON instead of text (events2: one object per line).'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand wait-sync-volume" -l wfc-timeout -d 'How long the wait-connect step waits for the peer at boot; 0 waits forever.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand wait-sync-volume" -l degr-wfc-timeout -d 'Like wfc-timeout, used when the node was part of a degraded cluster before.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand wait-sync-volume" -l outdated-wfc-timeout -d 'Like wfc-timeout, used when the peer was outdated before.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand wait-sync-volume" -l wait-after-sb -d 'Keep waiting for the peer even after a split brain was detected.' -r -f -a "yes\t''
no\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand wait-sync-connection" -l wfc-timeout -d 'How long the wait-connect step waits for the peer at boot; 0 waits forever.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand wait-sync-connection" -l degr-wfc-timeout -d 'Like wfc-timeout, used when the node was part of a degraded cluster before.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand wait-sync-connection" -l outdated-wfc-timeout -d 'Like wfc-timeout, used when the peer was outdated before.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand wait-sync-connection" -l wait-after-sb -d 'Keep waiting for the peer even after a split brain was detected.' -r -f -a "yes\t''
no\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand wait-sync-resource" -l wfc-timeout -d 'How long the wait-connect step waits for the peer at boot; 0 waits forever.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand wait-sync-resource" -l degr-wfc-timeout -d 'Like wfc-timeout, used when the node was part of a degraded cluster before.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand wait-sync-resource" -l outdated-wfc-timeout -d 'Like wfc-timeout, used when the peer was outdated before.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand wait-sync-resource" -l wait-after-sb -d 'Keep waiting for the peer even after a split brain was detected.' -r -f -a "yes\t''
no\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand wait-connect-volume" -l wfc-timeout -d 'How long the wait-connect step waits for the peer at boot; 0 waits forever.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand wait-connect-volume" -l degr-wfc-timeout -d 'Like wfc-timeout, used when the node was part of a degraded cluster before.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand wait-connect-volume" -l outdated-wfc-timeout -d 'Like wfc-timeout, used when the peer was outdated before.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand wait-connect-volume" -l wait-after-sb -d 'Keep waiting for the peer even after a split brain was detected.' -r -f -a "yes\t''
no\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand wait-connect-connection" -l wfc-timeout -d 'How long the wait-connect step waits for the peer at boot; 0 waits forever.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand wait-connect-connection" -l degr-wfc-timeout -d 'Like wfc-timeout, used when the node was part of a degraded cluster before.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand wait-connect-connection" -l outdated-wfc-timeout -d 'Like wfc-timeout, used when the peer was outdated before.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand wait-connect-connection" -l wait-after-sb -d 'Keep waiting for the peer even after a split brain was detected.' -r -f -a "yes\t''
no\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand wait-connect-resource" -l wfc-timeout -d 'How long the wait-connect step waits for the peer at boot; 0 waits forever.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand wait-connect-resource" -l degr-wfc-timeout -d 'Like wfc-timeout, used when the node was part of a degraded cluster before.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand wait-connect-resource" -l outdated-wfc-timeout -d 'Like wfc-timeout, used when the peer was outdated before.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand wait-connect-resource" -l wait-after-sb -d 'Keep waiting for the peer even after a split brain was detected.' -r -f -a "yes\t''
no\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand new-resource" -l cpu-mask -d 'The CPUs the resource\'s kernel threads may run on, as a hexadecimal mask.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand new-resource" -l on-no-data-accessible -d 'What happens to I/O when no up-to-date data is reachable.' -r -f -a "io-error\t''
suspend-io\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand new-resource" -l auto-promote -d 'Become primary automatically when the device is opened for writing.' -r -f -a "yes\t''
no\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand new-resource" -l peer-ack-window -d 'How much data is written before peers acknowledge it to each other.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand new-resource" -l peer-ack-delay -d 'How long to wait before sending a peer acknowledgement when no more data comes.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand new-resource" -l twopc-timeout -d 'How long a cluster-wide state change may wait for all nodes to answer.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand new-resource" -l twopc-retry-timeout -d 'The base delay before a failed cluster-wide state change is retried.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand new-resource" -l auto-promote-timeout -d 'How long an open waits for auto-promotion to succeed.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand new-resource" -l max-io-depth -d 'The most application requests in flight per device.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand new-resource" -l quorum -d 'How many nodes must be reachable for writes: off, majority, all or a number.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand new-resource" -l on-no-quorum -d 'What happens to I/O when quorum is lost.' -r -f -a "io-error\t''
suspend-io\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand new-resource" -l quorum-minimum-redundancy -d 'How many up-to-date nodes a partition needs to have quorum.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand new-resource" -l on-suspended-primary-outdated -d 'What a primary with suspended I/O does when it learns its data is outdated.' -r -f -a "disconnect\t''
force-secondary\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand new-resource" -l drbd8-api-compatibility -d 'Let DRBD 9 behave like 8.4 towards applications (auto-promote off and such).' -r -f -a "yes\t''
no\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand new-minor" -l max-bio-size -d 'The largest request the device accepts; fixed once the minor exists.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand new-minor" -l block-size -d 'The logical block size the device announces.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand new-minor" -l discard-granularity -d 'The discard granularity the device announces; the default means not configured.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand new-minor" -l diskless -d 'This volume is intentionally diskless on this node.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand wait-connect" -l wfc-timeout -d 'How long the wait-connect step waits for the peer at boot; 0 waits forever.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand wait-connect" -l degr-wfc-timeout -d 'Like wfc-timeout, used when the node was part of a degraded cluster before.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand wait-connect" -l outdated-wfc-timeout -d 'Like wfc-timeout, used when the peer was outdated before.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand wait-connect" -l wait-after-sb -d 'Keep waiting for the peer even after a split brain was detected.' -r -f -a "yes\t''
no\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand wait-sync" -l wfc-timeout -d 'How long the wait-connect step waits for the peer at boot; 0 waits forever.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand wait-sync" -l degr-wfc-timeout -d 'Like wfc-timeout, used when the node was part of a degraded cluster before.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand wait-sync" -l outdated-wfc-timeout -d 'Like wfc-timeout, used when the peer was outdated before.' -r
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand wait-sync" -l wait-after-sb -d 'Keep waiting for the peer even after a split brain was detected.' -r -f -a "yes\t''
no\t''"
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand help; and not __fish_seen_subcommand_from primary secondary attach disk-options detach connect new-peer del-peer new-path del-path net-options disconnect resize resource-options peer-device-options new-current-uuid invalidate invalidate-remote pause-sync resume-sync suspend-io resume-io outdate verify down role peer-role cstate dstate show-gi get-gi show status check-resize events2 wait-sync-volume wait-sync-connection wait-sync-resource wait-connect-volume wait-connect-connection wait-connect-resource new-resource new-minor del-minor del-resource forget-peer rename-resource udev state sh-status events wait-connect wait-sync help" -f -a "primary" -d 'Change the role of a node in a resource to primary.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand help; and not __fish_seen_subcommand_from primary secondary attach disk-options detach connect new-peer del-peer new-path del-path net-options disconnect resize resource-options peer-device-options new-current-uuid invalidate invalidate-remote pause-sync resume-sync suspend-io resume-io outdate verify down role peer-role cstate dstate show-gi get-gi show status check-resize events2 wait-sync-volume wait-sync-connection wait-sync-resource wait-connect-volume wait-connect-connection wait-connect-resource new-resource new-minor del-minor del-resource forget-peer rename-resource udev state sh-status events wait-connect wait-sync help" -f -a "secondary" -d 'Change the role of a node in a resource to secondary.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand help; and not __fish_seen_subcommand_from primary secondary attach disk-options detach connect new-peer del-peer new-path del-path net-options disconnect resize resource-options peer-device-options new-current-uuid invalidate invalidate-remote pause-sync resume-sync suspend-io resume-io outdate verify down role peer-role cstate dstate show-gi get-gi show status check-resize events2 wait-sync-volume wait-sync-connection wait-sync-resource wait-connect-volume wait-connect-connection wait-connect-resource new-resource new-minor del-minor del-resource forget-peer rename-resource udev state sh-status events wait-connect wait-sync help" -f -a "attach" -d 'Attach a lower-level device to an existing replicated device.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand help; and not __fish_seen_subcommand_from primary secondary attach disk-options detach connect new-peer del-peer new-path del-path net-options disconnect resize resource-options peer-device-options new-current-uuid invalidate invalidate-remote pause-sync resume-sync suspend-io resume-io outdate verify down role peer-role cstate dstate show-gi get-gi show status check-resize events2 wait-sync-volume wait-sync-connection wait-sync-resource wait-connect-volume wait-connect-connection wait-connect-resource new-resource new-minor del-minor del-resource forget-peer rename-resource udev state sh-status events wait-connect wait-sync help" -f -a "disk-options" -d 'Change the disk options of an attached lower-level device.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand help; and not __fish_seen_subcommand_from primary secondary attach disk-options detach connect new-peer del-peer new-path del-path net-options disconnect resize resource-options peer-device-options new-current-uuid invalidate invalidate-remote pause-sync resume-sync suspend-io resume-io outdate verify down role peer-role cstate dstate show-gi get-gi show status check-resize events2 wait-sync-volume wait-sync-connection wait-sync-resource wait-connect-volume wait-connect-connection wait-connect-resource new-resource new-minor del-minor del-resource forget-peer rename-resource udev state sh-status events wait-connect wait-sync help" -f -a "detach" -d 'Detach the lower-level device of a replicated device.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand help; and not __fish_seen_subcommand_from primary secondary attach disk-options detach connect new-peer del-peer new-path del-path net-options disconnect resize resource-options peer-device-options new-current-uuid invalidate invalidate-remote pause-sync resume-sync suspend-io resume-io outdate verify down role peer-role cstate dstate show-gi get-gi show status check-resize events2 wait-sync-volume wait-sync-connection wait-sync-resource wait-connect-volume wait-connect-connection wait-connect-resource new-resource new-minor del-minor del-resource forget-peer rename-resource udev state sh-status events wait-connect wait-sync help" -f -a "connect" -d 'Attempt to (re)establish a replication link to a peer host.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand help; and not __fish_seen_subcommand_from primary secondary attach disk-options detach connect new-peer del-peer new-path del-path net-options disconnect resize resource-options peer-device-options new-current-uuid invalidate invalidate-remote pause-sync resume-sync suspend-io resume-io outdate verify down role peer-role cstate dstate show-gi get-gi show status check-resize events2 wait-sync-volume wait-sync-connection wait-sync-resource wait-connect-volume wait-connect-connection wait-connect-resource new-resource new-minor del-minor del-resource forget-peer rename-resource udev state sh-status events wait-connect wait-sync help" -f -a "new-peer" -d 'Make a peer host known to a resource.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand help; and not __fish_seen_subcommand_from primary secondary attach disk-options detach connect new-peer del-peer new-path del-path net-options disconnect resize resource-options peer-device-options new-current-uuid invalidate invalidate-remote pause-sync resume-sync suspend-io resume-io outdate verify down role peer-role cstate dstate show-gi get-gi show status check-resize events2 wait-sync-volume wait-sync-connection wait-sync-resource wait-connect-volume wait-connect-connection wait-connect-resource new-resource new-minor del-minor del-resource forget-peer rename-resource udev state sh-status events wait-connect wait-sync help" -f -a "del-peer" -d 'Remove a connection to a peer host.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand help; and not __fish_seen_subcommand_from primary secondary attach disk-options detach connect new-peer del-peer new-path del-path net-options disconnect resize resource-options peer-device-options new-current-uuid invalidate invalidate-remote pause-sync resume-sync suspend-io resume-io outdate verify down role peer-role cstate dstate show-gi get-gi show status check-resize events2 wait-sync-volume wait-sync-connection wait-sync-resource wait-connect-volume wait-connect-connection wait-connect-resource new-resource new-minor del-minor del-resource forget-peer rename-resource udev state sh-status events wait-connect wait-sync help" -f -a "new-path" -d 'Add a path (endpoint address pair) where a peer host should be reachable.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand help; and not __fish_seen_subcommand_from primary secondary attach disk-options detach connect new-peer del-peer new-path del-path net-options disconnect resize resource-options peer-device-options new-current-uuid invalidate invalidate-remote pause-sync resume-sync suspend-io resume-io outdate verify down role peer-role cstate dstate show-gi get-gi show status check-resize events2 wait-sync-volume wait-sync-connection wait-sync-resource wait-connect-volume wait-connect-connection wait-connect-resource new-resource new-minor del-minor del-resource forget-peer rename-resource udev state sh-status events wait-connect wait-sync help" -f -a "del-path" -d 'Remove a path (endpoint address pair) from a connection to a peer host.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand help; and not __fish_seen_subcommand_from primary secondary attach disk-options detach connect new-peer del-peer new-path del-path net-options disconnect resize resource-options peer-device-options new-current-uuid invalidate invalidate-remote pause-sync resume-sync suspend-io resume-io outdate verify down role peer-role cstate dstate show-gi get-gi show status check-resize events2 wait-sync-volume wait-sync-connection wait-sync-resource wait-connect-volume wait-connect-connection wait-connect-resource new-resource new-minor del-minor del-resource forget-peer rename-resource udev state sh-status events wait-connect wait-sync help" -f -a "net-options" -d 'Change the network options of a connection.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand help; and not __fish_seen_subcommand_from primary secondary attach disk-options detach connect new-peer del-peer new-path del-path net-options disconnect resize resource-options peer-device-options new-current-uuid invalidate invalidate-remote pause-sync resume-sync suspend-io resume-io outdate verify down role peer-role cstate dstate show-gi get-gi show status check-resize events2 wait-sync-volume wait-sync-connection wait-sync-resource wait-connect-volume wait-connect-connection wait-connect-resource new-resource new-minor del-minor del-resource forget-peer rename-resource udev state sh-status events wait-connect wait-sync help" -f -a "disconnect" -d 'Unconnect from a peer host.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand help; and not __fish_seen_subcommand_from primary secondary attach disk-options detach connect new-peer del-peer new-path del-path net-options disconnect resize resource-options peer-device-options new-current-uuid invalidate invalidate-remote pause-sync resume-sync suspend-io resume-io outdate verify down role peer-role cstate dstate show-gi get-gi show status check-resize events2 wait-sync-volume wait-sync-connection wait-sync-resource wait-connect-volume wait-connect-connection wait-connect-resource new-resource new-minor del-minor del-resource forget-peer rename-resource udev state sh-status events wait-connect wait-sync help" -f -a "resize" -d 'Reexamine the lower-level device sizes to resize a replicated device.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand help; and not __fish_seen_subcommand_from primary secondary attach disk-options detach connect new-peer del-peer new-path del-path net-options disconnect resize resource-options peer-device-options new-current-uuid invalidate invalidate-remote pause-sync resume-sync suspend-io resume-io outdate verify down role peer-role cstate dstate show-gi get-gi show status check-resize events2 wait-sync-volume wait-sync-connection wait-sync-resource wait-connect-volume wait-connect-connection wait-connect-resource new-resource new-minor del-minor del-resource forget-peer rename-resource udev state sh-status events wait-connect wait-sync help" -f -a "resource-options" -d 'Change the resource options of an existing resource.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand help; and not __fish_seen_subcommand_from primary secondary attach disk-options detach connect new-peer del-peer new-path del-path net-options disconnect resize resource-options peer-device-options new-current-uuid invalidate invalidate-remote pause-sync resume-sync suspend-io resume-io outdate verify down role peer-role cstate dstate show-gi get-gi show status check-resize events2 wait-sync-volume wait-sync-connection wait-sync-resource wait-connect-volume wait-connect-connection wait-connect-resource new-resource new-minor del-minor del-resource forget-peer rename-resource udev state sh-status events wait-connect wait-sync help" -f -a "peer-device-options" -d 'Change peer-device options.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand help; and not __fish_seen_subcommand_from primary secondary attach disk-options detach connect new-peer del-peer new-path del-path net-options disconnect resize resource-options peer-device-options new-current-uuid invalidate invalidate-remote pause-sync resume-sync suspend-io resume-io outdate verify down role peer-role cstate dstate show-gi get-gi show status check-resize events2 wait-sync-volume wait-sync-connection wait-sync-resource wait-connect-volume wait-connect-connection wait-connect-resource new-resource new-minor del-minor del-resource forget-peer rename-resource udev state sh-status events wait-connect wait-sync help" -f -a "new-current-uuid" -d 'Generate a new current UUID.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand help; and not __fish_seen_subcommand_from primary secondary attach disk-options detach connect new-peer del-peer new-path del-path net-options disconnect resize resource-options peer-device-options new-current-uuid invalidate invalidate-remote pause-sync resume-sync suspend-io resume-io outdate verify down role peer-role cstate dstate show-gi get-gi show status check-resize events2 wait-sync-volume wait-sync-connection wait-sync-resource wait-connect-volume wait-connect-connection wait-connect-resource new-resource new-minor del-minor del-resource forget-peer rename-resource udev state sh-status events wait-connect wait-sync help" -f -a "invalidate" -d 'Replace the local data of a volume with that of a peer.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand help; and not __fish_seen_subcommand_from primary secondary attach disk-options detach connect new-peer del-peer new-path del-path net-options disconnect resize resource-options peer-device-options new-current-uuid invalidate invalidate-remote pause-sync resume-sync suspend-io resume-io outdate verify down role peer-role cstate dstate show-gi get-gi show status check-resize events2 wait-sync-volume wait-sync-connection wait-sync-resource wait-connect-volume wait-connect-connection wait-connect-resource new-resource new-minor del-minor del-resource forget-peer rename-resource udev state sh-status events wait-connect wait-sync help" -f -a "invalidate-remote" -d 'Replace a peer\'s data of a volume with the local data.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand help; and not __fish_seen_subcommand_from primary secondary attach disk-options detach connect new-peer del-peer new-path del-path net-options disconnect resize resource-options peer-device-options new-current-uuid invalidate invalidate-remote pause-sync resume-sync suspend-io resume-io outdate verify down role peer-role cstate dstate show-gi get-gi show status check-resize events2 wait-sync-volume wait-sync-connection wait-sync-resource wait-connect-volume wait-connect-connection wait-connect-resource new-resource new-minor del-minor del-resource forget-peer rename-resource udev state sh-status events wait-connect wait-sync help" -f -a "pause-sync" -d 'Stop resynchronizing between a local and a peer device.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand help; and not __fish_seen_subcommand_from primary secondary attach disk-options detach connect new-peer del-peer new-path del-path net-options disconnect resize resource-options peer-device-options new-current-uuid invalidate invalidate-remote pause-sync resume-sync suspend-io resume-io outdate verify down role peer-role cstate dstate show-gi get-gi show status check-resize events2 wait-sync-volume wait-sync-connection wait-sync-resource wait-connect-volume wait-connect-connection wait-connect-resource new-resource new-minor del-minor del-resource forget-peer rename-resource udev state sh-status events wait-connect wait-sync help" -f -a "resume-sync" -d 'Allow resynchronization to resume on a replicated device.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand help; and not __fish_seen_subcommand_from primary secondary attach disk-options detach connect new-peer del-peer new-path del-path net-options disconnect resize resource-options peer-device-options new-current-uuid invalidate invalidate-remote pause-sync resume-sync suspend-io resume-io outdate verify down role peer-role cstate dstate show-gi get-gi show status check-resize events2 wait-sync-volume wait-sync-connection wait-sync-resource wait-connect-volume wait-connect-connection wait-connect-resource new-resource new-minor del-minor del-resource forget-peer rename-resource udev state sh-status events wait-connect wait-sync help" -f -a "suspend-io" -d 'Suspend I/O on a replicated device.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand help; and not __fish_seen_subcommand_from primary secondary attach disk-options detach connect new-peer del-peer new-path del-path net-options disconnect resize resource-options peer-device-options new-current-uuid invalidate invalidate-remote pause-sync resume-sync suspend-io resume-io outdate verify down role peer-role cstate dstate show-gi get-gi show status check-resize events2 wait-sync-volume wait-sync-connection wait-sync-resource wait-connect-volume wait-connect-connection wait-connect-resource new-resource new-minor del-minor del-resource forget-peer rename-resource udev state sh-status events wait-connect wait-sync help" -f -a "resume-io" -d 'Resume I/O on a replicated device.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand help; and not __fish_seen_subcommand_from primary secondary attach disk-options detach connect new-peer del-peer new-path del-path net-options disconnect resize resource-options peer-device-options new-current-uuid invalidate invalidate-remote pause-sync resume-sync suspend-io resume-io outdate verify down role peer-role cstate dstate show-gi get-gi show status check-resize events2 wait-sync-volume wait-sync-connection wait-sync-resource wait-connect-volume wait-connect-connection wait-connect-resource new-resource new-minor del-minor del-resource forget-peer rename-resource udev state sh-status events wait-connect wait-sync help" -f -a "outdate" -d 'Mark the data on a lower-level device as outdated.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand help; and not __fish_seen_subcommand_from primary secondary attach disk-options detach connect new-peer del-peer new-path del-path net-options disconnect resize resource-options peer-device-options new-current-uuid invalidate invalidate-remote pause-sync resume-sync suspend-io resume-io outdate verify down role peer-role cstate dstate show-gi get-gi show status check-resize events2 wait-sync-volume wait-sync-connection wait-sync-resource wait-connect-volume wait-connect-connection wait-connect-resource new-resource new-minor del-minor del-resource forget-peer rename-resource udev state sh-status events wait-connect wait-sync help" -f -a "verify" -d 'Verify the data on a lower-level device against a peer device.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand help; and not __fish_seen_subcommand_from primary secondary attach disk-options detach connect new-peer del-peer new-path del-path net-options disconnect resize resource-options peer-device-options new-current-uuid invalidate invalidate-remote pause-sync resume-sync suspend-io resume-io outdate verify down role peer-role cstate dstate show-gi get-gi show status check-resize events2 wait-sync-volume wait-sync-connection wait-sync-resource wait-connect-volume wait-connect-connection wait-connect-resource new-resource new-minor del-minor del-resource forget-peer rename-resource udev state sh-status events wait-connect wait-sync help" -f -a "down" -d 'Take a resource down.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand help; and not __fish_seen_subcommand_from primary secondary attach disk-options detach connect new-peer del-peer new-path del-path net-options disconnect resize resource-options peer-device-options new-current-uuid invalidate invalidate-remote pause-sync resume-sync suspend-io resume-io outdate verify down role peer-role cstate dstate show-gi get-gi show status check-resize events2 wait-sync-volume wait-sync-connection wait-sync-resource wait-connect-volume wait-connect-connection wait-connect-resource new-resource new-minor del-minor del-resource forget-peer rename-resource udev state sh-status events wait-connect wait-sync help" -f -a "role" -d 'Show the current role of a resource.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand help; and not __fish_seen_subcommand_from primary secondary attach disk-options detach connect new-peer del-peer new-path del-path net-options disconnect resize resource-options peer-device-options new-current-uuid invalidate invalidate-remote pause-sync resume-sync suspend-io resume-io outdate verify down role peer-role cstate dstate show-gi get-gi show status check-resize events2 wait-sync-volume wait-sync-connection wait-sync-resource wait-connect-volume wait-connect-connection wait-connect-resource new-resource new-minor del-minor del-resource forget-peer rename-resource udev state sh-status events wait-connect wait-sync help" -f -a "peer-role" -d 'Show the current role of a peer.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand help; and not __fish_seen_subcommand_from primary secondary attach disk-options detach connect new-peer del-peer new-path del-path net-options disconnect resize resource-options peer-device-options new-current-uuid invalidate invalidate-remote pause-sync resume-sync suspend-io resume-io outdate verify down role peer-role cstate dstate show-gi get-gi show status check-resize events2 wait-sync-volume wait-sync-connection wait-sync-resource wait-connect-volume wait-connect-connection wait-connect-resource new-resource new-minor del-minor del-resource forget-peer rename-resource udev state sh-status events wait-connect wait-sync help" -f -a "cstate" -d 'Show the current state of a connection.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand help; and not __fish_seen_subcommand_from primary secondary attach disk-options detach connect new-peer del-peer new-path del-path net-options disconnect resize resource-options peer-device-options new-current-uuid invalidate invalidate-remote pause-sync resume-sync suspend-io resume-io outdate verify down role peer-role cstate dstate show-gi get-gi show status check-resize events2 wait-sync-volume wait-sync-connection wait-sync-resource wait-connect-volume wait-connect-connection wait-connect-resource new-resource new-minor del-minor del-resource forget-peer rename-resource udev state sh-status events wait-connect wait-sync help" -f -a "dstate" -d 'Show the current disk state of a lower-level device.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand help; and not __fish_seen_subcommand_from primary secondary attach disk-options detach connect new-peer del-peer new-path del-path net-options disconnect resize resource-options peer-device-options new-current-uuid invalidate invalidate-remote pause-sync resume-sync suspend-io resume-io outdate verify down role peer-role cstate dstate show-gi get-gi show status check-resize events2 wait-sync-volume wait-sync-connection wait-sync-resource wait-connect-volume wait-connect-connection wait-connect-resource new-resource new-minor del-minor del-resource forget-peer rename-resource udev state sh-status events wait-connect wait-sync help" -f -a "show-gi" -d 'Show the data generation identifiers for a device on a particular connection, with explanations.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand help; and not __fish_seen_subcommand_from primary secondary attach disk-options detach connect new-peer del-peer new-path del-path net-options disconnect resize resource-options peer-device-options new-current-uuid invalidate invalidate-remote pause-sync resume-sync suspend-io resume-io outdate verify down role peer-role cstate dstate show-gi get-gi show status check-resize events2 wait-sync-volume wait-sync-connection wait-sync-resource wait-connect-volume wait-connect-connection wait-connect-resource new-resource new-minor del-minor del-resource forget-peer rename-resource udev state sh-status events wait-connect wait-sync help" -f -a "get-gi" -d 'Show the data generation identifiers for a device on a particular connection.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand help; and not __fish_seen_subcommand_from primary secondary attach disk-options detach connect new-peer del-peer new-path del-path net-options disconnect resize resource-options peer-device-options new-current-uuid invalidate invalidate-remote pause-sync resume-sync suspend-io resume-io outdate verify down role peer-role cstate dstate show-gi get-gi show status check-resize events2 wait-sync-volume wait-sync-connection wait-sync-resource wait-connect-volume wait-connect-connection wait-connect-resource new-resource new-minor del-minor del-resource forget-peer rename-resource udev state sh-status events wait-connect wait-sync help" -f -a "show" -d 'Show the current configuration of a resource, or of all resources.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand help; and not __fish_seen_subcommand_from primary secondary attach disk-options detach connect new-peer del-peer new-path del-path net-options disconnect resize resource-options peer-device-options new-current-uuid invalidate invalidate-remote pause-sync resume-sync suspend-io resume-io outdate verify down role peer-role cstate dstate show-gi get-gi show status check-resize events2 wait-sync-volume wait-sync-connection wait-sync-resource wait-connect-volume wait-connect-connection wait-connect-resource new-resource new-minor del-minor del-resource forget-peer rename-resource udev state sh-status events wait-connect wait-sync help" -f -a "status" -d 'Show the state of a resource, or of all resources.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand help; and not __fish_seen_subcommand_from primary secondary attach disk-options detach connect new-peer del-peer new-path del-path net-options disconnect resize resource-options peer-device-options new-current-uuid invalidate invalidate-remote pause-sync resume-sync suspend-io resume-io outdate verify down role peer-role cstate dstate show-gi get-gi show status check-resize events2 wait-sync-volume wait-sync-connection wait-sync-resource wait-connect-volume wait-connect-connection wait-connect-resource new-resource new-minor del-minor del-resource forget-peer rename-resource udev state sh-status events wait-connect wait-sync help" -f -a "check-resize" -d 'Remember the current size of a lower-level device.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand help; and not __fish_seen_subcommand_from primary secondary attach disk-options detach connect new-peer del-peer new-path del-path net-options disconnect resize resource-options peer-device-options new-current-uuid invalidate invalidate-remote pause-sync resume-sync suspend-io resume-io outdate verify down role peer-role cstate dstate show-gi get-gi show status check-resize events2 wait-sync-volume wait-sync-connection wait-sync-resource wait-connect-volume wait-connect-connection wait-connect-resource new-resource new-minor del-minor del-resource forget-peer rename-resource udev state sh-status events wait-connect wait-sync help" -f -a "events2" -d 'Show the current state and all state changes of a resource, or of all resources.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand help; and not __fish_seen_subcommand_from primary secondary attach disk-options detach connect new-peer del-peer new-path del-path net-options disconnect resize resource-options peer-device-options new-current-uuid invalidate invalidate-remote pause-sync resume-sync suspend-io resume-io outdate verify down role peer-role cstate dstate show-gi get-gi show status check-resize events2 wait-sync-volume wait-sync-connection wait-sync-resource wait-connect-volume wait-connect-connection wait-connect-resource new-resource new-minor del-minor del-resource forget-peer rename-resource udev state sh-status events wait-connect wait-sync help" -f -a "wait-sync-volume" -d 'Wait until resync finished on a volume.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand help; and not __fish_seen_subcommand_from primary secondary attach disk-options detach connect new-peer del-peer new-path del-path net-options disconnect resize resource-options peer-device-options new-current-uuid invalidate invalidate-remote pause-sync resume-sync suspend-io resume-io outdate verify down role peer-role cstate dstate show-gi get-gi show status check-resize events2 wait-sync-volume wait-sync-connection wait-sync-resource wait-connect-volume wait-connect-connection wait-connect-resource new-resource new-minor del-minor del-resource forget-peer rename-resource udev state sh-status events wait-connect wait-sync help" -f -a "wait-sync-connection" -d 'Wait until resync finished on all volumes of a connection.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand help; and not __fish_seen_subcommand_from primary secondary attach disk-options detach connect new-peer del-peer new-path del-path net-options disconnect resize resource-options peer-device-options new-current-uuid invalidate invalidate-remote pause-sync resume-sync suspend-io resume-io outdate verify down role peer-role cstate dstate show-gi get-gi show status check-resize events2 wait-sync-volume wait-sync-connection wait-sync-resource wait-connect-volume wait-connect-connection wait-connect-resource new-resource new-minor del-minor del-resource forget-peer rename-resource udev state sh-status events wait-connect wait-sync help" -f -a "wait-sync-resource" -d 'Wait until resync finished on all volumes.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand help; and not __fish_seen_subcommand_from primary secondary attach disk-options detach connect new-peer del-peer new-path del-path net-options disconnect resize resource-options peer-device-options new-current-uuid invalidate invalidate-remote pause-sync resume-sync suspend-io resume-io outdate verify down role peer-role cstate dstate show-gi get-gi show status check-resize events2 wait-sync-volume wait-sync-connection wait-sync-resource wait-connect-volume wait-connect-connection wait-connect-resource new-resource new-minor del-minor del-resource forget-peer rename-resource udev state sh-status events wait-connect wait-sync help" -f -a "wait-connect-volume" -d 'Wait until a device on a peer is visible.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand help; and not __fish_seen_subcommand_from primary secondary attach disk-options detach connect new-peer del-peer new-path del-path net-options disconnect resize resource-options peer-device-options new-current-uuid invalidate invalidate-remote pause-sync resume-sync suspend-io resume-io outdate verify down role peer-role cstate dstate show-gi get-gi show status check-resize events2 wait-sync-volume wait-sync-connection wait-sync-resource wait-connect-volume wait-connect-connection wait-connect-resource new-resource new-minor del-minor del-resource forget-peer rename-resource udev state sh-status events wait-connect wait-sync help" -f -a "wait-connect-connection" -d 'Wait until all peer volumes of connection are visible.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand help; and not __fish_seen_subcommand_from primary secondary attach disk-options detach connect new-peer del-peer new-path del-path net-options disconnect resize resource-options peer-device-options new-current-uuid invalidate invalidate-remote pause-sync resume-sync suspend-io resume-io outdate verify down role peer-role cstate dstate show-gi get-gi show status check-resize events2 wait-sync-volume wait-sync-connection wait-sync-resource wait-connect-volume wait-connect-connection wait-connect-resource new-resource new-minor del-minor del-resource forget-peer rename-resource udev state sh-status events wait-connect wait-sync help" -f -a "wait-connect-resource" -d 'Wait until all connections are establised.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand help; and not __fish_seen_subcommand_from primary secondary attach disk-options detach connect new-peer del-peer new-path del-path net-options disconnect resize resource-options peer-device-options new-current-uuid invalidate invalidate-remote pause-sync resume-sync suspend-io resume-io outdate verify down role peer-role cstate dstate show-gi get-gi show status check-resize events2 wait-sync-volume wait-sync-connection wait-sync-resource wait-connect-volume wait-connect-connection wait-connect-resource new-resource new-minor del-minor del-resource forget-peer rename-resource udev state sh-status events wait-connect wait-sync help" -f -a "new-resource" -d 'Create a new resource.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand help; and not __fish_seen_subcommand_from primary secondary attach disk-options detach connect new-peer del-peer new-path del-path net-options disconnect resize resource-options peer-device-options new-current-uuid invalidate invalidate-remote pause-sync resume-sync suspend-io resume-io outdate verify down role peer-role cstate dstate show-gi get-gi show status check-resize events2 wait-sync-volume wait-sync-connection wait-sync-resource wait-connect-volume wait-connect-connection wait-connect-resource new-resource new-minor del-minor del-resource forget-peer rename-resource udev state sh-status events wait-connect wait-sync help" -f -a "new-minor" -d 'Create a new replicated device within a resource.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand help; and not __fish_seen_subcommand_from primary secondary attach disk-options detach connect new-peer del-peer new-path del-path net-options disconnect resize resource-options peer-device-options new-current-uuid invalidate invalidate-remote pause-sync resume-sync suspend-io resume-io outdate verify down role peer-role cstate dstate show-gi get-gi show status check-resize events2 wait-sync-volume wait-sync-connection wait-sync-resource wait-connect-volume wait-connect-connection wait-connect-resource new-resource new-minor del-minor del-resource forget-peer rename-resource udev state sh-status events wait-connect wait-sync help" -f -a "del-minor" -d 'Remove a replicated device.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand help; and not __fish_seen_subcommand_from primary secondary attach disk-options detach connect new-peer del-peer new-path del-path net-options disconnect resize resource-options peer-device-options new-current-uuid invalidate invalidate-remote pause-sync resume-sync suspend-io resume-io outdate verify down role peer-role cstate dstate show-gi get-gi show status check-resize events2 wait-sync-volume wait-sync-connection wait-sync-resource wait-connect-volume wait-connect-connection wait-connect-resource new-resource new-minor del-minor del-resource forget-peer rename-resource udev state sh-status events wait-connect wait-sync help" -f -a "del-resource" -d 'Remove a resource.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand help; and not __fish_seen_subcommand_from primary secondary attach disk-options detach connect new-peer del-peer new-path del-path net-options disconnect resize resource-options peer-device-options new-current-uuid invalidate invalidate-remote pause-sync resume-sync suspend-io resume-io outdate verify down role peer-role cstate dstate show-gi get-gi show status check-resize events2 wait-sync-volume wait-sync-connection wait-sync-resource wait-connect-volume wait-connect-connection wait-connect-resource new-resource new-minor del-minor del-resource forget-peer rename-resource udev state sh-status events wait-connect wait-sync help" -f -a "forget-peer" -d 'Completely remove any reference to an unconnected peer from meta-data.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand help; and not __fish_seen_subcommand_from primary secondary attach disk-options detach connect new-peer del-peer new-path del-path net-options disconnect resize resource-options peer-device-options new-current-uuid invalidate invalidate-remote pause-sync resume-sync suspend-io resume-io outdate verify down role peer-role cstate dstate show-gi get-gi show status check-resize events2 wait-sync-volume wait-sync-connection wait-sync-resource wait-connect-volume wait-connect-connection wait-connect-resource new-resource new-minor del-minor del-resource forget-peer rename-resource udev state sh-status events wait-connect wait-sync help" -f -a "rename-resource" -d 'Rename a resource.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand help; and not __fish_seen_subcommand_from primary secondary attach disk-options detach connect new-peer del-peer new-path del-path net-options disconnect resize resource-options peer-device-options new-current-uuid invalidate invalidate-remote pause-sync resume-sync suspend-io resume-io outdate verify down role peer-role cstate dstate show-gi get-gi show status check-resize events2 wait-sync-volume wait-sync-connection wait-sync-resource wait-connect-volume wait-connect-connection wait-connect-resource new-resource new-minor del-minor del-resource forget-peer rename-resource udev state sh-status events wait-connect wait-sync help" -f -a "udev" -d 'Generate output for udev rules.'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand help; and not __fish_seen_subcommand_from primary secondary attach disk-options detach connect new-peer del-peer new-path del-path net-options disconnect resize resource-options peer-device-options new-current-uuid invalidate invalidate-remote pause-sync resume-sync suspend-io resume-io outdate verify down role peer-role cstate dstate show-gi get-gi show status check-resize events2 wait-sync-volume wait-sync-connection wait-sync-resource wait-connect-volume wait-connect-connection wait-connect-resource new-resource new-minor del-minor del-resource forget-peer rename-resource udev state sh-status events wait-connect wait-sync help" -f -a "state" -d 'Shows the role (8.4 alias of role). (8.4 only.)'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand help; and not __fish_seen_subcommand_from primary secondary attach disk-options detach connect new-peer del-peer new-path del-path net-options disconnect resize resource-options peer-device-options new-current-uuid invalidate invalidate-remote pause-sync resume-sync suspend-io resume-io outdate verify down role peer-role cstate dstate show-gi get-gi show status check-resize events2 wait-sync-volume wait-sync-connection wait-sync-resource wait-connect-volume wait-connect-connection wait-connect-resource new-resource new-minor del-minor del-resource forget-peer rename-resource udev state sh-status events wait-connect wait-sync help" -f -a "sh-status" -d 'Prints the status in shell variable form (8.4). (8.4 only.)'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand help; and not __fish_seen_subcommand_from primary secondary attach disk-options detach connect new-peer del-peer new-path del-path net-options disconnect resize resource-options peer-device-options new-current-uuid invalidate invalidate-remote pause-sync resume-sync suspend-io resume-io outdate verify down role peer-role cstate dstate show-gi get-gi show status check-resize events2 wait-sync-volume wait-sync-connection wait-sync-resource wait-connect-volume wait-connect-connection wait-connect-resource new-resource new-minor del-minor del-resource forget-peer rename-resource udev state sh-status events wait-connect wait-sync help" -f -a "events" -d 'drbdsetup events. (8.4 only.)'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand help; and not __fish_seen_subcommand_from primary secondary attach disk-options detach connect new-peer del-peer new-path del-path net-options disconnect resize resource-options peer-device-options new-current-uuid invalidate invalidate-remote pause-sync resume-sync suspend-io resume-io outdate verify down role peer-role cstate dstate show-gi get-gi show status check-resize events2 wait-sync-volume wait-sync-connection wait-sync-resource wait-connect-volume wait-connect-connection wait-connect-resource new-resource new-minor del-minor del-resource forget-peer rename-resource udev state sh-status events wait-connect wait-sync help" -f -a "wait-connect" -d 'Waits until connected. (8.4 only.)'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand help; and not __fish_seen_subcommand_from primary secondary attach disk-options detach connect new-peer del-peer new-path del-path net-options disconnect resize resource-options peer-device-options new-current-uuid invalidate invalidate-remote pause-sync resume-sync suspend-io resume-io outdate verify down role peer-role cstate dstate show-gi get-gi show status check-resize events2 wait-sync-volume wait-sync-connection wait-sync-resource wait-connect-volume wait-connect-connection wait-connect-resource new-resource new-minor del-minor del-resource forget-peer rename-resource udev state sh-status events wait-connect wait-sync help" -f -a "wait-sync" -d 'Waits until connected and in sync. (8.4 only.)'
complete -c drbdsetup -n "__fish_drbdsetup_using_subcommand help; and not __fish_seen_subcommand_from primary secondary attach disk-options detach connect new-peer del-peer new-path del-path net-options disconnect resize resource-options peer-device-options new-current-uuid invalidate invalidate-remote pause-sync resume-sync suspend-io resume-io outdate verify down role peer-role cstate dstate show-gi get-gi show status check-resize events2 wait-sync-volume wait-sync-connection wait-sync-resource wait-connect-volume wait-connect-connection wait-connect-resource new-resource new-minor del-minor del-resource forget-peer rename-resource udev state sh-status events wait-connect wait-sync help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
