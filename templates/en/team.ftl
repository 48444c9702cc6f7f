# team: see src/render/catalog.rs. One catalog, kept in files by subject.
# A team sharing the workspace in git: `dpo git setup`, clone tags, `check`'s warnings,
# `status`'s "since your last look" (src/team/, src/workspace/git.rs, src/cli/git.rs).
team-git-missing = cannot run `git`: { $why }
team-git-missing-hint = install git (Debian: `apt-get install git`) or put it in the PATH
team-git-failed = `git { $args }` failed in { $dir }: { $stderr }
team-not-a-work-tree = the workspace { $dir } is not inside a git work tree: nothing was written
team-not-a-work-tree-hint = clone the team's repository (`git clone …`) or make one (`git init`), then run `dpo git setup` in the clone
team-no-tag = this clone has no tag: run `dpo git setup` (the workspace { $root } is shared in git, and a record numbered without a tag could take another clone's id); nothing was written
team-no-tag-hint = `dpo git setup` gives this clone its tag (your initials, or `--tag`), so that its ids read { $year }-TAG-001
team-bad-tag = `{ $tag }` is not a clone tag: 1 to 4 lowercase letters (a to z)
team-bad-tag-hint = e.g. `--tag gp`; without `--tag`, your initials are taken
team-tag-claimed = the tag `{ $tag }` is already claimed (by the setup of another clone, or by the ids of records): nothing was changed
team-tag-claimed-hint = choose another `--tag`, or leave it out to take your initials made unique
team-tag-differs = this clone's tag is already `{ $has }`, not `{ $asked }`: a clone keeps its tag, and ids already given never change
team-tag-differs-hint = run `dpo git setup` without `--tag`
team-no-binary = cannot find the running dpo for git's merge driver: { $why }
team-setup-done = clone set up in { $top }: tag `{ $tag }`, new records numbered like `{ $example }`
team-setup-files = written: { $files }
team-setup-driver = the journal's merge driver (`dpo journal merge`) is registered in this clone's git config
team-setup-journaled = journaled: entry { $seq } (`git.setup`, tag:{ $tag })
team-setup-unchanged = this clone is already set up (tag `{ $tag }`): nothing changed
team-setup-next = next: commit the workspace (`git add -A { $dir } && git commit`) and push, so that the other clones see the tag claimed
team-init-outside-git = `.gitattributes` written: once the workspace is in git, run `dpo git setup` in each clone (merge driver and tag of the clone)
team-check-no-driver = this clone has no merge driver for the journal: a `git pull` would leave it in conflict
team-check-no-tag = this clone has no tag: it cannot number new records
team-check-run-setup = run `dpo git setup` in this clone
team-check-tag-twice = the tag `{ $tag }` is claimed twice: by { $first } and by { $second }
team-check-tag-twice-hint = the ids each clone gave keep their tag; in one of the two clones, set another tag (`git config dpo.tag …`), then `dpo git setup` to journal its claim
screens-action-git-setup = clone set up for team work (git)
team-status-since = Since your last look ({ $date }):
team-status-entry = { $at } — { $who }: { $what } — { $subject }
team-status-note = { $what }: “{ $text }”
team-bad-clone-tag = this clone's tag (`dpo.tag` = `{ $tag }` in its local git configuration) is not a tag (1 to 4 lowercase letters): no id is made with it, nothing was written; give it a valid tag: `dpo git setup --tag TAG`
team-id-not-of-clone = the id `{ $id }` does not carry this clone's tag `{ $tag }`: in a workspace a team shares, a clone gives only ids of its own tag (another clone numbers its own, or those without a tag); nothing was written
team-id-not-of-clone-hint = leave out `--id` (the next one is given), or give an id of this clone, e.g. `{ $example }`
team-setup-retagged = this clone's tag `{ $old }` is claimed by another clone, and this clone's own claim is no longer in the journal (after `git reset` or a switch of branch): this clone now takes the tag `{ $tag }`; the ids already given do not change
team-status-elsewhere = Your last look ({ $date }) was on another state of the journal (before a `git reset` or a switch of branch): nothing is listed; the next look starts from the current state
team-check-driver-missing = the journal's merge driver registered in this clone runs `{ $program }`, which no longer exists: every `git pull` would leave the journal in conflict
team-check-tag-taken = this clone's tag `{ $tag }` is claimed by another clone (set up by { $by }), and this clone's own claim is no longer in the journal (after `git reset` or a switch of branch): its next ids could be the other clone's
team-head-line-bad = not a line of journal heads (`<rank> <SHA-256>`): nothing was merged
team-tag-taken-refused = this clone's tag `{ $tag }` is claimed by another clone (set up by { $by }), and this clone's own claim is no longer in the journal (after `git reset` or a switch of branch): its next ids could be the other clone's; nothing was written
team-tag-taken-refused-hint = run `dpo git setup` in this clone: it takes another tag; then run the command again
