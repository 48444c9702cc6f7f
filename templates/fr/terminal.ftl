# Messages of part "terminal" (fr).

## Field codes said in words (`audit_field.<key>`, read by the audit pack
## and the terminal alike): the fields of a recorded destruction.
audit_field-destruction = destruction
audit_field-validated_by = validée par
audit_field-media_destination = devenir du support

## The placeholders of an option in a hint (`--validated-by NOM`).
terminal-placeholder-name = NOM
terminal-placeholder-text = TEXTE

## « journal show » : un envoi qui n'a pas eu lieu est nommé comme un envoi,
## non par son résultat (« demande transmise… »), avec la cause de l'échec.
terminal-sending-breach-notify = envoi de la notification d'une violation
terminal-sending-breach-supplement = envoi d'un complément à la notification d'une violation
terminal-sending-request-forward = transmission d'une demande au responsable de traitement
terminal-sending-instruction-objection-notice = envoi d'une objection à une instruction
terminal-sending-instruction-transfer-notice = envoi de l'information préalable sur un transfert exigé par la loi
terminal-sending-subprocessor-notify = envoi d'une information écrite sur un sous-traitant ultérieur
terminal-action-failed = { $sending } : échec, le serveur de messagerie a refusé le message ; rien n'est parti
terminal-action-unreachable = { $sending } : échec, le serveur de messagerie n'a pas pu être joint ; rien n'est parti
terminal-action-intent = { $sending } : sur le point de partir
terminal-action-dry-run = { $sending } : essai, message écrit sans être envoyé
terminal-action-again = { $sending } : nouvel envoi après un envoi incertain
terminal-action-confirm-sent = { $sending } : envoi incertain confirmé comme reçu

## Part "ha": a mail server in words, a refusal in words (the server's own
## text quoted as it answered).
terminal-ha-server = { $address } ({ $security })
terminal-ha-security-plain = en clair
terminal-ha-security-starttls = STARTTLS
terminal-ha-security-opportunistic = STARTTLS s'il est proposé
terminal-ha-security-tls = TLS implicite
terminal-ha-smtp-permanent = erreur permanente ({ $code }), le serveur a répondu « { $words } »
terminal-ha-smtp-transient = erreur temporaire ({ $code }), le serveur a répondu « { $words } »
## A sending named with its controller (`{ $what }`: « la transmission de la demande `2021-002` »).
terminal-ha-what-for = { $what } pour { $controller }
## A controller named in the run's language (`Workspace::controller_msg`).
terminal-ha-controller = { $en ->
   *[other] { $fr }
}
## `fate destroy`: the method as the certificate says it.
terminal-ha-method = { $method ->
    [clear] effacement logique (clear)
    [purge] purge (NIST SP 800-88)
    [destroy] destruction du support (destroy)
   *[other] { $method }
}
## A certified fact of a fate item (`fate set` refused).
terminal-ha-fact = { $fact ->
    [choice] son choix
    [decision] sa décision
   *[copies] ses copies
}
## The certificate's signatory when missing (`fate list`).
terminal-ha-dpo-name = nom du délégué à la protection des données (processor.yaml)

# The SMTP warnings before a sending (src/mail/mod.rs, SmtpSettings::warnings).
terminal-smtp-warning = { $message }
  { "  " }conseil : utilisez smtp://…?tls=required (STARTTLS) ou smtps://… (TLS implicite)
terminal-smtp-password-plain = le mot de passe SMTP de `{ $user }` partirait en clair vers { $server } : authentification sur une connexion non chiffrée
terminal-smtp-password-opportunistic = le mot de passe SMTP de `{ $user }` partirait en clair vers { $server } si le serveur ne propose pas STARTTLS (tls=opportunistic)
terminal-smtp-plain = { $server } est utilisé sans TLS : le message traverse le réseau en clair
