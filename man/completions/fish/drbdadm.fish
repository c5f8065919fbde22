# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_drbdadm_global_optspecs
    string join \n d/dry-run v/verbose c/config-file= t/config-to-test= E/config-to-exclude= S/stacked s/drbdsetup= m/drbdmeta= p/drbd-proxy-ctl= n/sh-varname= W/setup-option= P/peer= V/version h/help
end

function __fish_drbdadm_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_drbdadm_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_drbdadm_using_subcommand
    set -l cmd (__fish_drbdadm_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c drbdadm -n "__fish_drbdadm_needs_command" -s c -l config-file -d 'Read FILE instead of the default configuration file; - reads standard input.' -r -F
complete -c drbdadm -n "__fish_drbdadm_needs_command" -s t -l config-to-test -d 'Also read FILE, a configuration to check (with sh-nop or dump).' -r -F
complete -c drbdadm -n "__fish_drbdadm_needs_command" -s E -l config-to-exclude -d 'Skip FILE when reading the configuration (used with -t).' -r -F
complete -c drbdadm -n "__fish_drbdadm_needs_command" -s s -l drbdsetup -d 'The drbdsetup program to call.' -r -F
complete -c drbdadm -n "__fish_drbdadm_needs_command" -s m -l drbdmeta -d 'The drbdmeta program to call.' -r -F
complete -c drbdadm -n "__fish_drbdadm_needs_command" -s p -l drbd-proxy-ctl -d 'The drbd-proxy-ctl program to call.' -r -F
complete -c drbdadm -n "__fish_drbdadm_needs_command" -s n -l sh-varname -d 'The variable name the sh-* commands print.' -r
complete -c drbdadm -n "__fish_drbdadm_needs_command" -s W -l setup-option -d 'Pass OPTION to drbdsetup unchecked.' -r
complete -c drbdadm -n "__fish_drbdadm_needs_command" -s P -l peer -d '8.4: the peer to operate on.' -r
complete -c drbdadm -n "__fish_drbdadm_needs_command" -s d -l dry-run -d 'Print the drbdsetup and drbdmeta calls instead of running them.'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -s v -l verbose -d 'Print each call before running it.'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -s S -l stacked -d 'Operate on the stacked resources on top of the named resources.'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -s V -l version -d 'Print the version as KEY=value lines and exit.'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -s h -l help -d 'Print the usage and exit.'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -f -a "attach" -d 'Attaches the backing devices of the resource\'s volumes (applies the activity log first).'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -f -a "disk-options" -d 'Changes the disk options of attached volumes to those of the configuration.'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -f -a "detach" -d 'Detaches the backing devices; the volumes become diskless.'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -f -a "new-peer" -d 'Creates the connections to the peers (DRBD 9).'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -f -a "del-peer" -d 'Removes the connections to the peers (DRBD 9).'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -f -a "new-path" -d 'Adds the configured network paths to the connections (DRBD 9).'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -f -a "del-path" -d 'Removes network paths from the connections (DRBD 9).'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -f -a "connect" -d 'Connects the resource to its peers (creating connections and paths as needed).'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -f -a "net-options" -d 'Changes the net options of the connections to those of the configuration.'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -f -a "disconnect" -d 'Disconnects the resource from its peers.'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -f -a "up" -d 'Brings the resource up: new-resource, new-minor, attach, connect.'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -f -a "resource-options" -d 'Changes the resource options to those of the configuration.'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -f -a "peer-device-options" -d 'Changes the peer-device options to those of the configuration (DRBD 9).'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -f -a "down" -d 'Takes the resource down: disconnects, detaches and deletes it from the kernel.'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -f -a "primary" -d 'Promotes the resource to the primary role.'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -f -a "secondary" -d 'Demotes the resource to the secondary role.'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -f -a "invalidate" -d 'Discards the local data and resynchronises it from a peer.'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -f -a "invalidate-remote" -d 'Makes the peers discard their data and resynchronise it from this node.'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -f -a "outdate" -d 'Marks the local data as outdated.'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -f -a "resize" -d 'Grows or shrinks the device after the backing devices changed size.'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -f -a "verify" -d 'Starts an online verification against the peers.'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -f -a "pause-sync" -d 'Pauses a running resynchronisation.'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -f -a "resume-sync" -d 'Resumes a paused resynchronisation.'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -f -a "adjust" -d 'Makes the kernel\'s configuration of the resource match the configuration file.'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -f -a "adjust-with-progress" -d 'Like adjust, with progress output.'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -f -a "wait-connect" -d 'Waits until the resource is connected to its peers.'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -f -a "wait-sync" -d 'Waits until the resource is connected and resynchronised.'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -f -a "wait-con-int" -d 'Waits for the connections of all resources (boot scripts): after ten seconds it shows the wfc-timeout values and stops waiting when the operator types yes; without a terminal it uses /dev/console. Always exits 0.'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -f -a "role" -d 'Shows the role of the resource.'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -f -a "cstate" -d 'Shows the connection state.'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -f -a "dstate" -d 'Shows the disk state of the backing devices.'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -f -a "status" -d 'Shows the status of the resource.'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -f -a "dump" -d 'Prints the configuration of the resource in canonical form.'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -f -a "dump-xml" -d 'Prints the configuration as XML.'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -f -a "create-md" -d 'Initialises the meta data of the volumes (runs drbdmeta create-md).'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -f -a "show-gi" -d 'Shows the generation identifiers of the volumes with explanations.'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -f -a "get-gi" -d 'Prints the generation identifiers of the volumes.'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -f -a "dump-md" -d 'Dumps the meta data of the volumes in text form.'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -f -a "dump-superblock" -d 'Prints the meta data superblock.'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -f -a "wipe-md" -d 'Destroys the meta data of the volumes.'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -f -a "apply-al" -d 'Applies the activity log to the bitmap.'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -f -a "forget-peer" -d 'Removes a peer\'s slot from the meta data (DRBD 9).'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -f -a "repair-md" -d 'Repairs damaged meta data.'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -f -a "hidden-commands" -d 'Lists the commands not shown in the usage text.'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -f -a "sh-nop" -d 'Parses the configuration and exits; the exit code tells whether it is valid.'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -f -a "sh-resources" -d 'Prints the names of the resources defined for this host.'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -f -a "sh-resource" -d 'Prints the name of the resource of a device.'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -f -a "sh-mod-parms" -d 'Prints the kernel module parameters for the configuration.'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -f -a "sh-dev" -d 'Prints the device of each volume.'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -f -a "sh-udev" -d 'Prints udev environment variables for a volume.'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -f -a "sh-minor" -d 'Prints the minor number of each volume.'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -f -a "sh-ll-dev" -d 'Prints the backing device of each volume.'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -f -a "sh-md-dev" -d 'Prints the meta data device of each volume.'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -f -a "sh-md-idx" -d 'Prints the meta data index of each volume.'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -f -a "sh-ip" -d 'Prints this node\'s address of the resource.'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -f -a "sh-lr-of" -d 'Prints the lower resource of a stacked resource.'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -f -a "sh-list-config-file" -d 'Prints the configuration file that defines the resource.'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -f -a "sh-list-adjustable" -d 'Lists the resources adjust would change.'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -f -a "proxy-up" -d 'Configures drbd-proxy for the connections.'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -f -a "proxy-down" -d 'Removes the drbd-proxy configuration of the connections.'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -f -a "new-resource" -d 'Creates the resource in the kernel.'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -f -a "new-minor" -d 'Creates the resource\'s devices in the kernel. (Expert command, not in the usage text.)'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -f -a "del-minor" -d 'Removes the resource\'s devices from the kernel. (Expert command, not in the usage text.)'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -f -a "suspend-io" -d 'Suspends I/O on the volumes. (Expert command, not in the usage text.)'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -f -a "resume-io" -d 'Resumes suspended I/O. (Expert command, not in the usage text.)'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -f -a "set-gi" -d 'Sets the generation identifiers in the meta data (expert). (Expert command, not in the usage text.)'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -f -a "new-current-uuid" -d 'Generates a new current UUID (skipping the initial sync with --clear-bitmap). (Expert command, not in the usage text.)'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -f -a "check-resize" -d 'Records the size of the backing devices for the next resize. (Expert command, not in the usage text.)'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -f -a "lint" -d 'Checks the configuration and reports every problem (drbd-rs).'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -f -a "sh-b-pri" -d 'Promotes resources with become-primary-on (8.4 start-up scripts). (8.4 personality only.)'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -f -a "sh-status" -d 'Prints the status in shell variable form (8.4). (8.4 personality only.)'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -f -a "sh-new-minor" -d 'Creates the resource\'s devices in the kernel (8.4 spelling of new-minor). (8.4 personality only.) (Expert command, not in the usage text.)'
complete -c drbdadm -n "__fish_drbdadm_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand attach" -l size -d 'Use only this much of the backing device instead of all of it.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand attach" -l on-io-error -d 'What to do when the backing device reports an I/O error.' -r -f -a "pass_on\t''
call-local-io-error\t''
detach\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand attach" -l disk-barrier -d 'Order writes with block-layer barriers (only for old kernels and devices).' -r -f -a "yes\t''
no\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand attach" -l disk-flushes -d 'Order writes with cache flushes of the backing device.' -r -f -a "yes\t''
no\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand attach" -l disk-drain -d 'Order writes by draining the request queue before dependent writes.' -r -f -a "yes\t''
no\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand attach" -l md-flushes -d 'Flush the meta-data device\'s cache after meta-data writes.' -r -f -a "yes\t''
no\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand attach" -l resync-after -d 'Resync this device only after the given device has finished (a minor; -1 for none).' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand attach" -l al-extents -d 'How many 4 MiB extents the activity log keeps hot.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand attach" -l al-updates -d 'Keep the activity log on disk up to date (off means a full resync after a crash).' -r -f -a "yes\t''
no\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand attach" -l discard-zeroes-if-aligned -d 'Treat aligned discards as zeroing when the backing device claims so.' -r -f -a "yes\t''
no\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand attach" -l disable-write-same -d 'Do not announce WRITE SAME support to upper layers.' -r -f -a "yes\t''
no\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand attach" -l disk-timeout -d 'How long the backing device may take for a request before it is treated as failed.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand attach" -l read-balancing -d 'Which node serves read requests when both have good data.' -r -f -a "prefer-local\t''
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
complete -c drbdadm -n "__fish_drbdadm_using_subcommand attach" -l rs-discard-granularity -d 'Resync zeroed ranges as discards of this size; 0 disables it.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand attach" -l bitmap -d 'Keep a bitmap slot for this volume (no means a diskless-peer-only volume).' -r -f -a "yes\t''
no\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand attach" -l max-bio-bvecs -d 'Limit the number of bio vectors per request (8.4; ignored by modern kernels).' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand attach" -l fencing -d 'What to do to the peer when this node loses the connection while primary.' -r -f -a "dont-care\t''
resource-only\t''
resource-and-stonith\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand attach" -l resync-rate -d 'The bandwidth a resync may use, in KiB/s unless a suffix says otherwise.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand attach" -l c-plan-ahead -d 'How far ahead the dynamic resync-rate controller plans; 0 uses the fixed resync-rate.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand attach" -l c-delay-target -d 'The delay the resync controller aims at.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand attach" -l c-fill-target -d 'The amount of resync data in flight the controller aims at; 0 uses c-delay-target.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand attach" -l c-max-rate -d 'The most bandwidth the resync controller may use.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand attach" -l c-min-rate -d 'The resync bandwidth kept even while application I/O competes for the disk.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand disk-options" -l size -d 'Use only this much of the backing device instead of all of it.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand disk-options" -l on-io-error -d 'What to do when the backing device reports an I/O error.' -r -f -a "pass_on\t''
call-local-io-error\t''
detach\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand disk-options" -l disk-barrier -d 'Order writes with block-layer barriers (only for old kernels and devices).' -r -f -a "yes\t''
no\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand disk-options" -l disk-flushes -d 'Order writes with cache flushes of the backing device.' -r -f -a "yes\t''
no\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand disk-options" -l disk-drain -d 'Order writes by draining the request queue before dependent writes.' -r -f -a "yes\t''
no\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand disk-options" -l md-flushes -d 'Flush the meta-data device\'s cache after meta-data writes.' -r -f -a "yes\t''
no\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand disk-options" -l resync-after -d 'Resync this device only after the given device has finished (a minor; -1 for none).' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand disk-options" -l al-extents -d 'How many 4 MiB extents the activity log keeps hot.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand disk-options" -l al-updates -d 'Keep the activity log on disk up to date (off means a full resync after a crash).' -r -f -a "yes\t''
no\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand disk-options" -l discard-zeroes-if-aligned -d 'Treat aligned discards as zeroing when the backing device claims so.' -r -f -a "yes\t''
no\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand disk-options" -l disable-write-same -d 'Do not announce WRITE SAME support to upper layers.' -r -f -a "yes\t''
no\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand disk-options" -l disk-timeout -d 'How long the backing device may take for a request before it is treated as failed.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand disk-options" -l read-balancing -d 'Which node serves read requests when both have good data.' -r -f -a "prefer-local\t''
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
complete -c drbdadm -n "__fish_drbdadm_using_subcommand disk-options" -l rs-discard-granularity -d 'Resync zeroed ranges as discards of this size; 0 disables it.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand disk-options" -l bitmap -d 'Keep a bitmap slot for this volume (no means a diskless-peer-only volume).' -r -f -a "yes\t''
no\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand disk-options" -l fencing -d 'What to do to the peer when this node loses the connection while primary.' -r -f -a "dont-care\t''
resource-only\t''
resource-and-stonith\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand disk-options" -l resync-rate -d 'The bandwidth a resync may use, in KiB/s unless a suffix says otherwise.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand disk-options" -l c-plan-ahead -d 'How far ahead the dynamic resync-rate controller plans; 0 uses the fixed resync-rate.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand disk-options" -l c-delay-target -d 'The delay the resync controller aims at.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand disk-options" -l c-fill-target -d 'The amount of resync data in flight the controller aims at; 0 uses c-delay-target.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand disk-options" -l c-max-rate -d 'The most bandwidth the resync controller may use.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand disk-options" -l c-min-rate -d 'The resync bandwidth kept even while application I/O competes for the disk.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand detach" -l force -d 'detach: detach at once, failing pending I/O, instead of waiting for it.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand detach" -l diskless -d 'detach: the node is to stay intentionally diskless afterwards.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand new-peer" -l transport -d 'The transport module a connection uses (tcp by default, or rdma); fixed once created.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand new-peer" -l load-balance-paths -d 'Spread the traffic of a connection over all of its paths instead of using one.' -r -f -a "yes\t''
no\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand new-peer" -l protocol -d 'The replication protocol: A (asynchronous), B (memory synchronous) or C (synchronous).' -r -f -a "A\t''
B\t''
C\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand new-peer" -l timeout -d 'How long to wait for a reply from the peer before it is considered dead.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand new-peer" -l max-epoch-size -d 'The most write requests between two write barriers.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand new-peer" -l connect-int -d 'How long to wait between two connection attempts.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand new-peer" -l ping-int -d 'How long an idle connection waits before it checks the peer with a ping.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand new-peer" -l sndbuf-size -d 'The size of the socket send buffer; 0 lets the kernel size it.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand new-peer" -l rcvbuf-size -d 'The size of the socket receive buffer; 0 lets the kernel size it.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand new-peer" -l ko-count -d 'How many timed-out write requests make a primary drop the peer; 0 never does.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand new-peer" -l allow-two-primaries -d 'Allow both nodes to be primary at once (needs a cluster file system).' -r -f -a "yes\t''
no\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand new-peer" -l cram-hmac-alg -d 'The HMAC algorithm used to authenticate the peer with the shared secret.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand new-peer" -l shared-secret -d 'The secret both peers must know to authenticate each other.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand new-peer" -l after-sb-0pri -d 'How to recover from split brain when neither node is primary.' -r -f -a "disconnect\t''
discard-younger-primary\t''
discard-older-primary\t''
discard-zero-changes\t''
discard-least-changes\t''
discard-local\t''
discard-remote\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand new-peer" -l after-sb-1pri -d 'How to recover from split brain when one node is primary.' -r -f -a "disconnect\t''
consensus\t''
discard-secondary\t''
call-pri-lost-after-sb\t''
violently-as0p\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand new-peer" -l after-sb-2pri -d 'How to recover from split brain when both nodes are primary.' -r -f -a "disconnect\t''
call-pri-lost-after-sb\t''
violently-as0p\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand new-peer" -l always-asbp -d 'Apply the after-split-brain policies even when the data generations do not say so.' -r -f -a "yes\t''
no\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand new-peer" -l rr-conflict -d 'What to do when the resync direction would demote a primary\'s data.' -r -f -a "disconnect\t''
call-pri-lost\t''
violently\t''
retry-connect\t''
auto-discard\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand new-peer" -l ping-timeout -d 'How long to wait for the answer to a ping before the peer is considered dead.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand new-peer" -l data-integrity-alg -d 'The digest algorithm used to check every replicated data block end to end.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand new-peer" -l tcp-cork -d 'Give the network stack hints to coalesce small packets.' -r -f -a "yes\t''
no\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand new-peer" -l on-congestion -d 'What protocol A does when the send buffer fills: block, pull ahead or disconnect.' -r -f -a "block\t''
pull-ahead\t''
disconnect\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand new-peer" -l congestion-fill -d 'How much data in flight counts as congestion; 0 disables the check.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand new-peer" -l congestion-extents -d 'How many active activity-log extents count as congestion.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand new-peer" -l csums-alg -d 'The digest used to skip resyncing blocks whose contents already match.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand new-peer" -l csums-after-crash-only -d 'Use the checksum-based resync only after a primary crash.' -r -f -a "yes\t''
no\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand new-peer" -l verify-alg -d 'The digest used by online verification.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand new-peer" -l use-rle -d 'Compress the bitmap exchange with run-length encoding.' -r -f -a "yes\t''
no\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand new-peer" -l socket-check-timeout -d 'How long to wait for the second socket of a new connection; 0 uses ping-timeout.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand new-peer" -l fencing -d 'What to do to the peer when this node loses the connection while primary.' -r -f -a "dont-care\t''
resource-only\t''
resource-and-stonith\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand new-peer" -l max-buffers -d 'How many pages the receiver may use for data in flight.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand new-peer" -l allow-remote-read -d 'Allow reading from the peer when the local disk is not usable for a request.' -r -f -a "yes\t''
no\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand new-peer" -l tls -d 'Encrypt the connection with kernel TLS.' -r -f -a "yes\t''
no\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand new-peer" -l tls-keyring -d 'The keyring holding the TLS key and certificate, named by its description.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand new-peer" -l tls-privkey -d 'The TLS private key, named by its key description.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand new-peer" -l tls-certificate -d 'The TLS certificate, named by its key description.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand new-peer" -l rdma-ctrl-rcvbuf-size -d 'The receive buffer of the RDMA transport\'s control stream; 0 picks a default.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand new-peer" -l rdma-ctrl-sndbuf-size -d 'The send buffer of the RDMA transport\'s control stream; 0 picks a default.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand new-peer" -l _name -d 'The connection\'s name as shown by status and events (drbdadm passes the peer\'s host name).' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand del-peer" -l force -d 'disconnect: drop the connection at once instead of a clean state change.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand connect" -l alternate-address -d 'connect: a second local address for the connection (8.4 out-of-tree module only).' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand connect" -l alternate-peer-address -d 'connect: a second peer address for the connection (8.4 out-of-tree module only).' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand connect" -l protocol -d 'The replication protocol: A (asynchronous), B (memory synchronous) or C (synchronous).' -r -f -a "A\t''
B\t''
C\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand connect" -l timeout -d 'How long to wait for a reply from the peer before it is considered dead.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand connect" -l max-epoch-size -d 'The most write requests between two write barriers.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand connect" -l max-buffers -d 'How many pages the receiver may use for data in flight.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand connect" -l unplug-watermark -d 'How many queued write requests make the receiver kick the backing device (8.4).' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand connect" -l connect-int -d 'How long to wait between two connection attempts.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand connect" -l ping-int -d 'How long an idle connection waits before it checks the peer with a ping.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand connect" -l sndbuf-size -d 'The size of the socket send buffer; 0 lets the kernel size it.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand connect" -l rcvbuf-size -d 'The size of the socket receive buffer; 0 lets the kernel size it.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand connect" -l ko-count -d 'How many timed-out write requests make a primary drop the peer; 0 never does.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand connect" -l allow-two-primaries -d 'Allow both nodes to be primary at once (needs a cluster file system).' -r -f -a "yes\t''
no\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand connect" -l cram-hmac-alg -d 'The HMAC algorithm used to authenticate the peer with the shared secret.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand connect" -l shared-secret -d 'The secret both peers must know to authenticate each other.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand connect" -l after-sb-0pri -d 'How to recover from split brain when neither node is primary.' -r -f -a "disconnect\t''
discard-younger-primary\t''
discard-older-primary\t''
discard-zero-changes\t''
discard-least-changes\t''
discard-local\t''
discard-remote\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand connect" -l after-sb-1pri -d 'How to recover from split brain when one node is primary.' -r -f -a "disconnect\t''
consensus\t''
discard-secondary\t''
call-pri-lost-after-sb\t''
violently-as0p\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand connect" -l after-sb-2pri -d 'How to recover from split brain when both nodes are primary.' -r -f -a "disconnect\t''
call-pri-lost-after-sb\t''
violently-as0p\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand connect" -l always-asbp -d 'Apply the after-split-brain policies even when the data generations do not say so.' -r -f -a "yes\t''
no\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand connect" -l rr-conflict -d 'What to do when the resync direction would demote a primary\'s data.' -r -f -a "disconnect\t''
call-pri-lost\t''
violently\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand connect" -l ping-timeout -d 'How long to wait for the answer to a ping before the peer is considered dead.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand connect" -l data-integrity-alg -d 'The digest algorithm used to check every replicated data block end to end.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand connect" -l tcp-cork -d 'Give the network stack hints to coalesce small packets.' -r -f -a "yes\t''
no\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand connect" -l on-congestion -d 'What protocol A does when the send buffer fills: block, pull ahead or disconnect.' -r -f -a "block\t''
pull-ahead\t''
disconnect\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand connect" -l congestion-fill -d 'How much data in flight counts as congestion; 0 disables the check.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand connect" -l congestion-extents -d 'How many active activity-log extents count as congestion.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand connect" -l csums-alg -d 'The digest used to skip resyncing blocks whose contents already match.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand connect" -l csums-after-crash-only -d 'Use the checksum-based resync only after a primary crash.' -r -f -a "yes\t''
no\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand connect" -l verify-alg -d 'The digest used by online verification.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand connect" -l use-rle -d 'Compress the bitmap exchange with run-length encoding.' -r -f -a "yes\t''
no\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand connect" -l socket-check-timeout -d 'How long to wait for the second socket of a new connection; 0 uses ping-timeout.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand connect" -l tentative -d 'connect: only check whether a connection would work, without a resync.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand connect" -l discard-my-data -d 'connect: become the resync target of a split brain, dropping local changes.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand net-options" -l protocol -d 'The replication protocol: A (asynchronous), B (memory synchronous) or C (synchronous).' -r -f -a "A\t''
B\t''
C\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand net-options" -l timeout -d 'How long to wait for a reply from the peer before it is considered dead.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand net-options" -l max-epoch-size -d 'The most write requests between two write barriers.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand net-options" -l connect-int -d 'How long to wait between two connection attempts.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand net-options" -l ping-int -d 'How long an idle connection waits before it checks the peer with a ping.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand net-options" -l sndbuf-size -d 'The size of the socket send buffer; 0 lets the kernel size it.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand net-options" -l rcvbuf-size -d 'The size of the socket receive buffer; 0 lets the kernel size it.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand net-options" -l ko-count -d 'How many timed-out write requests make a primary drop the peer; 0 never does.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand net-options" -l allow-two-primaries -d 'Allow both nodes to be primary at once (needs a cluster file system).' -r -f -a "yes\t''
no\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand net-options" -l cram-hmac-alg -d 'The HMAC algorithm used to authenticate the peer with the shared secret.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand net-options" -l shared-secret -d 'The secret both peers must know to authenticate each other.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand net-options" -l after-sb-0pri -d 'How to recover from split brain when neither node is primary.' -r -f -a "disconnect\t''
discard-younger-primary\t''
discard-older-primary\t''
discard-zero-changes\t''
discard-least-changes\t''
discard-local\t''
discard-remote\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand net-options" -l after-sb-1pri -d 'How to recover from split brain when one node is primary.' -r -f -a "disconnect\t''
consensus\t''
discard-secondary\t''
call-pri-lost-after-sb\t''
violently-as0p\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand net-options" -l after-sb-2pri -d 'How to recover from split brain when both nodes are primary.' -r -f -a "disconnect\t''
call-pri-lost-after-sb\t''
violently-as0p\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand net-options" -l always-asbp -d 'Apply the after-split-brain policies even when the data generations do not say so.' -r -f -a "yes\t''
no\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand net-options" -l rr-conflict -d 'What to do when the resync direction would demote a primary\'s data.' -r -f -a "disconnect\t''
call-pri-lost\t''
violently\t''
retry-connect\t''
auto-discard\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand net-options" -l ping-timeout -d 'How long to wait for the answer to a ping before the peer is considered dead.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand net-options" -l data-integrity-alg -d 'The digest algorithm used to check every replicated data block end to end.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand net-options" -l tcp-cork -d 'Give the network stack hints to coalesce small packets.' -r -f -a "yes\t''
no\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand net-options" -l on-congestion -d 'What protocol A does when the send buffer fills: block, pull ahead or disconnect.' -r -f -a "block\t''
pull-ahead\t''
disconnect\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand net-options" -l congestion-fill -d 'How much data in flight counts as congestion; 0 disables the check.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand net-options" -l congestion-extents -d 'How many active activity-log extents count as congestion.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand net-options" -l csums-alg -d 'The digest used to skip resyncing blocks whose contents already match.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand net-options" -l csums-after-crash-only -d 'Use the checksum-based resync only after a primary crash.' -r -f -a "yes\t''
no\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand net-options" -l verify-alg -d 'The digest used by online verification.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand net-options" -l use-rle -d 'Compress the bitmap exchange with run-length encoding.' -r -f -a "yes\t''
no\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand net-options" -l socket-check-timeout -d 'How long to wait for the second socket of a new connection; 0 uses ping-timeout.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand net-options" -l fencing -d 'What to do to the peer when this node loses the connection while primary.' -r -f -a "dont-care\t''
resource-only\t''
resource-and-stonith\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand net-options" -l max-buffers -d 'How many pages the receiver may use for data in flight.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand net-options" -l allow-remote-read -d 'Allow reading from the peer when the local disk is not usable for a request.' -r -f -a "yes\t''
no\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand net-options" -l tls -d 'Encrypt the connection with kernel TLS.' -r -f -a "yes\t''
no\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand net-options" -l tls-keyring -d 'The keyring holding the TLS key and certificate, named by its description.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand net-options" -l tls-privkey -d 'The TLS private key, named by its key description.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand net-options" -l tls-certificate -d 'The TLS certificate, named by its key description.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand net-options" -l rdma-ctrl-rcvbuf-size -d 'The receive buffer of the RDMA transport\'s control stream; 0 picks a default.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand net-options" -l rdma-ctrl-sndbuf-size -d 'The send buffer of the RDMA transport\'s control stream; 0 picks a default.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand net-options" -l _name -d 'The connection\'s name as shown by status and events (drbdadm passes the peer\'s host name).' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand net-options" -l unplug-watermark -d 'How many queued write requests make the receiver kick the backing device (8.4).' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand disconnect" -l force -d 'disconnect: drop the connection at once instead of a clean state change.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand resource-options" -l cpu-mask -d 'The CPUs the resource\'s kernel threads may run on, as a hexadecimal mask.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand resource-options" -l on-no-data-accessible -d 'What happens to I/O when no up-to-date data is reachable.' -r -f -a "io-error\t''
suspend-io\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand resource-options" -l auto-promote -d 'Become primary automatically when the device is opened for writing.' -r -f -a "yes\t''
no\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand resource-options" -l peer-ack-window -d 'How much data is written before peers acknowledge it to each other.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand resource-options" -l peer-ack-delay -d 'How long to wait before sending a peer acknowledgement when no more data comes.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand resource-options" -l twopc-timeout -d 'How long a cluster-wide state change may wait for all nodes to answer.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand resource-options" -l twopc-retry-timeout -d 'The base delay before a failed cluster-wide state change is retried.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand resource-options" -l auto-promote-timeout -d 'How long an open waits for auto-promotion to succeed.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand resource-options" -l max-io-depth -d 'The most application requests in flight per device.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand resource-options" -l quorum -d 'How many nodes must be reachable for writes: off, majority, all or a number.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand resource-options" -l on-no-quorum -d 'What happens to I/O when quorum is lost.' -r -f -a "io-error\t''
suspend-io\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand resource-options" -l quorum-minimum-redundancy -d 'How many up-to-date nodes a partition needs to have quorum.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand resource-options" -l on-suspended-primary-outdated -d 'What a primary with suspended I/O does when it learns its data is outdated.' -r -f -a "disconnect\t''
force-secondary\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand resource-options" -l drbd8-api-compatibility -d 'Let DRBD 9 behave like 8.4 towards applications (auto-promote off and such).' -r -f -a "yes\t''
no\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand peer-device-options" -l resync-rate -d 'The bandwidth a resync may use, in KiB/s unless a suffix says otherwise.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand peer-device-options" -l c-plan-ahead -d 'How far ahead the dynamic resync-rate controller plans; 0 uses the fixed resync-rate.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand peer-device-options" -l c-delay-target -d 'The delay the resync controller aims at.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand peer-device-options" -l c-fill-target -d 'The amount of resync data in flight the controller aims at; 0 uses c-delay-target.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand peer-device-options" -l c-max-rate -d 'The most bandwidth the resync controller may use.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand peer-device-options" -l c-min-rate -d 'The resync bandwidth kept even while application I/O competes for the disk.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand peer-device-options" -l bitmap -d 'Track out-of-sync blocks for this peer (no for peers that never resync).' -r -f -a "yes\t''
no\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand peer-device-options" -l resync-without-replication -d 'Allow a resync to this peer while it is not a replication target.' -r -f -a "yes\t''
no\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand peer-device-options" -l peer-tiebreaker -d 'Let this peer act as a tiebreaker in quorum decisions.' -r -f -a "yes\t''
no\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand primary" -l force -d 'primary: promote even without known up-to-date data; secondary: demote despite openers.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand secondary" -l force -d 'primary: promote even without known up-to-date data; secondary: demote despite openers.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand invalidate" -l sync-from-peer-node-id -d 'invalidate: the peer to resync from; -1 lets DRBD choose.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand invalidate" -l reset-bitmap -d 'invalidate: mark all blocks out of sync (no resyncs only what the bitmap says).' -r -f -a "yes\t''
no\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand invalidate" -l force -d 'primary: promote even without known up-to-date data; secondary: demote despite openers.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand invalidate-remote" -l reset-bitmap -d 'invalidate-remote: mark all blocks out of sync (no resyncs only what the bitmap says).' -r -f -a "yes\t''
no\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand resize" -l size -d 'resize: the new size of the device, instead of the size of the backing devices.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand resize" -l al-stripes -d 'resize: the number of stripes of the new activity-log layout.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand resize" -l al-stripe-size-kB -d 'resize: the size of one stripe of the new activity-log layout.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand resize" -l assume-peer-has-space -d 'resize: grow even though a disconnected peer might not have the space.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand resize" -l assume-clean -d 'resize: do not resync the added space.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand verify" -l start -d 'verify: where online verification starts.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand verify" -l stop -d 'verify: where online verification stops.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand adjust" -l skip-disk -d 'Do not change the disk configuration.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand adjust" -l skip-net -d 'Do not change the network configuration.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand adjust" -l tentative -d 'connect: only check whether a connection would work, without a resync.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand adjust" -l discard-my-data -d 'connect: become the resync target of a split brain, dropping local changes.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand dstate" -l force -d 'primary: promote even without known up-to-date data; secondary: demote despite openers.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand status" -l statistics -d 'Also print the statistics counters.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand create-md" -l max-peers -d 'create-md: how many peers the meta data reserves bitmap slots for.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand create-md" -l peer-max-bio-size -d 'create-md: the request size to assume for the peer until it is known.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand create-md" -l al-stripes -d 'create-md: the number of stripes of the activity log.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand create-md" -l al-stripe-size-kB -d 'create-md: the size of one activity-log stripe.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand create-md" -l effective-size -d 'create-md: record this as the size the device already had.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand create-md" -l bitmap-block-size -d 'create-md: how many bytes one bitmap bit covers (a power of two).' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand create-md" -l diskful-peers -d 'create-md: the node ids of the peers that have a disk (a list or a hex mask).' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand create-md" -l initial-current-uuid -d 'create-md: the current UUID to start with, or generate.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand create-md" -l force -d 'create-md: answer yes to every question.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand create-md" -l consistent -d 'create-md: mark the new meta data consistent.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand create-md" -l uptodate -d 'create-md: mark the new meta data up to date.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand create-md" -l peers-outdated -d 'create-md: mark the peers outdated.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand create-md" -l rotate-uuids -d 'create-md: keep the old current UUID in the history.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand show-gi" -l force -d 'primary: promote even without known up-to-date data; secondary: demote despite openers.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand get-gi" -l force -d 'primary: promote even without known up-to-date data; secondary: demote despite openers.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand dump-md" -l force -d 'primary: promote even without known up-to-date data; secondary: demote despite openers.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand dump-superblock" -l force -d 'primary: promote even without known up-to-date data; secondary: demote despite openers.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand dump-superblock" -l output-format -d 'Output format of the superblock dump.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand dump-superblock" -l quiet -d 'Print less.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand wipe-md" -l force -d 'primary: promote even without known up-to-date data; secondary: demote despite openers.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand apply-al" -l force -d 'primary: promote even without known up-to-date data; secondary: demote despite openers.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand forget-peer" -l force -d 'primary: promote even without known up-to-date data; secondary: demote despite openers.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand repair-md" -l tentative -d 'connect: only check whether a connection would work, without a resync.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand repair-md" -l force -d 'primary: promote even without known up-to-date data; secondary: demote despite openers.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand sh-list-adjustable" -l skip-disk -d 'Do not change the disk configuration.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand sh-list-adjustable" -l skip-net -d 'Do not change the network configuration.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand sh-list-adjustable" -l tentative -d 'connect: only check whether a connection would work, without a resync.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand sh-list-adjustable" -l discard-my-data -d 'connect: become the resync target of a split brain, dropping local changes.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand new-resource" -l cpu-mask -d 'The CPUs the resource\'s kernel threads may run on, as a hexadecimal mask.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand new-resource" -l on-no-data-accessible -d 'What happens to I/O when no up-to-date data is reachable.' -r -f -a "io-error\t''
suspend-io\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand new-resource" -l auto-promote -d 'Become primary automatically when the device is opened for writing.' -r -f -a "yes\t''
no\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand new-resource" -l peer-ack-window -d 'How much data is written before peers acknowledge it to each other.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand new-resource" -l peer-ack-delay -d 'How long to wait before sending a peer acknowledgement when no more data comes.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand new-resource" -l twopc-timeout -d 'How long a cluster-wide state change may wait for all nodes to answer.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand new-resource" -l twopc-retry-timeout -d 'The base delay before a failed cluster-wide state change is retried.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand new-resource" -l auto-promote-timeout -d 'How long an open waits for auto-promotion to succeed.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand new-resource" -l max-io-depth -d 'The most application requests in flight per device.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand new-resource" -l quorum -d 'How many nodes must be reachable for writes: off, majority, all or a number.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand new-resource" -l on-no-quorum -d 'What happens to I/O when quorum is lost.' -r -f -a "io-error\t''
suspend-io\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand new-resource" -l quorum-minimum-redundancy -d 'How many up-to-date nodes a partition needs to have quorum.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand new-resource" -l on-suspended-primary-outdated -d 'What a primary with suspended I/O does when it learns its data is outdated.' -r -f -a "disconnect\t''
force-secondary\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand new-resource" -l drbd8-api-compatibility -d 'Let DRBD 9 behave like 8.4 towards applications (auto-promote off and such).' -r -f -a "yes\t''
no\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand new-minor" -l max-bio-size -d 'The largest request the device accepts; fixed once the minor exists.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand new-minor" -l block-size -d 'The logical block size the device announces.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand new-minor" -l discard-granularity -d 'The discard granularity the device announces; the default means not configured.' -r
complete -c drbdadm -n "__fish_drbdadm_using_subcommand new-minor" -l diskless -d 'This volume is intentionally diskless on this node.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand suspend-io" -l bdev-freeze -d 'suspend-io: also freeze the file system on top of the device.' -r -f -a "yes\t''
no\t''"
complete -c drbdadm -n "__fish_drbdadm_using_subcommand new-current-uuid" -l clear-bitmap -d 'new-current-uuid: also clear the bitmap, skipping the initial resync.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand new-current-uuid" -l force-resync -d 'new-current-uuid: start a resync to the peers afterwards.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand help; and not __fish_seen_subcommand_from attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync wait-con-int role cstate dstate status dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md hidden-commands sh-nop sh-resources sh-resource sh-mod-parms sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize lint sh-b-pri sh-status sh-new-minor help" -f -a "attach" -d 'Attaches the backing devices of the resource\'s volumes (applies the activity log first).'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand help; and not __fish_seen_subcommand_from attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync wait-con-int role cstate dstate status dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md hidden-commands sh-nop sh-resources sh-resource sh-mod-parms sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize lint sh-b-pri sh-status sh-new-minor help" -f -a "disk-options" -d 'Changes the disk options of attached volumes to those of the configuration.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand help; and not __fish_seen_subcommand_from attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync wait-con-int role cstate dstate status dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md hidden-commands sh-nop sh-resources sh-resource sh-mod-parms sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize lint sh-b-pri sh-status sh-new-minor help" -f -a "detach" -d 'Detaches the backing devices; the volumes become diskless.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand help; and not __fish_seen_subcommand_from attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync wait-con-int role cstate dstate status dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md hidden-commands sh-nop sh-resources sh-resource sh-mod-parms sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize lint sh-b-pri sh-status sh-new-minor help" -f -a "new-peer" -d 'Creates the connections to the peers (DRBD 9).'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand help; and not __fish_seen_subcommand_from attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync wait-con-int role cstate dstate status dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md hidden-commands sh-nop sh-resources sh-resource sh-mod-parms sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize lint sh-b-pri sh-status sh-new-minor help" -f -a "del-peer" -d 'Removes the connections to the peers (DRBD 9).'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand help; and not __fish_seen_subcommand_from attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync wait-con-int role cstate dstate status dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md hidden-commands sh-nop sh-resources sh-resource sh-mod-parms sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize lint sh-b-pri sh-status sh-new-minor help" -f -a "new-path" -d 'Adds the configured network paths to the connections (DRBD 9).'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand help; and not __fish_seen_subcommand_from attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync wait-con-int role cstate dstate status dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md hidden-commands sh-nop sh-resources sh-resource sh-mod-parms sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize lint sh-b-pri sh-status sh-new-minor help" -f -a "del-path" -d 'Removes network paths from the connections (DRBD 9).'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand help; and not __fish_seen_subcommand_from attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync wait-con-int role cstate dstate status dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md hidden-commands sh-nop sh-resources sh-resource sh-mod-parms sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize lint sh-b-pri sh-status sh-new-minor help" -f -a "connect" -d 'Connects the resource to its peers (creating connections and paths as needed).'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand help; and not __fish_seen_subcommand_from attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync wait-con-int role cstate dstate status dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md hidden-commands sh-nop sh-resources sh-resource sh-mod-parms sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize lint sh-b-pri sh-status sh-new-minor help" -f -a "net-options" -d 'Changes the net options of the connections to those of the configuration.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand help; and not __fish_seen_subcommand_from attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync wait-con-int role cstate dstate status dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md hidden-commands sh-nop sh-resources sh-resource sh-mod-parms sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize lint sh-b-pri sh-status sh-new-minor help" -f -a "disconnect" -d 'Disconnects the resource from its peers.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand help; and not __fish_seen_subcommand_from attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync wait-con-int role cstate dstate status dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md hidden-commands sh-nop sh-resources sh-resource sh-mod-parms sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize lint sh-b-pri sh-status sh-new-minor help" -f -a "up" -d 'Brings the resource up: new-resource, new-minor, attach, connect.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand help; and not __fish_seen_subcommand_from attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync wait-con-int role cstate dstate status dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md hidden-commands sh-nop sh-resources sh-resource sh-mod-parms sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize lint sh-b-pri sh-status sh-new-minor help" -f -a "resource-options" -d 'Changes the resource options to those of the configuration.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand help; and not __fish_seen_subcommand_from attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync wait-con-int role cstate dstate status dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md hidden-commands sh-nop sh-resources sh-resource sh-mod-parms sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize lint sh-b-pri sh-status sh-new-minor help" -f -a "peer-device-options" -d 'Changes the peer-device options to those of the configuration (DRBD 9).'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand help; and not __fish_seen_subcommand_from attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync wait-con-int role cstate dstate status dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md hidden-commands sh-nop sh-resources sh-resource sh-mod-parms sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize lint sh-b-pri sh-status sh-new-minor help" -f -a "down" -d 'Takes the resource down: disconnects, detaches and deletes it from the kernel.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand help; and not __fish_seen_subcommand_from attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync wait-con-int role cstate dstate status dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md hidden-commands sh-nop sh-resources sh-resource sh-mod-parms sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize lint sh-b-pri sh-status sh-new-minor help" -f -a "primary" -d 'Promotes the resource to the primary role.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand help; and not __fish_seen_subcommand_from attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync wait-con-int role cstate dstate status dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md hidden-commands sh-nop sh-resources sh-resource sh-mod-parms sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize lint sh-b-pri sh-status sh-new-minor help" -f -a "secondary" -d 'Demotes the resource to the secondary role.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand help; and not __fish_seen_subcommand_from attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync wait-con-int role cstate dstate status dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md hidden-commands sh-nop sh-resources sh-resource sh-mod-parms sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize lint sh-b-pri sh-status sh-new-minor help" -f -a "invalidate" -d 'Discards the local data and resynchronises it from a peer.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand help; and not __fish_seen_subcommand_from attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync wait-con-int role cstate dstate status dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md hidden-commands sh-nop sh-resources sh-resource sh-mod-parms sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize lint sh-b-pri sh-status sh-new-minor help" -f -a "invalidate-remote" -d 'Makes the peers discard their data and resynchronise it from this node.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand help; and not __fish_seen_subcommand_from attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync wait-con-int role cstate dstate status dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md hidden-commands sh-nop sh-resources sh-resource sh-mod-parms sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize lint sh-b-pri sh-status sh-new-minor help" -f -a "outdate" -d 'Marks the local data as outdated.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand help; and not __fish_seen_subcommand_from attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync wait-con-int role cstate dstate status dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md hidden-commands sh-nop sh-resources sh-resource sh-mod-parms sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize lint sh-b-pri sh-status sh-new-minor help" -f -a "resize" -d 'Grows or shrinks the device after the backing devices changed size.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand help; and not __fish_seen_subcommand_from attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync wait-con-int role cstate dstate status dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md hidden-commands sh-nop sh-resources sh-resource sh-mod-parms sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize lint sh-b-pri sh-status sh-new-minor help" -f -a "verify" -d 'Starts an online verification against the peers.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand help; and not __fish_seen_subcommand_from attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync wait-con-int role cstate dstate status dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md hidden-commands sh-nop sh-resources sh-resource sh-mod-parms sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize lint sh-b-pri sh-status sh-new-minor help" -f -a "pause-sync" -d 'Pauses a running resynchronisation.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand help; and not __fish_seen_subcommand_from attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync wait-con-int role cstate dstate status dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md hidden-commands sh-nop sh-resources sh-resource sh-mod-parms sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize lint sh-b-pri sh-status sh-new-minor help" -f -a "resume-sync" -d 'Resumes a paused resynchronisation.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand help; and not __fish_seen_subcommand_from attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync wait-con-int role cstate dstate status dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md hidden-commands sh-nop sh-resources sh-resource sh-mod-parms sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize lint sh-b-pri sh-status sh-new-minor help" -f -a "adjust" -d 'Makes the kernel\'s configuration of the resource match the configuration file.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand help; and not __fish_seen_subcommand_from attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync wait-con-int role cstate dstate status dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md hidden-commands sh-nop sh-resources sh-resource sh-mod-parms sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize lint sh-b-pri sh-status sh-new-minor help" -f -a "adjust-with-progress" -d 'Like adjust, with progress output.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand help; and not __fish_seen_subcommand_from attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync wait-con-int role cstate dstate status dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md hidden-commands sh-nop sh-resources sh-resource sh-mod-parms sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize lint sh-b-pri sh-status sh-new-minor help" -f -a "wait-connect" -d 'Waits until the resource is connected to its peers.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand help; and not __fish_seen_subcommand_from attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync wait-con-int role cstate dstate status dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md hidden-commands sh-nop sh-resources sh-resource sh-mod-parms sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize lint sh-b-pri sh-status sh-new-minor help" -f -a "wait-sync" -d 'Waits until the resource is connected and resynchronised.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand help; and not __fish_seen_subcommand_from attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync wait-con-int role cstate dstate status dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md hidden-commands sh-nop sh-resources sh-resource sh-mod-parms sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize lint sh-b-pri sh-status sh-new-minor help" -f -a "wait-con-int" -d 'Waits for the connections of all resources (boot scripts): after ten seconds it shows the wfc-timeout values and stops waiting when the operator types yes; without a terminal it uses /dev/console. Always exits 0.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand help; and not __fish_seen_subcommand_from attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync wait-con-int role cstate dstate status dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md hidden-commands sh-nop sh-resources sh-resource sh-mod-parms sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize lint sh-b-pri sh-status sh-new-minor help" -f -a "role" -d 'Shows the role of the resource.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand help; and not __fish_seen_subcommand_from attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync wait-con-int role cstate dstate status dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md hidden-commands sh-nop sh-resources sh-resource sh-mod-parms sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize lint sh-b-pri sh-status sh-new-minor help" -f -a "cstate" -d 'Shows the connection state.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand help; and not __fish_seen_subcommand_from attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync wait-con-int role cstate dstate status dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md hidden-commands sh-nop sh-resources sh-resource sh-mod-parms sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize lint sh-b-pri sh-status sh-new-minor help" -f -a "dstate" -d 'Shows the disk state of the backing devices.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand help; and not __fish_seen_subcommand_from attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync wait-con-int role cstate dstate status dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md hidden-commands sh-nop sh-resources sh-resource sh-mod-parms sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize lint sh-b-pri sh-status sh-new-minor help" -f -a "status" -d 'Shows the status of the resource.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand help; and not __fish_seen_subcommand_from attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync wait-con-int role cstate dstate status dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md hidden-commands sh-nop sh-resources sh-resource sh-mod-parms sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize lint sh-b-pri sh-status sh-new-minor help" -f -a "dump" -d 'Prints the configuration of the resource in canonical form.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand help; and not __fish_seen_subcommand_from attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync wait-con-int role cstate dstate status dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md hidden-commands sh-nop sh-resources sh-resource sh-mod-parms sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize lint sh-b-pri sh-status sh-new-minor help" -f -a "dump-xml" -d 'Prints the configuration as XML.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand help; and not __fish_seen_subcommand_from attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync wait-con-int role cstate dstate status dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md hidden-commands sh-nop sh-resources sh-resource sh-mod-parms sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize lint sh-b-pri sh-status sh-new-minor help" -f -a "create-md" -d 'Initialises the meta data of the volumes (runs drbdmeta create-md).'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand help; and not __fish_seen_subcommand_from attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync wait-con-int role cstate dstate status dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md hidden-commands sh-nop sh-resources sh-resource sh-mod-parms sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize lint sh-b-pri sh-status sh-new-minor help" -f -a "show-gi" -d 'Shows the generation identifiers of the volumes with explanations.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand help; and not __fish_seen_subcommand_from attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync wait-con-int role cstate dstate status dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md hidden-commands sh-nop sh-resources sh-resource sh-mod-parms sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize lint sh-b-pri sh-status sh-new-minor help" -f -a "get-gi" -d 'Prints the generation identifiers of the volumes.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand help; and not __fish_seen_subcommand_from attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync wait-con-int role cstate dstate status dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md hidden-commands sh-nop sh-resources sh-resource sh-mod-parms sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize lint sh-b-pri sh-status sh-new-minor help" -f -a "dump-md" -d 'Dumps the meta data of the volumes in text form.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand help; and not __fish_seen_subcommand_from attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync wait-con-int role cstate dstate status dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md hidden-commands sh-nop sh-resources sh-resource sh-mod-parms sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize lint sh-b-pri sh-status sh-new-minor help" -f -a "dump-superblock" -d 'Prints the meta data superblock.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand help; and not __fish_seen_subcommand_from attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync wait-con-int role cstate dstate status dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md hidden-commands sh-nop sh-resources sh-resource sh-mod-parms sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize lint sh-b-pri sh-status sh-new-minor help" -f -a "wipe-md" -d 'Destroys the meta data of the volumes.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand help; and not __fish_seen_subcommand_from attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync wait-con-int role cstate dstate status dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md hidden-commands sh-nop sh-resources sh-resource sh-mod-parms sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize lint sh-b-pri sh-status sh-new-minor help" -f -a "apply-al" -d 'Applies the activity log to the bitmap.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand help; and not __fish_seen_subcommand_from attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync wait-con-int role cstate dstate status dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md hidden-commands sh-nop sh-resources sh-resource sh-mod-parms sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize lint sh-b-pri sh-status sh-new-minor help" -f -a "forget-peer" -d 'Removes a peer\'s slot from the meta data (DRBD 9).'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand help; and not __fish_seen_subcommand_from attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync wait-con-int role cstate dstate status dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md hidden-commands sh-nop sh-resources sh-resource sh-mod-parms sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize lint sh-b-pri sh-status sh-new-minor help" -f -a "repair-md" -d 'Repairs damaged meta data.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand help; and not __fish_seen_subcommand_from attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync wait-con-int role cstate dstate status dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md hidden-commands sh-nop sh-resources sh-resource sh-mod-parms sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize lint sh-b-pri sh-status sh-new-minor help" -f -a "hidden-commands" -d 'Lists the commands not shown in the usage text.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand help; and not __fish_seen_subcommand_from attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync wait-con-int role cstate dstate status dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md hidden-commands sh-nop sh-resources sh-resource sh-mod-parms sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize lint sh-b-pri sh-status sh-new-minor help" -f -a "sh-nop" -d 'Parses the configuration and exits; the exit code tells whether it is valid.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand help; and not __fish_seen_subcommand_from attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync wait-con-int role cstate dstate status dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md hidden-commands sh-nop sh-resources sh-resource sh-mod-parms sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize lint sh-b-pri sh-status sh-new-minor help" -f -a "sh-resources" -d 'Prints the names of the resources defined for this host.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand help; and not __fish_seen_subcommand_from attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync wait-con-int role cstate dstate status dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md hidden-commands sh-nop sh-resources sh-resource sh-mod-parms sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize lint sh-b-pri sh-status sh-new-minor help" -f -a "sh-resource" -d 'Prints the name of the resource of a device.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand help; and not __fish_seen_subcommand_from attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync wait-con-int role cstate dstate status dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md hidden-commands sh-nop sh-resources sh-resource sh-mod-parms sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize lint sh-b-pri sh-status sh-new-minor help" -f -a "sh-mod-parms" -d 'Prints the kernel module parameters for the configuration.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand help; and not __fish_seen_subcommand_from attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync wait-con-int role cstate dstate status dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md hidden-commands sh-nop sh-resources sh-resource sh-mod-parms sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize lint sh-b-pri sh-status sh-new-minor help" -f -a "sh-dev" -d 'Prints the device of each volume.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand help; and not __fish_seen_subcommand_from attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync wait-con-int role cstate dstate status dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md hidden-commands sh-nop sh-resources sh-resource sh-mod-parms sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize lint sh-b-pri sh-status sh-new-minor help" -f -a "sh-udev" -d 'Prints udev environment variables for a volume.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand help; and not __fish_seen_subcommand_from attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync wait-con-int role cstate dstate status dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md hidden-commands sh-nop sh-resources sh-resource sh-mod-parms sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize lint sh-b-pri sh-status sh-new-minor help" -f -a "sh-minor" -d 'Prints the minor number of each volume.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand help; and not __fish_seen_subcommand_from attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync wait-con-int role cstate dstate status dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md hidden-commands sh-nop sh-resources sh-resource sh-mod-parms sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize lint sh-b-pri sh-status sh-new-minor help" -f -a "sh-ll-dev" -d 'Prints the backing device of each volume.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand help; and not __fish_seen_subcommand_from attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync wait-con-int role cstate dstate status dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md hidden-commands sh-nop sh-resources sh-resource sh-mod-parms sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize lint sh-b-pri sh-status sh-new-minor help" -f -a "sh-md-dev" -d 'Prints the meta data device of each volume.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand help; and not __fish_seen_subcommand_from attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync wait-con-int role cstate dstate status dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md hidden-commands sh-nop sh-resources sh-resource sh-mod-parms sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize lint sh-b-pri sh-status sh-new-minor help" -f -a "sh-md-idx" -d 'Prints the meta data index of each volume.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand help; and not __fish_seen_subcommand_from attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync wait-con-int role cstate dstate status dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md hidden-commands sh-nop sh-resources sh-resource sh-mod-parms sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize lint sh-b-pri sh-status sh-new-minor help" -f -a "sh-ip" -d 'Prints this node\'s address of the resource.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand help; and not __fish_seen_subcommand_from attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync wait-con-int role cstate dstate status dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md hidden-commands sh-nop sh-resources sh-resource sh-mod-parms sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize lint sh-b-pri sh-status sh-new-minor help" -f -a "sh-lr-of" -d 'Prints the lower resource of a stacked resource.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand help; and not __fish_seen_subcommand_from attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync wait-con-int role cstate dstate status dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md hidden-commands sh-nop sh-resources sh-resource sh-mod-parms sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize lint sh-b-pri sh-status sh-new-minor help" -f -a "sh-list-config-file" -d 'Prints the configuration file that defines the resource.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand help; and not __fish_seen_subcommand_from attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync wait-con-int role cstate dstate status dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md hidden-commands sh-nop sh-resources sh-resource sh-mod-parms sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize lint sh-b-pri sh-status sh-new-minor help" -f -a "sh-list-adjustable" -d 'Lists the resources adjust would change.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand help; and not __fish_seen_subcommand_from attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync wait-con-int role cstate dstate status dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md hidden-commands sh-nop sh-resources sh-resource sh-mod-parms sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize lint sh-b-pri sh-status sh-new-minor help" -f -a "proxy-up" -d 'Configures drbd-proxy for the connections.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand help; and not __fish_seen_subcommand_from attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync wait-con-int role cstate dstate status dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md hidden-commands sh-nop sh-resources sh-resource sh-mod-parms sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize lint sh-b-pri sh-status sh-new-minor help" -f -a "proxy-down" -d 'Removes the drbd-proxy configuration of the connections.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand help; and not __fish_seen_subcommand_from attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync wait-con-int role cstate dstate status dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md hidden-commands sh-nop sh-resources sh-resource sh-mod-parms sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize lint sh-b-pri sh-status sh-new-minor help" -f -a "new-resource" -d 'Creates the resource in the kernel.'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand help; and not __fish_seen_subcommand_from attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync wait-con-int role cstate dstate status dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md hidden-commands sh-nop sh-resources sh-resource sh-mod-parms sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize lint sh-b-pri sh-status sh-new-minor help" -f -a "new-minor" -d 'Creates the resource\'s devices in the kernel. (Expert command, not in the usage text.)'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand help; and not __fish_seen_subcommand_from attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync wait-con-int role cstate dstate status dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md hidden-commands sh-nop sh-resources sh-resource sh-mod-parms sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize lint sh-b-pri sh-status sh-new-minor help" -f -a "del-minor" -d 'Removes the resource\'s devices from the kernel. (Expert command, not in the usage text.)'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand help; and not __fish_seen_subcommand_from attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync wait-con-int role cstate dstate status dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md hidden-commands sh-nop sh-resources sh-resource sh-mod-parms sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize lint sh-b-pri sh-status sh-new-minor help" -f -a "suspend-io" -d 'Suspends I/O on the volumes. (Expert command, not in the usage text.)'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand help; and not __fish_seen_subcommand_from attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync wait-con-int role cstate dstate status dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md hidden-commands sh-nop sh-resources sh-resource sh-mod-parms sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize lint sh-b-pri sh-status sh-new-minor help" -f -a "resume-io" -d 'Resumes suspended I/O. (Expert command, not in the usage text.)'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand help; and not __fish_seen_subcommand_from attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync wait-con-int role cstate dstate status dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md hidden-commands sh-nop sh-resources sh-resource sh-mod-parms sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize lint sh-b-pri sh-status sh-new-minor help" -f -a "set-gi" -d 'Sets the generation identifiers in the meta data (expert). (Expert command, not in the usage text.)'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand help; and not __fish_seen_subcommand_from attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync wait-con-int role cstate dstate status dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md hidden-commands sh-nop sh-resources sh-resource sh-mod-parms sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize lint sh-b-pri sh-status sh-new-minor help" -f -a "new-current-uuid" -d 'Generates a new current UUID (skipping the initial sync with --clear-bitmap). (Expert command, not in the usage text.)'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand help; and not __fish_seen_subcommand_from attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync wait-con-int role cstate dstate status dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md hidden-commands sh-nop sh-resources sh-resource sh-mod-parms sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize lint sh-b-pri sh-status sh-new-minor help" -f -a "check-resize" -d 'Records the size of the backing devices for the next resize. (Expert command, not in the usage text.)'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand help; and not __fish_seen_subcommand_from attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync wait-con-int role cstate dstate status dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md hidden-commands sh-nop sh-resources sh-resource sh-mod-parms sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize lint sh-b-pri sh-status sh-new-minor help" -f -a "lint" -d 'Checks the configuration and reports every problem (drbd-rs).'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand help; and not __fish_seen_subcommand_from attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync wait-con-int role cstate dstate status dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md hidden-commands sh-nop sh-resources sh-resource sh-mod-parms sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize lint sh-b-pri sh-status sh-new-minor help" -f -a "sh-b-pri" -d 'Promotes resources with become-primary-on (8.4 start-up scripts). (8.4 personality only.)'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand help; and not __fish_seen_subcommand_from attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync wait-con-int role cstate dstate status dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md hidden-commands sh-nop sh-resources sh-resource sh-mod-parms sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize lint sh-b-pri sh-status sh-new-minor help" -f -a "sh-status" -d 'Prints the status in shell variable form (8.4). (8.4 personality only.)'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand help; and not __fish_seen_subcommand_from attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync wait-con-int role cstate dstate status dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md hidden-commands sh-nop sh-resources sh-resource sh-mod-parms sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize lint sh-b-pri sh-status sh-new-minor help" -f -a "sh-new-minor" -d 'Creates the resource\'s devices in the kernel (8.4 spelling of new-minor). (8.4 personality only.) (Expert command, not in the usage text.)'
complete -c drbdadm -n "__fish_drbdadm_using_subcommand help; and not __fish_seen_subcommand_from attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync wait-con-int role cstate dstate status dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md hidden-commands sh-nop sh-resources sh-resource sh-mod-parms sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize lint sh-b-pri sh-status sh-new-minor help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'

# Resources from the configuration (drbd-rs): after a command that takes resources, `all`,
# the resources and, where the command takes volumes, RES/VOL; filtered by state where
# upstream's completion does. Honours -c/--config-file, -S/--stacked and -s/--drbdsetup.
function __fish_drbdadm_candidates
    sh -c 'set -f
adm=$1 cmd=$2 setup=$3 stacked=$4
shift 4
names=$("$adm" $stacked "$@" sh-resources 2>/dev/null)
[ -n "$names" ] || exit 0
limit=
command -v timeout >/dev/null 2>&1 && limit="timeout 5"
# drbdadm\'s personality: 8.4 for drbdadm-84 or a loaded 8.4 module, else DRBD 9
version=${DRBD_DRIVER_VERSION_OVERRIDE:-0.0.0}
case $version in 0.0.0|0.0|0) version=$(sed -n \'s/^version: *//p\' /proc/drbd 2>/dev/null) ;; esac
[ -n "$version" ] || version=$(cat /sys/module/drbd/version 2>/dev/null)
case $adm in *-84) version=8.4 ;; esac
case $version in
    8.*) volume_commands=" attach disk-options detach primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync wait-connect role cstate dstate create-md show-gi get-gi dump-md wipe-md apply-al sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-b-pri sh-new-minor new-minor suspend-io resume-io set-gi new-current-uuid check-resize " ;;
    *) volume_commands=" attach disk-options detach peer-device-options invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust wait-connect wait-sync dstate dump create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al repair-md sh-resource sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize " ;;
