## The journal as a DAG: clones merged in git (issue 11).
gitjournal-action-journal-merge = branches of the journal joined after a git merge
gitjournal-second-root = entry { $seq } starts a second history (it names no earlier entry): the journals of two unrelated workspaces were put together
gitjournal-line-twice = entry { $seq } is there twice (first at line { $first })
gitjournal-parent-unknown = entry { $seq } names { $parent }, which is no earlier line of the journal: an entry was changed, removed or moved after the entries that follow it
gitjournal-head-absent = `{ $head }` lists entry { $seq } ({ $recorded }), which the journal does not hold: entries were removed from the end, or an entry was edited
gitjournal-heads-mismatch = `{ $head }` lists { $recorded } but the journal's heads are { $computed }: entries were removed from the end, or `{ $head }` was edited
gitjournal-branches = { $branches } branches of the journal are open (clones merged in git): the next write joins them
