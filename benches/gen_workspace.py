#!/usr/bin/env python3
"""Writes a large synthetic workspace for the benchmarks: N controllers x M
categories of processing, with sub-processors, security measures and people,
every reference valid and every required field filled (so `dpo check` does
the full work of a clean workspace, not an early exit)."""
import os
import sys

def main(out, controllers=10, activities=1000, subprocessors=50, measures=20, people=100):
    os.makedirs(os.path.join(out, "controllers"), exist_ok=True)
    cids = [f"ville-{i:02d}" for i in range(controllers)]
    with open(os.path.join(out, "processor.yaml"), "w") as f:
        f.write("""name: Établissement public territorial de démonstration
short_name: EPT démo
address: 1 avenue de l'Exemple, 94000 Exempleville
representative: {name: Camille Exemple, role: Président}
dpo: {name: Dominique Exemple, email: dpo@exemple.invalid}
timezone: Europe/Paris
language: fr
""")
    with open(os.path.join(out, "subprocessors.yaml"), "w") as f:
        f.write("subprocessors:\n")
        for s in range(subprocessors):
            f.write(f"""  - id: st-{s:03d}
    name: Sous-traitant ultérieur n°{s} — infogérance « réseau » et œuvres
    address: {s} rue du Serveur, 75000 Paris
    contact: {{email: contact{s}@st.exemple.invalid, phone: 01 00 00 00 {s:02d}}}
    activities: [infogérance des serveurs, assistance aux postes de travail]
    controllers: [{", ".join(cids)}]
    contract: {{reference: marché {s}, start: 2021-01-01, end: 2027-12-31}}
    location: France
    guarantees: clauses RGPD au contrat, audit annuel
""")
    with open(os.path.join(out, "security-measures.yaml"), "w") as f:
        f.write("measures:\n")
        for m in range(measures):
            f.write(f"""  - id: mesure-{m:02d}
    title: Mesure de sécurité n°{m}
    description: Description générale de la mesure {m}, avec chiffrement, journalisation et contrôle d'accès.
    clause: annexe 1, §II.9
    owner: Responsable {m}
    evidence: procédure PR-{m}
    last_tested: 2026-06-01
    test_interval_months: 12
""")
    with open(os.path.join(out, "people.yaml"), "w") as f:
        f.write("training_interval_months: 24\npeople:\n")
        for p in range(people):
            f.write(f"""  - id: agent-{p:03d}
    name: Agent {p}
    role: administrateur
    controllers: []
    confidentiality_commitment: 2026-01-10
    last_training: 2026-03-01
""")
    for c, cid in enumerate(cids):
        with open(os.path.join(out, "controllers", f"{cid}.yaml"), "w") as f:
            f.write(f"""name: Commune de démonstration n°{c}
address: {c} place de la Mairie, 91000 Ville-{c}
siret: 000 000 000 {c:05d}
representative: {{name: Maire {c}, role: Maire}}
dpo: {{name: DPO {c}, email: dpo@ville{c}.exemple.invalid}}
contacts:
  breach: {{name: Contact {c}, email: violations@ville{c}.exemple.invalid, phone: 01 00 00 {c:02d} 00}}
  data_subject_requests: {{email: droits@ville{c}.exemple.invalid}}
  it_coordinator: {{name: Coordinateur {c}, email: dsi@ville{c}.exemple.invalid}}
convention:
  title: Convention de services informatiques n°{c}
  act: délibération n°2021-{c}
  start: 2021-02-01
  term_months: 6
  renewals_allowed: 1
  renewal_notice_months: 1
activities:
""")
            for a in range(activities):
                # Two distinct sub-processors (a category names each once).
                sp1 = a % subprocessors
                sp2 = (a * 7) % subprocessors
                if sp2 == sp1:
                    sp2 = (sp1 + 1) % subprocessors
                f.write(f"""  - id: traitement-{a:04d}
    name: Catégorie de traitement n°{a} — hébergement des données des services
    description: Hébergement, sauvegarde et maintenance des serveurs et des logiciels métiers utilisés par la ville pour le traitement n°{a}.
    systems: [serveur-{a % 37}, stockage-{a % 11}]
    data_categories: [identité, coordonnées, données administratives]
    subprocessors: [st-{sp1:03d}, st-{sp2:03d}]
    security_measures: [mesure-{a % measures:02d}, mesure-{(a + 3) % measures:02d}]
""")
            f.write("transfers: []\n")

if __name__ == "__main__":
    main(sys.argv[1], *[int(x) for x in sys.argv[2:]])
