## Le journal en graphe : des clones fusionnés dans git (issue 11).
gitjournal-action-journal-merge = branches du journal réunies après une fusion git
gitjournal-second-root = l'entrée { $seq } désigne le début du journal (GENESIS) parmi les entrées qu'elle réunit : aucune écriture de dpo ne fait cela
gitjournal-line-twice = l'entrée { $seq } figure deux fois (d'abord à la ligne { $first })
gitjournal-parent-unknown = l'entrée { $seq } désigne { $parent }, qui n'est aucune ligne antérieure du journal : une entrée a été modifiée, supprimée ou déplacée après les entrées qui la suivent
gitjournal-head-absent = `{ $head }` désigne l'entrée { $seq } ({ $recorded }), que le journal ne contient pas : des entrées ont été supprimées à la fin, ou une entrée a été modifiée
gitjournal-heads-mismatch = `{ $head }` désigne { $recorded } mais les têtes du journal sont { $computed } : des entrées ont été supprimées à la fin, ou `{ $head }` a été modifié
gitjournal-branches = { $branches } branches du journal sont ouvertes (clones fusionnés dans git) : la prochaine écriture les réunit
gitjournal-rewritten = le journal a été réécrit d'un côté : la ligne { $line } de l'ancêtre commun n'y figure plus (un journal ne s'allonge qu'à la fin)
gitjournal-rewritten-hint = abandonnez la fusion (`git merge --abort`), trouvez le commit qui a modifié les lignes antérieures du journal (`git log -p -- journal.jsonl`) et rétablissez-les
gitjournal-merge-invalid = le journal fusionné ne serait pas vérifiable (ligne { $line } : { $problem })
gitjournal-concurrent = l'enregistrement { $record } (`{ $file }`) a été modifié des deux côtés : de ce côté par { $ours } ; de l'autre par { $theirs }. Le journal garde les deux ; l'enregistrement est un conflit à résoudre
gitjournal-concurrent-hint = que faire : résolvez `{ $file }` (gardez ce que chaque côté a fait), faites `git add` de ce fichier et de `journal.jsonl` (déjà fusionné : les entrées des deux côtés) puis le commit, puis `dpo record adopt { $file } --reason "…"`
gitjournal-status-concurrent = { $file } modifié sur deux branches fusionnées : résoudre, puis adopter
gitjournal-integrity-concurrent = l'enregistrement { $record } a été modifié sur deux branches du journal fusionnées dans git, par { $sides } : aucune des deux modifications n'inclut l'autre, et aucune entrée ne garantit le fichier tel que résolu
gitjournal-integrity-concurrent-hint = vérifiez que `{ $file }` garde ce que chaque côté a fait (résolu dans git, `git add`, commit), puis `dpo record adopt { $file } --reason "…"`
gitjournal-collision = l'enregistrement { $record } (`{ $file }`) a été créé des deux côtés : ce sont deux enregistrements différents sous le même identifiant, l'un fait de ce côté par { $ours }, l'autre de l'autre côté par { $theirs } ; { $tag ->
    [none] deux copies sans étiquette l'ont numéroté
   *[other] l'étiquette `{ $tag }` est utilisée par deux copies
}. Ne les fusionnez pas et ne les adoptez pas
gitjournal-collision-hint = que faire : abandonnez la fusion (`git merge --abort`) ; puis, dans l'une des deux copies, notez ce que contient son `{ $file }`, retirez ses commits non poussés (`git reset --hard origin/main`, ou la branche que vous fusionniez), prenez une autre étiquette (`dpo git setup --tag AUTRE`) et refaites l'enregistrement : il prend un identifiant de la nouvelle étiquette. Si l'identifiant { $record } a déjà été envoyé depuis cette copie, dites au destinataire le nouvel identifiant
gitjournal-conflict-markers = cette ligne est une marque de conflit de git : la fusion du journal n'est pas passée par `dpo journal merge` (une copie sans `dpo git setup`, ou une fusion de plusieurs branches à la fois). Abandonnez la fusion (`git merge --abort`), lancez `dpo git setup` dans cette copie, puis fusionnez une branche à la fois
gitjournal-adopt-evidence-hint = gardez dans ces sections ce que chaque côté a écrit, sans rien changer : depuis le dossier de l'espace de travail, `git show HEAD^1:./{ $file }` montre ce côté et `git show HEAD^2:./{ $file }` l'autre (fusion validée) ; avant le commit de la fusion, `git checkout --merge -- { $file }` remet les deux côtés en conflit. Puis adoptez à nouveau
gitjournal-rebasing = (un `git rebase` est en cours, par exemple `git pull --rebase` : « ce côté » est celui de cette copie. Après la résolution et `git add`, continuez par `git rebase --continue` et non par un commit, puis adoptez)
