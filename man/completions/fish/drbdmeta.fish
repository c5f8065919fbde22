# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_drbdmeta_global_optspecs
    string join \n f/force q/quiet v/verbose ignore-sanity-checks dry-run i/node-id= p/peer-max-bio-size= Z/effective-size= D/diskful-peers= s/al-stripes= z/al-stripe-size-kB= B/bitmap-block-size= b/initialize-bitmap= o/output-format= initial-current-uuid= consistent uptodate peers-outdated rotate-uuids var-lib-drbd= V/version h/help
end

function __fish_drbdmeta_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_drbdmeta_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_drbdmeta_using_subcommand
    set -l cmd (__fish_drbdmeta_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c drbdmeta -n "__fish_drbdmeta_needs_command" -s i -l node-id -d 'The peer\'s node id (get-gi, show-gi, set-gi, forget-peer).' -r
complete -c drbdmeta -n "__fish_drbdmeta_needs_command" -s p -l peer-max-bio-size -d 'create-md: the largest request the peers may send, for a device without peer information.' -r
complete -c drbdmeta -n "__fish_drbdmeta_needs_command" -s Z -l effective-size -d 'create-md: the usable size of the device to record.' -r
complete -c drbdmeta -n "__fish_drbdmeta_needs_command" -s D -l diskful-peers -d 'create-md: which peers have a disk.' -r
complete -c drbdmeta -n "__fish_drbdmeta_needs_command" -s s -l al-stripes -d 'create-md: the number of activity log stripes.' -r
complete -c drbdmeta -n "__fish_drbdmeta_needs_command" -s z -l al-stripe-size-kB -d 'create-md: the size of each activity log stripe in KiB.' -r
complete -c drbdmeta -n "__fish_drbdmeta_needs_command" -s B -l bitmap-block-size -d 'create-md: the bytes of data one bitmap bit covers.' -r
complete -c drbdmeta -n "__fish_drbdmeta_needs_command" -s b -l initialize-bitmap -d 'create-md: how to initialise the bitmap.' -r -f -a "automatic\t''
zeroout\t''
pwrite\t''
set-all\t''
skip\t''"
complete -c drbdmeta -n "__fish_drbdmeta_needs_command" -s o -l output-format -d 'dump-superblock: the output format.' -r -f -a "auto\t''
hex\t''
binary\t''
json\t''"
complete -c drbdmeta -n "__fish_drbdmeta_needs_command" -l initial-current-uuid -d 'create-md: the current UUID to write.' -r
complete -c drbdmeta -n "__fish_drbdmeta_needs_command" -l var-lib-drbd -d 'Where the last-known-size files are kept (default /var/lib/drbd).' -r -f -a "(__fish_complete_directories)"
complete -c drbdmeta -n "__fish_drbdmeta_needs_command" -s f -l force -d 'Do not ask for confirmation; also allows modifying the meta data of an attached device.'
complete -c drbdmeta -n "__fish_drbdmeta_needs_command" -s q -l quiet -d 'Print less.'
complete -c drbdmeta -n "__fish_drbdmeta_needs_command" -s v -l verbose -d 'Print more.'
complete -c drbdmeta -n "__fish_drbdmeta_needs_command" -l ignore-sanity-checks -d 'Skip the checks against the size of the device.'
complete -c drbdmeta -n "__fish_drbdmeta_needs_command" -l dry-run -l tentative -d 'Do not write anything.'
complete -c drbdmeta -n "__fish_drbdmeta_needs_command" -l consistent -d 'create-md: mark the data consistent.'
complete -c drbdmeta -n "__fish_drbdmeta_needs_command" -l uptodate -d 'create-md: mark the data up to date.'
complete -c drbdmeta -n "__fish_drbdmeta_needs_command" -l peers-outdated -d 'create-md: mark the peers outdated.'
complete -c drbdmeta -n "__fish_drbdmeta_needs_command" -l rotate-uuids -d 'create-md: keep the old UUIDs in the history.'
complete -c drbdmeta -n "__fish_drbdmeta_needs_command" -s V -l version -d 'Print the version and exit.'
complete -c drbdmeta -n "__fish_drbdmeta_needs_command" -s h -l help -d 'Print the usage and exit.'
complete -c drbdmeta -n "__fish_drbdmeta_needs_command" -a "get-gi" -d 'Prints the generation identifiers towards the peer --node-id. Needs --node-id.'
complete -c drbdmeta -n "__fish_drbdmeta_needs_command" -a "show-gi" -d 'Prints the generation identifiers with explanations. Needs --node-id.'
complete -c drbdmeta -n "__fish_drbdmeta_needs_command" -a "dump-md" -d 'Dumps the meta data in text form (restore-md reads it back).'
complete -c drbdmeta -n "__fish_drbdmeta_needs_command" -a "dump-superblock" -d 'Prints the superblock (hex, binary or JSON).'
complete -c drbdmeta -n "__fish_drbdmeta_needs_command" -a "hexdump-superblock" -d 'Prints the superblock as a hex dump.'
complete -c drbdmeta -n "__fish_drbdmeta_needs_command" -a "restore-md" -d 'Writes meta data from a dump-md text file.'
complete -c drbdmeta -n "__fish_drbdmeta_needs_command" -a "verify-dump" -d 'Checks a dump-md text file without writing anything.'
complete -c drbdmeta -n "__fish_drbdmeta_needs_command" -a "apply-al" -d 'Applies the activity log to the bitmap.'
complete -c drbdmeta -n "__fish_drbdmeta_needs_command" -a "wipe-md" -d 'Destroys the meta data.'
complete -c drbdmeta -n "__fish_drbdmeta_needs_command" -a "outdate" -d 'Marks the data as outdated.'
complete -c drbdmeta -n "__fish_drbdmeta_needs_command" -a "invalidate" -d 'Marks the data as inconsistent (a full resync follows).'
complete -c drbdmeta -n "__fish_drbdmeta_needs_command" -a "dstate" -d 'Prints the disk state recorded in the meta data.'
complete -c drbdmeta -n "__fish_drbdmeta_needs_command" -a "read-dev-uuid" -d 'Prints the device UUID.'
complete -c drbdmeta -n "__fish_drbdmeta_needs_command" -a "write-dev-uuid" -d 'Writes the device UUID.'
complete -c drbdmeta -n "__fish_drbdmeta_needs_command" -a "set-gi" -d 'Sets generation identifiers (expert). Needs --node-id.'
complete -c drbdmeta -n "__fish_drbdmeta_needs_command" -a "check-resize" -d 'Records the backing device\'s size and moves internal meta data after a resize.'
complete -c drbdmeta -n "__fish_drbdmeta_needs_command" -a "create-md" -d 'Creates new meta data for max_peers peers.'
complete -c drbdmeta -n "__fish_drbdmeta_needs_command" -a "forget-peer" -d 'Clears the slot of peer --node-id. Needs --node-id.'
complete -c drbdmeta -n "__fish_drbdmeta_needs_command" -a "repair-md" -d 'Repairs damaged meta data.'
complete -c drbdmeta -n "__fish_drbdmeta_needs_command" -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c drbdmeta -n "__fish_drbdmeta_using_subcommand help; and not __fish_seen_subcommand_from get-gi show-gi dump-md dump-superblock hexdump-superblock restore-md verify-dump apply-al wipe-md outdate invalidate dstate read-dev-uuid write-dev-uuid set-gi check-resize create-md forget-peer repair-md help" -f -a "get-gi" -d 'Prints the generation identifiers towards the peer --node-id. Needs --node-id.'
complete -c drbdmeta -n "__fish_drbdmeta_using_subcommand help; and not __fish_seen_subcommand_from get-gi show-gi dump-md dump-superblock hexdump-superblock restore-md verify-dump apply-al wipe-md outdate invalidate dstate read-dev-uuid write-dev-uuid set-gi check-resize create-md forget-peer repair-md help" -f -a "show-gi" -d 'Prints the generation identifiers with explanations. Needs --node-id.'
complete -c drbdmeta -n "__fish_drbdmeta_using_subcommand help; and not __fish_seen_subcommand_from get-gi show-gi dump-md dump-superblock hexdump-superblock restore-md verify-dump apply-al wipe-md outdate invalidate dstate read-dev-uuid write-dev-uuid set-gi check-resize create-md forget-peer repair-md help" -f -a "dump-md" -d 'Dumps the meta data in text form (restore-md reads it back).'
complete -c drbdmeta -n "__fish_drbdmeta_using_subcommand help; and not __fish_seen_subcommand_from get-gi show-gi dump-md dump-superblock hexdump-superblock restore-md verify-dump apply-al wipe-md outdate invalidate dstate read-dev-uuid write-dev-uuid set-gi check-resize create-md forget-peer repair-md help" -f -a "dump-superblock" -d 'Prints the superblock (hex, binary or JSON).'
complete -c drbdmeta -n "__fish_drbdmeta_using_subcommand help; and not __fish_seen_subcommand_from get-gi show-gi dump-md dump-superblock hexdump-superblock restore-md verify-dump apply-al wipe-md outdate invalidate dstate read-dev-uuid write-dev-uuid set-gi check-resize create-md forget-peer repair-md help" -f -a "hexdump-superblock" -d 'Prints the superblock as a hex dump.'
complete -c drbdmeta -n "__fish_drbdmeta_using_subcommand help; and not __fish_seen_subcommand_from get-gi show-gi dump-md dump-superblock hexdump-superblock restore-md verify-dump apply-al wipe-md outdate invalidate dstate read-dev-uuid write-dev-uuid set-gi check-resize create-md forget-peer repair-md help" -f -a "restore-md" -d 'Writes meta data from a dump-md text file.'
complete -c drbdmeta -n "__fish_drbdmeta_using_subcommand help; and not __fish_seen_subcommand_from get-gi show-gi dump-md dump-superblock hexdump-superblock restore-md verify-dump apply-al wipe-md outdate invalidate dstate read-dev-uuid write-dev-uuid set-gi check-resize create-md forget-peer repair-md help" -f -a "verify-dump" -d 'Checks a dump-md text file without writing anything.'
complete -c drbdmeta -n "__fish_drbdmeta_using_subcommand help; and not __fish_seen_subcommand_from get-gi show-gi dump-md dump-superblock hexdump-superblock restore-md verify-dump apply-al wipe-md outdate invalidate dstate read-dev-uuid write-dev-uuid set-gi check-resize create-md forget-peer repair-md help" -f -a "apply-al" -d 'Applies the activity log to the bitmap.'
complete -c drbdmeta -n "__fish_drbdmeta_using_subcommand help; and not __fish_seen_subcommand_from get-gi show-gi dump-md dump-superblock hexdump-superblock restore-md verify-dump apply-al wipe-md outdate invalidate dstate read-dev-uuid write-dev-uuid set-gi check-resize create-md forget-peer repair-md help" -f -a "wipe-md" -d 'Destroys the meta data.'
complete -c drbdmeta -n "__fish_drbdmeta_using_subcommand help; and not __fish_seen_subcommand_from get-gi show-gi dump-md dump-superblock hexdump-superblock restore-md verify-dump apply-al wipe-md outdate invalidate dstate read-dev-uuid write-dev-uuid set-gi check-resize create-md forget-peer repair-md help" -f -a "outdate" -d 'Marks the data as outdated.'
complete -c drbdmeta -n "__fish_drbdmeta_using_subcommand help; and not __fish_seen_subcommand_from get-gi show-gi dump-md dump-superblock hexdump-superblock restore-md verify-dump apply-al wipe-md outdate invalidate dstate read-dev-uuid write-dev-uuid set-gi check-resize create-md forget-peer repair-md help" -f -a "invalidate" -d 'Marks the data as inconsistent (a full resync follows).'
complete -c drbdmeta -n "__fish_drbdmeta_using_subcommand help; and not __fish_seen_subcommand_from get-gi show-gi dump-md dump-superblock hexdump-superblock restore-md verify-dump apply-al wipe-md outdate invalidate dstate read-dev-uuid write-dev-uuid set-gi check-resize create-md forget-peer repair-md help" -f -a "dstate" -d 'Prints the disk state recorded in the meta data.'
complete -c drbdmeta -n "__fish_drbdmeta_using_subcommand help; and not __fish_seen_subcommand_from get-gi show-gi dump-md dump-superblock hexdump-superblock restore-md verify-dump apply-al wipe-md outdate invalidate dstate read-dev-uuid write-dev-uuid set-gi check-resize create-md forget-peer repair-md help" -f -a "read-dev-uuid" -d 'Prints the device UUID.'
complete -c drbdmeta -n "__fish_drbdmeta_using_subcommand help; and not __fish_seen_subcommand_from get-gi show-gi dump-md dump-superblock hexdump-superblock restore-md verify-dump apply-al wipe-md outdate invalidate dstate read-dev-uuid write-dev-uuid set-gi check-resize create-md forget-peer repair-md help" -f -a "write-dev-uuid" -d 'Writes the device UUID.'
complete -c drbdmeta -n "__fish_drbdmeta_using_subcommand help; and not __fish_seen_subcommand_from get-gi show-gi dump-md dump-superblock hexdump-superblock restore-md verify-dump apply-al wipe-md outdate invalidate dstate read-dev-uuid write-dev-uuid set-gi check-resize create-md forget-peer repair-md help" -f -a "set-gi" -d 'Sets generation identifiers (expert). Needs --node-id.'
complete -c drbdmeta -n "__fish_drbdmeta_using_subcommand help; and not __fish_seen_subcommand_from get-gi show-gi dump-md dump-superblock hexdump-superblock restore-md verify-dump apply-al wipe-md outdate invalidate dstate read-dev-uuid write-dev-uuid set-gi check-resize create-md forget-peer repair-md help" -f -a "check-resize" -d 'Records the backing device\'s size and moves internal meta data after a resize.'
complete -c drbdmeta -n "__fish_drbdmeta_using_subcommand help; and not __fish_seen_subcommand_from get-gi show-gi dump-md dump-superblock hexdump-superblock restore-md verify-dump apply-al wipe-md outdate invalidate dstate read-dev-uuid write-dev-uuid set-gi check-resize create-md forget-peer repair-md help" -f -a "create-md" -d 'Creates new meta data for max_peers peers.'
complete -c drbdmeta -n "__fish_drbdmeta_using_subcommand help; and not __fish_seen_subcommand_from get-gi show-gi dump-md dump-superblock hexdump-superblock restore-md verify-dump apply-al wipe-md outdate invalidate dstate read-dev-uuid write-dev-uuid set-gi check-resize create-md forget-peer repair-md help" -f -a "forget-peer" -d 'Clears the slot of peer --node-id. Needs --node-id.'
complete -c drbdmeta -n "__fish_drbdmeta_using_subcommand help; and not __fish_seen_subcommand_from get-gi show-gi dump-md dump-superblock hexdump-superblock restore-md verify-dump apply-al wipe-md outdate invalidate dstate read-dev-uuid write-dev-uuid set-gi check-resize create-md forget-peer repair-md help" -f -a "repair-md" -d 'Repairs damaged meta data.'
complete -c drbdmeta -n "__fish_drbdmeta_using_subcommand help; and not __fish_seen_subcommand_from get-gi show-gi dump-md dump-superblock hexdump-superblock restore-md verify-dump apply-al wipe-md outdate invalidate dstate read-dev-uuid write-dev-uuid set-gi check-resize create-md forget-peer repair-md help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
