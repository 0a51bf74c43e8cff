"""More of the message catalogue (see briefer/core/message_texts.py, which merges these into CATALOGUE):
the analyst's input, saved briefings, topic rules and actor aliases, citation styles and fonts,
capturing quotations and figures, incident-log profiles, reference entries, the demo store, and the
command line's own checks of its options. Same rules: key -> (English, French), the same fields.
"""

from __future__ import annotations

MORE: dict[str, tuple[str, str]] = {
    # Analyst input: risks typed as "threat;likelihood;impact" and the analyst-input TOML file.
    "ana-risk-unreadable": (("cannot read the risk {text!r}: write \"threat;likelihood;impact\" with likelihood and "
                            "impact from 1 to 5, e.g. \"Ambush on the Gao road;4;5\""),
                            ("impossible de lire le risque « {text} » : écrivez « menace;probabilité;impact », la "
                            "probabilité et l’impact allant de 1 à 5, par exemple « Embuscade sur la route de "
                            "Gao;4;5 »")),
    "ana-where-risk": ("the risk {text!r}", "le risque « {text} »"),
    "ana-where-file-risk": ("{path}, risk {number}", "{path}, risque {number}"),
    "ana-where-trend": ("overall trend", "tendance générale"),
    "ana-risk-shape": ("{where}: a risk needs a threat (text), a likelihood and an impact (whole numbers from 1 to 5)",
                       ("{where} : un risque doit avoir une menace (un texte), une probabilité et un impact (des "
                       "nombres entiers de 1 à 5)")),
    "ana-no-threat": ("{where}: a risk needs a threat", "{where} : un risque doit avoir une menace"),
    "ana-scale": ("{where}: {name} of {threat!r} must be a whole number from 1 to 5, not {value!r}",
                  "{where} : {name} de « {threat} » doit être un nombre entier de 1 à 5, pas {value}"),
    "ana-likelihood": ("likelihood", "la probabilité"),
    "ana-impact": ("impact", "l’impact"),
    "ana-unreadable": ("{path}: cannot read the file ({reason})", "{path} : impossible de lire le fichier ({reason})"),
    "ana-unknown-key": ("{where}: unknown key; use outlook, trend, messages, risks",
                        "{where} : clé inconnue ; utilisez outlook, trend, messages, risks"),
    "ana-text": ("{where}: a text is required", "{where} : un texte est requis"),
    "ana-texts": ("{where}: a list of texts is required", "{where} : une liste de textes est requise"),
    "ana-risk-tables": ("{where}: use [[risks]] tables with threat, likelihood, impact",
                        "{where} : utilisez des tables [[risks]] avec threat, likelihood, impact"),
    "ana-unknown-trend": ("unknown overall trend {value!r}; use one of {options}",
                          "tendance générale inconnue « {value} » ; utilisez l’une de celles-ci : {options}"),
    # Saved briefings.
    "rec-unreadable": ("the saved briefing cannot be read ({reason})",
                       "la note enregistrée ne peut pas être lue ({reason})"),
    "rec-no-name": ("a saved briefing needs a name", "une note enregistrée doit avoir un nom"),
    "rec-missing": ("no saved briefing called {name!r}", "aucune note enregistrée ne s’appelle « {name} »"),
    "rec-taken": ("a saved briefing called {name!r} already exists",
                  "une note enregistrée s’appelle déjà « {name} »"),
    # Topic rules and actor aliases.
    "rule-no-pattern": ("a topic rule needs a pattern (a type, an actor name or a keyword)",
                        "une règle de thème doit avoir un motif (un type, un nom d’acteur ou un mot-clé)"),
    "rule-exists": ("topic {topic!r} already has the {field} rule {pattern!r}",
                    "le thème « {topic} » a déjà la règle {field} « {pattern} »"),
    "rule-missing": ("topic {topic!r} has no {field} rule {pattern!r}; see `briefer topics rules {topic}`",
                     ("le thème « {topic} » n’a pas de règle {field} « {pattern} » ; voir "
                     "`briefer topics rules {topic}`")),
    "rule-last": (("{pattern!r} is the last rule of topic {topic!r}; without rules the topic would take every event. "
                  "Add another rule first."),
                  ("« {pattern} » est la dernière règle du thème « {topic} » ; sans règle, le thème prendrait tous "
                  "les événements. Ajoutez d’abord une autre règle.")),
    "rule-unknown-field": ("unknown rule field {field!r}; use one of {fields}",
                           "champ de règle inconnu « {field} » ; utilisez l’un de ceux-ci : {fields}"),
    "alias-incomplete": ("an actor alias needs both a name as written and the name to show",
                         "un alias d’acteur doit avoir le nom tel qu’il est écrit et le nom à afficher"),
    "alias-itself": ("{alias!r} cannot be an alias of itself", "« {alias} » ne peut pas être un alias de lui-même"),
    "alias-chain": ("{actor!r} is itself an alias of {target!r}; alias {alias!r} to {target!r}",
                    ("« {actor} » est lui-même un alias de « {target} » ; faites de « {alias} » un alias de "
                    "« {target} »")),
    "alias-missing": ("no actor alias {alias!r}; see `briefer actors list`",
                      "aucun alias d’acteur « {alias} » ; voir `briefer actors list`"),
    # Citation styles and fonts.
    "cite-unknown-style": ("unknown citation style {value!r}; use numbered, author-date or a .csl file",
                           "style de citation inconnu « {value} » ; utilisez numbered, author-date ou un fichier .csl"),
    "cite-unreadable": ("{path}: cannot read the CSL style ({reason})",
                        "{path} : impossible de lire le style CSL ({reason})"),
    "cite-in-file": ("{path}: {problem}", "{path} : {problem}"),
    "cite-unusable": ("not a usable CSL style ({reason})", "ce n’est pas un style CSL utilisable ({reason})"),
    "font-no-matplotlib": ("matplotlib is not installed; reinstall briefer (pip install -e .)",
                           "matplotlib n’est pas installé ; réinstallez briefer (pip install -e .)"),
    "font-missing": ("font file {path} is missing; reinstall matplotlib (pip install --force-reinstall matplotlib)",
                     ("le fichier de police {path} est absent ; réinstallez matplotlib (pip install "
                     "--force-reinstall matplotlib)")),
    "font-unreadable": ("reportlab cannot read the font file {path}",
                        "reportlab ne peut pas lire le fichier de police {path}"),
    # Capturing quotations and figures from a stored source.
    "cap-no-source": ("no source with id {id}; see the sources in the store",
                      "aucune source avec l’identifiant {id} ; voir les sources du magasin de données"),
    "cap-not-verbatim-quotation": (("the quotation is not verbatim in source {id} ({title!r}){closest}; correct it or "
                                   "mark it as a paraphrase (--paraphrase)"),
                                   ("la citation ne figure pas mot pour mot dans la source {id} (« {title} »){closest} ; "
                                   "corrigez-la ou marquez-la comme paraphrase (--paraphrase)")),
    "cap-not-verbatim-sentence": ("the sentence is not verbatim in source {id} ({title!r}){closest}; correct it",
                                  ("la phrase ne figure pas mot pour mot dans la source {id} (« {title} »){closest} ; "
                                  "corrigez-la")),
    "cap-closest": ("; the closest passage ({where}) reads: {text!r}",
                    " ; le passage le plus proche ({where}) dit : « {text} »"),
    # How an imported file is written, and the import log's line (imports.message / message_fr).
    "fmt-csv": ("{encoding}, {sep}-separated, {ends} line ends{junk}",
                "{encoding}, séparateur {sep}, fins de ligne {ends}{junk}"),
    "fmt-sep-comma": ("comma", "virgule"),
    "fmt-sep-semicolon": ("semicolon", "point-virgule"),
    "fmt-sep-tab": ("tab", "tabulation"),
    "fmt-junk": (", {count} line(s) before the header", ", {count} ligne(s) avant l’en-tête"),
    "fmt-xlsx": ("Excel workbook, sheet {sheet!r}", "classeur Excel, feuille « {sheet} »"),
    "log-summary": ("added {added}, updated {updated}, unchanged {unchanged}, rejected {rejected}{vanished}",
                    "ajoutés {added}, mis à jour {updated}, inchangés {unchanged}, rejetés {rejected}{vanished}"),
    "log-vanished": (", vanished {count}", ", disparus {count}"),
    "log-rows": ("{count} rows", "{count} lignes"),
    # Writing sources, quotations and figures (store/writes.py).
    "wr-no-source": ("no source with id {id}", "aucune source avec l’identifiant {id}"),
    "wr-source-title": ("a source needs a title", "une source doit avoir un titre"),
    "wr-source-field": ("a source has no field {name!r}; editable: {editable}",
                        "une source n’a pas de champ « {name} » ; champs modifiables : {editable}"),
    "wr-not-verbatim": ("the quotation is not verbatim in source {id}; correct it or mark it as a paraphrase",
                        ("la citation ne figure pas mot pour mot dans la source {id} ; corrigez-la ou "
                         "marquez-la comme paraphrase")),
    "wr-figure-label": ("a figure needs a label", "un chiffre doit avoir un libellé"),
    "cap-empty-quotation": ("a quotation cannot be empty", "une citation ne peut pas être vide"),
    "cap-figure-incomplete": ("a figure needs its sentence and a label",
                              "un chiffre doit avoir sa phrase et un intitulé"),
    "cap-not-number": ("{text!r} is not a number; write it as 375000, 375,000, 6 000 or 1.5",
                       "« {text} » n’est pas un nombre ; écrivez-le sous la forme 375000, 375,000, 6 000 ou 1,5"),
    "cap-which-country": ("say which country the figure is about (--country): the sentence names {named}",
                          "indiquez de quel pays parle le chiffre (--country) : la phrase {named}"),
    "cap-names-none": ("none", "n’en nomme aucun"),
    "cap-names-several": ("several: {isos}", "en nomme plusieurs : {isos}"),
    "cap-no-text": ("source {id} has no stored text (a reference only); import the document itself",
                    ("la source {id} n’a pas de texte enregistré (c’est une simple référence) ; importez le "
                    "document lui-même")),
    # Incident-log profiles (column mappings).
    "prof-unknown-field": ("unknown incident field {name!r}; use one of {fields}",
                           "champ d’incident inconnu « {name} » ; utilisez l’un de ceux-ci : {fields}"),
    "prof-empty-heading": ("field {name!r} is mapped to an empty heading",
                           "le champ « {name} » est associé à un en-tête vide"),
    "prof-date-order": ("unknown date order {order!r}; use {orders}",
                        "ordre de date inconnu « {order} » ; utilisez {orders}"),
    "prof-map-item": ("--map {item!r}: write it as FIELD=HEADING, e.g. date=\"Date de l'incident\"",
                      "--map « {item} » : écrivez-le sous la forme CHAMP=EN-TÊTE, par exemple date=\"Date de l'incident\""),
    "prof-no-name": ("a profile needs a name", "un profil doit avoir un nom"),
    "prof-missing": ("no import profile {name!r}; profiles: {known}",
                     "aucun profil d’import « {name} » ; profils : {known}"),
    "prof-none-yet": ("none yet (save one with --save-profile)",
                      "aucun pour l’instant (enregistrez-en un avec --save-profile)"),
    # Values typed or read for a source: dates and languages.
    "val-partial-date": ("{text!r} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD",
                         "« {text} » n’est pas une date ; écrivez AAAA, AAAA-MM ou AAAA-MM-JJ"),
    "val-invalid-date": ("{iso} is not a valid date", "{iso} n’est pas une date valide"),
    "val-unknown-language": ("unknown language {text!r}; use a code such as en or fr",
                             "langue inconnue « {text} » ; utilisez un code comme en ou fr"),
    # Import: one refused reference entry (the file, line and field are added in front).
    "ent-no-title": ("the entry has no title", "l’entrée n’a pas de titre"),
    "ent-accessed-day": ("the access date {text!r} needs a day: write YYYY-MM-DD",
                         "la date de consultation « {text} » doit avoir un jour : écrivez AAAA-MM-JJ"),
    "ent-month": ("{month!r} is not a date's month; write jul, 7 or July",
                  "« {month} » n’est pas un mois ; écrivez jul, 7 ou July"),
    "ent-date-object": ("{key} should be an object with date-parts", "{key} devrait être un objet avec date-parts"),
    "ent-date-parts": ("{key} has unreadable date-parts {parts!r}", "{key} a des date-parts illisibles : {parts}"),
    "ent-not-object": ("each item should be a JSON object {{…}}", "chaque élément devrait être un objet JSON {{…}}"),
    "ent-unreadable": ("the entry cannot be read ({reason})", "l’entrée ne peut pas être lue ({reason})"),
    # Import: one refused region outline (GeoJSON feature).
    "geo-not-feature": ("each feature should be a GeoJSON Feature object",
                        "chaque entité devrait être un objet GeoJSON Feature"),
    "geo-no-name": ("the feature has no region name (one of {names}, …)",
                    "l’entité n’a pas de nom de région (l’un de {names}, …)"),
    "geo-not-polygon": ("a region needs a Polygon or MultiPolygon, not {kind}",
                        "une région doit être un Polygon ou un MultiPolygon, pas {kind}"),
    "geo-not-point": ("{point!r} is not a longitude/latitude pair", "{point} n’est pas une paire longitude/latitude"),
    "geo-no-coordinates": ("the polygon has no coordinates", "le polygone n’a pas de coordonnées"),
    "geo-short-ring": ("each ring needs at least four points", "chaque anneau doit avoir au moins quatre points"),
    "geo-other-country": ("this region belongs to {value}, not {iso3}", "cette région appartient à {value}, pas à {iso3}"),
    # The demo store.
    "demo-exists": ("{path}: already exists; choose another path or remove it first.",
                    "{path} : existe déjà ; choisissez un autre chemin ou supprimez-le d’abord."),
    "demo-cannot-write": ("{path}: cannot write the demo store ({reason}).",
                          "{path} : impossible d’écrire le magasin de démonstration ({reason})."),
    # The command line's own checks of its options (briefer/cli*.py).
    "cli-quotations": ("--quotations must be 0 or more", "--quotations doit valoir 0 ou plus"),
    "cli-empty-password": ("--password is empty; give a password or leave the option out",
                           "--password est vide ; donnez un mot de passe ou retirez l’option"),
    "cli-limit": ("--limit must be 1 or more", "--limit doit valoir 1 ou plus"),
    "cli-country-needed": ("--country C is needed by `briefer import boundaries`",
                           "--country C est nécessaire pour `briefer import boundaries`"),
    "cli-country-only": ("--country C is only for `briefer import boundaries` and `briefer import incidents`",
                         "--country C ne sert qu’à `briefer import boundaries` et `briefer import incidents`"),
    "cli-option-only": ("{option} is only for `briefer import {kind}`", "{option} ne sert qu’à `briefer import {kind}`"),
    "cli-accessed-only": ("--dataset-accessed is only for event files (acled, ucdp)",
                          "--dataset-accessed ne sert qu’aux fichiers d’événements (acled, ucdp)"),
    "cli-accept-bad-rows": ("--accept-bad-rows is for event and reference files",
                            "--accept-bad-rows ne sert qu’aux fichiers d’événements et de références"),
    "cli-no-source": ("no source with id {id}", "aucune source avec l’identifiant {id}"),
    "cli-more-rows": ("… and {count} more bad row(s)", "… et {count} autre(s) ligne(s) incorrecte(s)"),
    "cli-more-entries": ("… and {count} more bad entries", "… et {count} autre(s) entrée(s) incorrecte(s)"),
    "cli-more-features": ("… and {count} more bad feature(s)", "… et {count} autre(s) entité(s) incorrecte(s)"),
    "cli-refused-features": (("nothing imported: {count} bad feature(s) in {file}. Correct them, or import the good "
                             "ones only (--accept-bad-rows)."),
                             ("rien n’a été importé : {count} entité(s) incorrecte(s) dans {file}. Corrigez-les, ou "
                             "n’importez que les bonnes (--accept-bad-rows).")),
}
