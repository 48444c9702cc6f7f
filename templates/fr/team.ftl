# team: see src/render/catalog.rs. One catalog, kept in files by subject.
# A team sharing the workspace in git: `dpo git setup`, clone tags, `check`'s warnings,
# `status`'s "since your last look" (src/team/, src/workspace/git.rs, src/cli/git.rs).
team-git-missing = impossible de lancer `git` : { $why }
team-git-missing-hint = installez git (Debian : `apt-get install git`) ou mettez-le dans le PATH
team-git-failed = `git { $args }` a échoué dans { $dir } : { $stderr }
team-not-a-work-tree = l'espace de travail { $dir } n'est pas dans une copie de travail git : rien n'a été écrit
team-not-a-work-tree-hint = clonez le dépôt de l'équipe (`git clone …`) ou créez-en un (`git init`), puis lancez `dpo git setup` dans la copie
team-no-tag = cette copie n'a pas d'étiquette : lancez `dpo git setup` (l'espace de travail { $root } est partagé dans git, et un enregistrement numéroté sans étiquette pourrait prendre l'identifiant d'une autre copie) ; rien n'a été écrit
team-no-tag-hint = `dpo git setup` donne à cette copie son étiquette (vos initiales, ou `--tag`), pour que ses identifiants s'écrivent { $year }-ÉTIQUETTE-001
team-bad-tag = `{ $tag }` n'est pas une étiquette de copie : de 1 à 4 lettres minuscules (a à z)
team-bad-tag-hint = par exemple `--tag gp` ; sans `--tag`, vos initiales sont prises
team-tag-claimed = l'étiquette `{ $tag }` est déjà prise (par la mise en place d'une autre copie, ou par des identifiants d'enregistrements) : rien n'a été changé
team-tag-claimed-hint = choisissez un autre `--tag`, ou omettez-le pour prendre vos initiales rendues uniques
team-tag-differs = l'étiquette de cette copie est déjà `{ $has }`, pas `{ $asked }` : une copie garde son étiquette, et les identifiants déjà donnés ne changent jamais
team-tag-differs-hint = lancez `dpo git setup` sans `--tag`
team-no-binary = impossible de trouver le dpo en cours pour le pilote de fusion de git : { $why }
team-setup-done = copie mise en place dans { $top } : étiquette `{ $tag }`, nouveaux enregistrements numérotés comme `{ $example }`
team-setup-files = écrit : { $files }
team-setup-driver = le pilote de fusion du journal (`dpo journal merge`) est enregistré dans la configuration git de cette copie
team-setup-journaled = journalisé : entrée { $seq } (`git.setup`, tag:{ $tag })
team-setup-unchanged = cette copie est déjà mise en place (étiquette `{ $tag }`) : rien n'a changé
team-setup-next = suite : enregistrez l'espace de travail (`git add -A { $dir } && git commit`) et poussez-le, pour que les autres copies voient l'étiquette prise
team-init-outside-git = `.gitattributes` écrit : une fois l'espace de travail dans git, lancez `dpo git setup` dans chaque copie (pilote de fusion et étiquette de la copie)
team-check-no-driver = cette copie n'a pas de pilote de fusion pour le journal : un `git pull` le laisserait en conflit
team-check-no-tag = cette copie n'a pas d'étiquette : elle ne peut pas numéroter de nouveaux enregistrements
team-check-run-setup = lancez `dpo git setup` dans cette copie
team-check-tag-twice = l'étiquette `{ $tag }` est prise deux fois : par { $first } et par { $second }
team-check-tag-twice-hint = les identifiants donnés par chaque copie gardent leur étiquette ; dans l'une des deux copies, choisissez une autre étiquette (`git config dpo.tag …`), puis `dpo git setup` pour journaliser sa prise
screens-action-git-setup = mise en place d'une copie pour le travail en équipe (git)
team-status-since = Depuis votre dernier passage ({ $date }) :
team-status-entry = { $at } — { $who } : { $what } — { $subject }
team-status-note = { $what } : « { $text } »
team-bad-clone-tag = l'étiquette de cette copie (`dpo.tag` = `{ $tag }` dans sa configuration git locale) n'est pas une étiquette (1 à 4 lettres minuscules) : aucun identifiant n'est donné avec elle, rien n'a été écrit ; donnez-lui une étiquette valide : `dpo git setup --tag ÉTIQUETTE`
team-id-not-of-clone = l'identifiant `{ $id }` ne porte pas l'étiquette `{ $tag }` de cette copie : dans un espace de travail partagé en équipe, une copie ne donne que des identifiants de son étiquette (une autre copie numérote les siens, ou ceux sans étiquette) ; rien n'a été écrit
team-id-not-of-clone-hint = omettez `--id` (le suivant est donné), ou donnez un identifiant de cette copie, par exemple `{ $example }`
team-setup-retagged = l'étiquette `{ $old }` de cette copie est prise par une autre copie, et la prise de cette copie n'est plus dans le journal (après `git reset` ou un changement de branche) : cette copie prend désormais l'étiquette `{ $tag }` ; les identifiants déjà donnés ne changent pas
team-status-elsewhere = Votre dernier passage ({ $date }) portait sur un autre état du journal (avant un `git reset` ou un changement de branche) : rien n'est listé, le prochain passage partira de l'état actuel
team-check-driver-missing = le pilote de fusion du journal enregistré dans cette copie lance `{ $program }`, qui n'existe plus : chaque `git pull` laisserait le journal en conflit
team-check-tag-taken = l'étiquette `{ $tag }` de cette copie est prise par une autre copie (mise en place par { $by }), et la prise de cette copie n'est plus dans le journal (après `git reset` ou un changement de branche) : ses prochains identifiants pourraient être ceux de l'autre copie
team-head-line-bad = ce n'est pas une ligne de tête du journal (« rang empreinte-SHA-256 ») : rien n'a été fusionné
team-tag-taken-refused = l'étiquette `{ $tag }` de cette copie est prise par une autre copie (mise en place par { $by }), et la prise de cette copie n'est plus dans le journal (après `git reset` ou un changement de branche) : ses prochains identifiants pourraient être ceux de l'autre copie ; rien n'a été écrit
team-tag-taken-refused-hint = lancez `dpo git setup` dans cette copie : elle prend une autre étiquette, puis recommencez
