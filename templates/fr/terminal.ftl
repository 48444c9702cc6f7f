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