esac
{
    for n in $names; do printf \'R %s\\n\' "$n"; done
    case $volume_commands in *" $cmd "*)
        "$adm" "$@" dump-xml $names 2>/dev/null | sed -n \\
            -e \'s/^ *<resource name="\\([^"]*\\)".*/N \\1/p\' \\
            -e \'s/^ *<volume vnr="\\([0-9]*\\)".*/V \\1/p\' ;;
    esac
    case " primary secondary attach apply-al repair-md detach disk-options outdate connect disconnect net-options verify invalidate-remote pause-sync resume-sync " in *" $cmd "*)
        $limit "$setup" events2 --now 2>/dev/null | sed \'s/^/E /\' ;;
    esac
} | awk -v cmd="$cmd" \'
function qualifies(list,   n, a, i) {
    n = split(list, a, " ")
    for (i = 1; i <= n; i++) if (index(want, " " a[i] " ")) return 1
    return 0
}
function states(r, v,   s, n, a, i) {
    if (!(r in kernel)) return "Unconfigured"
    if (field == "role") return role[r]
    if (field == "connection") return (conn[r] == "") ? "StandAlone" : conn[r]
    if (v != "") return ((r, v) in vstate) ? vstate[r, v] : "Unconfigured"
    s = ""
    n = split(vols[r] " " kvols[r], a, " ")
    for (i = 1; i <= n; i++) s = s " " (((r, a[i]) in vstate) ? vstate[r, a[i]] : "Unconfigured")
    return (s == "") ? "Unconfigured" : s
}
BEGIN {
    if (cmd == "primary") { field = "role"; want = " Secondary " }
    else if (cmd == "secondary") { field = "role"; want = " Primary " }
    else if (cmd == "attach" || cmd == "apply-al" || cmd == "repair-md") { field = "disk"; want = " Diskless Unconfigured " }
    else if (cmd == "detach" || cmd == "disk-options") { field = "disk"; want = " Inconsistent Outdated Consistent UpToDate " }
    else if (cmd == "outdate") { field = "disk"; want = " Consistent UpToDate " }
    else if (cmd == "connect") { field = "connection"; want = " StandAlone Unconfigured " }
    else if (cmd == "disconnect" || cmd == "net-options") { field = "connection"; want = " Unconnected Timeout BrokenPipe NetworkFailure ProtocolError Connecting Connected WFConnection WFReportParams StartingSyncS StartingSyncT WFBitMapS WFBitMapT WFSyncUUID SyncSource SyncTarget VerifyS VerifyT PausedSyncS PausedSyncT Ahead Behind " }
    else if (cmd == "verify" || cmd == "invalidate-remote") { field = "replication"; want = " Established Connected " }
    else if (cmd == "pause-sync") { field = "replication"; want = " SyncSource SyncTarget " }
    else if (cmd == "resume-sync") { field = "replication"; want = " PausedSyncS PausedSyncT user-suspended " }
}
$1 == "R" { res[++nres] = $2; next }
$1 == "N" { cur = $2; next }
$1 == "V" {
    if (!((cur, $2) in seen)) { seen[cur, $2] = 1; vols[cur] = vols[cur] " " $2 }
    next
}
$1 == "E" && $2 == "exists" {
    if ($3 == "-") { known = 1; next }
    split("", kv)
    for (i = 4; i <= NF; i++) {
        p = index($i, ":")
        if (p) kv[substr($i, 1, p - 1)] = substr($i, p + 1)
    }
    r = kv["name"]; v = kv["volume"]
    if ($3 == "resource") { kernel[r] = 1; role[r] = kv["role"] }
    else if ($3 == "connection") conn[r] = conn[r] " " kv["connection"]
    else if (($3 == "device" && field == "disk") || ($3 == "peer-device" && field == "replication")) {
        s = ($3 == "device") ? kv["disk"] : kv["replication"]
        if (kv["resync-suspended"] ~ /user/) s = s " user-suspended"
        if (!((r, v) in vstate)) kvols[r] = kvols[r] " " v
        vstate[r, v] = vstate[r, v] " " s
    }
}
END {
    if (!known) field = ""
    for (i = 1; i <= nres; i++) {
        r = res[i]
        if (field == "" || qualifies(states(r, ""))) out[++nout] = r
        n = split(vols[r], a, " ")
        for (j = 1; j <= n; j++)
            if (field == "" || qualifies(states(r, a[j]))) out[++nout] = r "/" a[j]
    }
    if (nout) print "all"
    for (i = 1; i <= nout; i++) print out[i]
}\'
' sh $argv
end

