"""The texts of the curation dialog (actor names and topic rules): key -> (English, French).

Merged into `strings.STRINGS` (French typography applied there). The core's refusals (an alias of
itself, a rule already there, the last rule of a topic) reach the user as the core writes them.
"""

from __future__ import annotations

CURATION_STRINGS: dict[str, tuple[str, str]] = {
    "act-curation": ("&Actors and topics…", "&Acteurs et thèmes…"),
    "cur-title": ("Actors and topics", "Acteurs et thèmes"),
    "cur-intro": (("The names briefings show for actors, and the rules that tie events to topics. Every change "
                   "re-tags the store's events at once."),
                  ("Les noms que les notes donnent aux acteurs, et les règles qui rattachent les événements aux "
                   "thèmes. Chaque modification ré-étiquette aussitôt les événements de la base.")),
    "cur-read-only": ("This store is read-only: open a writable copy to change names or rules.",
                      "Cette base est en lecture seule : ouvrez-en une copie modifiable pour changer noms ou règles."),
    "cur-loading": ("Reading the store…", "Lecture de la base…"),
    "cur-working": ("Re-tagging the events…", "Ré-étiquetage des événements…"),
    "cur-changed": ("{n} event(s) changed topic.", "{n} événement(s) ont changé de thème."),
    "cur-restored": ("{added} built-in name(s) restored; {n} event(s) changed topic.",
                     "{added} nom(s) intégré(s) rétabli(s) ; {n} événement(s) ont changé de thème."),
    "cur-error": ("Cannot change names or rules", "Impossible de modifier noms ou règles"),
    "cur-close": ("&Close", "&Fermer"),
    # Actor names
    "cur-tab-actors": ("Actor &names", "&Noms des acteurs"),
    "cur-aliases": ("Names shown in briefings", "Noms affichés dans les notes"),
    "cur-col-alias": ("Name in the data", "Nom dans les données"),
    "cur-col-actor": ("Name shown", "Nom affiché"),
    "cur-col-origin": ("Origin", "Origine"),
    "cur-col-note": ("Note", "Remarque"),
    "cur-origin-builtin": ("built-in", "intégré"),
    "cur-origin-user": ("yours", "le vôtre"),
    "cur-alias": ("Name in the &data", "Nom dans les &données"),
    "cur-actor": ("Show it &as", "L’&afficher comme"),
    "cur-note": ("N&ote", "Re&marque"),
    "cur-save-alias": ("&Save name", "&Enregistrer le nom"),
    "cur-new-alias": ("Ne&w", "No&uveau"),
    "cur-remove-alias": ("&Remove", "&Retirer"),
    "cur-builtin": ("Restore &built-in list", "Rétablir la liste &intégrée"),
    "cur-builtin-tip": ("Adds back the shipped names you removed; your own names are kept.",
                        "Rajoute les noms livrés que vous avez retirés ; vos propres noms sont gardés."),
    "cur-frequent": ("Most frequent names in the data (double-click to use)",
                     "Noms les plus fréquents dans les données (double-clic pour l’utiliser)"),
    "cur-filter": ("&Filter names", "Filtrer &les noms"),
    "cur-col-name": ("Name", "Nom"),
    "cur-col-shown": ("Shown as", "Affiché comme"),
    "cur-col-events": ("Events", "Événements"),
    # Topic rules
    "cur-tab-topics": ("&Topic rules", "Règles des &thèmes"),
    "cur-topic": ("T&opic", "Th&ème"),
    "cur-rules": ("An event belongs to the topic when any rule matches it.",
                  "Un événement relève du thème dès qu’une règle lui correspond."),
    "cur-col-field": ("Matches", "Porte sur"),
    "cur-col-pattern": ("Rule", "Règle"),
    "cur-field": ("&Matches", "&Porte sur"),
    "cur-pattern": ("&Rule", "&Règle"),
    "cur-field-event_type": ("event type", "type d’événement"),
    "cur-field-sub_event_type": ("sub-event type", "sous-type d’événement"),
    "cur-field-actor": ("actor", "acteur"),
    "cur-field-keyword": ("keyword in the notes", "mot-clé des notes"),
    "cur-add-rule": ("A&dd rule", "A&jouter la règle"),
    "cur-remove-rule": ("Remo&ve rule", "Retirer la rè&gle"),
}
