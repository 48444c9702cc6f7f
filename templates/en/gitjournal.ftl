## The journal as a DAG: clones merged in git (issue 11).
gitjournal-action-journal-merge = branches of the journal joined after a git merge
gitjournal-second-root = entry { $seq } names the start of the journal (GENESIS) among the entries it joins: no write of dpo does that
gitjournal-line-twice = entry { $seq } is there twice (first at line { $first })
gitjournal-parent-unknown = entry { $seq } names { $parent }, which is no earlier line of the journal: an entry was changed, removed or moved after the entries that follow it
gitjournal-head-absent = `{ $head }` lists entry { $seq } ({ $recorded }), which the journal does not hold: entries were removed from the end, or an entry was edited
gitjournal-heads-mismatch = `{ $head }` lists { $recorded } but the journal's heads are { $computed }: entries were removed from the end, or `{ $head }` was edited
gitjournal-branches = { $branches } branches of the journal are open (clones merged in git): the next write joins them
gitjournal-rewritten = the journal was rewritten on one side: line { $line } of the common ancestor is not in it (a journal only grows at the end)
gitjournal-rewritten-hint = abort the merge (`git merge --abort`), find the commit that changed the journal's earlier lines (`git log -p -- journal.jsonl`) and restore them
gitjournal-merge-invalid = the merged journal would not verify (line { $line }: { $problem })
gitjournal-concurrent = the record { $record } (`{ $file }`) was changed on both sides: on this side by { $ours }; on the other by { $theirs }. The journal keeps both; the record is a conflict to resolve
gitjournal-concurrent-hint = what to do: resolve `{ $file }` (keep what each side did), `git add` it and `journal.jsonl` (merged already: both sides' entries) and commit, then `dpo record adopt { $file } --reason "…"`
gitjournal-status-concurrent = { $file } changed on two merged branches: resolve, then adopt
gitjournal-integrity-concurrent = the record { $record } was changed on two branches of the journal merged in git, by { $sides }: neither change includes the other, and the file as resolved is vouched for by no entry
gitjournal-integrity-concurrent-hint = check that `{ $file }` keeps what each side did (resolve it in git, `git add`, commit), then `dpo record adopt { $file } --reason "…"`
gitjournal-collision = the record { $record } (`{ $file }`) was created on both sides: these are two different records under one id, one made on this side by { $ours }, the other on the other side by { $theirs }; { $tag ->
    [none] two clones without a tag numbered it
   *[other] the tag `{ $tag }` is used by two clones
}. Do not merge or adopt them
gitjournal-collision-hint = what to do: abort the merge (`git merge --abort`); then, in one of the two clones, note what its `{ $file }` holds, drop its commits not pushed (`git reset --hard origin/main`, or the branch you were merging), take another tag (`dpo git setup --tag OTHER`) and make the record again: it gets an id of the new tag. If the id { $record } was already sent from that clone, tell the recipient the new id
gitjournal-conflict-markers = this line is a git conflict marker: the journal's merge did not go through `dpo journal merge` (a clone without `dpo git setup`, or a merge of several branches at once). Abort the merge (`git merge --abort`), run `dpo git setup` in this clone, then merge one branch at a time
gitjournal-adopt-evidence-hint = keep in those sections what each side wrote, changing nothing: from the workspace folder, `git show HEAD^1:./{ $file }` shows this side and `git show HEAD^2:./{ $file }` the other (merge committed); before the merge is committed, `git checkout --merge -- { $file }` puts both sides back in conflict. Then adopt again
gitjournal-rebasing = (a `git rebase` is under way, e.g. `git pull --rebase`: "this side" is this clone's. After resolving and `git add`, go on with `git rebase --continue`, not a commit, then adopt)