function __fish_drbdadm_resources
    set -l words (commandline -opc)
    set -l adm $words[1]
    set -e words[1]
    string match -q -- '~*' "$adm"; or test -z "$adm"; and set adm drbdadm
    set -l cmd
    set -l setup drbdsetup
    set -l stacked ''
    set -l cfg
    while set -q words[1]
        set -l word $words[1]
        set -e words[1]
        switch $word
            case -c --config-file
                set cfg -c $words[1]
                set -e words[1]
            case '--config-file=*'
                set cfg -c (string replace -- '--config-file=' '' $word)
            case '-c*'
                set cfg -c (string sub -s 3 -- $word)
            case -s --drbdsetup
                set setup $words[1]
                set -e words[1]
            case '--drbdsetup=*'
                set setup (string replace -- '--drbdsetup=' '' $word)
            case '-s*'
                set setup (string sub -s 3 -- $word)
            case -S --stacked
                set stacked -S
            case -t --config-to-test -E --config-to-exclude -m --drbdmeta -p --drbd-proxy-ctl -n --sh-varname -W --setup-option -P --peer
                set -e words[1]
            case '-*'
            case '*'
                set cmd $word
                break
        end
    end
    test -n "$cmd"; or return
    __fish_drbdadm_candidates $adm $cmd $setup "$stacked" $cfg
end

complete -c drbdadm -n "__fish_drbdadm_using_subcommand attach disk-options detach new-peer del-peer new-path del-path connect net-options disconnect up resource-options peer-device-options down primary secondary invalidate invalidate-remote outdate resize verify pause-sync resume-sync adjust adjust-with-progress wait-connect wait-sync role cstate dstate dump dump-xml create-md show-gi get-gi dump-md dump-superblock wipe-md apply-al forget-peer repair-md sh-resource sh-dev sh-udev sh-minor sh-ll-dev sh-md-dev sh-md-idx sh-ip sh-lr-of sh-list-config-file sh-list-adjustable proxy-up proxy-down new-resource new-minor del-minor suspend-io resume-io set-gi new-current-uuid check-resize sh-b-pri sh-new-minor" -f -a "(__fish_drbdadm_resources)" -d resource
