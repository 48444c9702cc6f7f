## Le journal en graphe : des clones fusionnés dans git (issue 11).
gitjournal-action-journal-merge = branches du journal réunies après une fusion git
gitjournal-second-root = l'entrée { $seq } commence un second historique (elle ne désigne aucune entrée antérieure) : les journaux de deux espaces de travail sans rapport ont été réunis
gitjournal-line-twice = l'entrée { $seq } figure deux fois (d'abord à la ligne { $first })
gitjournal-parent-unknown = l'entrée { $seq } désigne { $parent }, qui n'est aucune ligne antérieure du journal : une entrée a été modifiée, supprimée ou déplacée après les entrées qui la suivent
gitjournal-head-absent = `{ $head }` désigne l'entrée { $seq } ({ $recorded }), que le journal ne contient pas : des entrées ont été supprimées à la fin, ou une entrée a été modifiée
gitjournal-heads-mismatch = `{ $head }` désigne { $recorded } mais les têtes du journal sont { $computed } : des entrées ont été supprimées à la fin, ou `{ $head }` a été modifié
gitjournal-branches = { $branches } branches du journal sont ouvertes (clones fusionnés dans git) : la prochaine écriture les réunit
