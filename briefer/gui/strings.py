"""The user interface's texts: key -> (English, French). Read through `i18n.tr`.

`&` marks the keyboard mnemonic (Alt+letter). French follows French typography: a no-break space
before : ; ! ? and inside « », typographic apostrophes.
"""

from __future__ import annotations

import re

NB = "\u00a0"

STRINGS: dict[str, tuple[str, str]] = {
    # Application and window
    "app-name": ("briefer", "briefer"),
    "window-title": ("{store} — briefer", "{store} — briefer"),
    "window-title-ro": ("{store} (read-only) — briefer", "{store} (lecture seule) — briefer"),
    "and": (" and ", " et "),
    # Menus
    "menu-store": ("&Store", "&Base"),
    "menu-briefing": ("&Briefing", "&Note"),
    "menu-help": ("&Help", "&Aide"),
    "act-open-store": ("&Open store…", "&Ouvrir une base…"),
    "act-new-store": ("&New empty store…", "&Nouvelle base vide…"),
    "act-demo-store": ("Open the &demo store", "Ouvrir la base de &démonstration"),
    "act-recent": ("&Recent stores", "Bases &récentes"),
    "act-recent-none": ("No recent stores", "Aucune base récente"),
    "act-recent-clear": ("&Clear the list", "&Effacer la liste"),
    "act-quit": ("&Quit", "&Quitter"),
    "act-export": ("&Export PDF…", "&Exporter le PDF…"),
    "act-save": ("&Save briefing…", "&Enregistrer la note…"),
    "act-saved": ("Saved &briefings…", "Notes enre&gistrées…"),
    "act-preferences": ("&Preferences…", "&Préférences…"),
    "act-about": ("&About briefer", "À &propos de briefer"),
    "act-shortcuts": ("&Keyboard shortcuts", "&Raccourcis clavier"),
    "act-focus-countries": ("Go to &countries", "Aller aux &pays"),
    # Store
    "store-open-title": ("Open a store", "Ouvrir une base"),
    "store-new-title": ("Create an empty store", "Créer une base vide"),
    "store-filter": ("briefer stores (*.db *.sqlite *.sqlite3);;All files (*)",
                     "Bases briefer (*.db *.sqlite *.sqlite3);;Tous les fichiers (*)"),
    "store-error-title": ("Cannot open the store", "Impossible d’ouvrir la base"),
    "store-opening": ("Opening {name}…", "Ouverture de {name}…"),
    "store-first-run": ("Preparing the demo store (first run, a few seconds)…",
                        "Préparation de la base de démonstration (premier lancement, quelques secondes)…"),
    "banner-read-only": (
        "Read-only store: you can preview and export, but saved briefings cannot be changed here.",
        f"Base en lecture seule{NB}: vous pouvez prévisualiser et exporter, mais pas modifier les notes enregistrées.",
    ),
    "banner-synthetic": (
        "Demo store: its events are SYNTHETIC, invented for demonstration — never use them for decisions.",
        (f"Base de démonstration{NB}: ses événements sont SYNTHÉTIQUES, inventés pour la démonstration — "
        "ne jamais s’en servir pour décider."),
    ),
    "banner-empty": (
        "This store holds no events yet. Import data from the Import menu (or drop a file here), or open another store.",
        ("Cette base ne contient encore aucun événement. Importez des données depuis le menu Importer "
        "(ou déposez un fichier ici), ou ouvrez une autre base."),
    ),
    "status-store": ("{events} events · data {span}", "{events} événements · données {span}"),
    "status-no-events": ("No events", "Aucun événement"),
    "status-busy": ("Working…", "Calcul en cours…"),
    # Selection panel
    "selection": ("Selection", "Sélection"),
    "countries": ("&Countries", "&Pays"),
    "countries-search": ("Search — English or French name…", "Rechercher — nom français ou anglais…"),
    "countries-none": ("No country selected", "Aucun pays choisi"),
    "countries-chosen": ("{names}", "{names}"),
    "countries-clear": ("Clear", "Effacer"),
    "countries-clear-tip": ("Clear the chosen countries", "Retirer les pays choisis"),
    "countries-list": ("Countries: tick one or several", "Pays : cochez-en un ou plusieurs"),
    "country-events": ("{n} events", "{n} évén."),
    "period": ("Pe&riod", "Pé&riode"),
    "preset-last-7-days": ("Last 7 days", "7 derniers jours"),
    "preset-last-30-days": ("Last 30 days", "30 derniers jours"),
    "preset-last-90-days": ("Last 90 days", "90 derniers jours"),
    "preset-this-quarter": ("This quarter", "Ce trimestre"),
    "preset-this-year": ("This year", "Cette année"),
    "preset-custom": ("Custom range", "Période personnalisée"),
    "period-preset": ("Period preset", "Période prédéfinie"),
    "period-from": ("&From", "&Du"),
    "period-to": ("T&o", "A&u"),
    "period-from-name": ("Period start", "Début de la période"),
    "period-to-name": ("Period end", "Fin de la période"),
    "period-newest": ("data up to {date}", "données jusqu’au {date}"),
    "period-newest-tip": ("Preset periods end on the newest data in the store, not on today.",
                          "Les périodes prédéfinies finissent aux données les plus récentes de la base, pas à aujourd’hui."),
    "period-days": ("{n} days", "{n} jours"),
    "topic": ("To&pic", "T&hème"),
    "topic-list": ("Topic", "Thème"),
    # Preview
    "tab-figures": ("&Key figures", "&Chiffres clés"),
    "tab-charts": ("Char&ts", "&Graphiques"),
    "tab-quotations": ("&Quotations", "Ci&tations"),
    "tab-source-figures": ("Figures from sources", "Chiffres des sources"),
    "tab-events": ("E&vents", "É&vénements"),
    "preview-tabs": ("Preview", "Aperçu"),
    "preview-choose": ("Choose at least one country to see the preview.",
                       "Choisissez au moins un pays pour voir l’aperçu."),
    "preview-loading": ("Reading the store…", "Lecture de la base…"),
    "preview-empty": ("No events for this selection", "Aucun événement pour cette sélection"),
    "preview-empty-hint": ("Try a longer period, another topic or another country.",
                           "Essayez une période plus longue, un autre thème ou un autre pays."),
    "preview-events": ("{n} events in the selection", "{n} événements dans la sélection"),
    "preview-dataset": ("Data: {name}", "Données : {name}"),
    "kf-group-topic": ("Topic: {topic}", "Thème : {topic}"),
    "kf-group-context": ("Political violence in the same countries (context)",
                         "Violence politique dans les mêmes pays (contexte)"),
    "kf-group-country": ("By country", "Par pays"),
    "kf-previous": ("{n} in the previous {days} days", "{n} sur les {days} jours précédents"),
    "kf-small": ("small baseline", "base faible"),
    "kf-new": ("new", "nouveau"),
    "kf-none": ("none recorded", "néant"),
    "trend-sharp-increase": ("sharp increase", "forte hausse"),
    "trend-increase": ("increase", "hausse"),
    "trend-stable": ("stable", "stable"),
    "trend-decrease": ("decrease", "baisse"),
    "trend-sharp-decrease": ("sharp decrease", "forte baisse"),
    "trend-new": ("new", "nouveau"),
    "trend-none": ("none recorded", "néant"),
    "charts-loading": ("Drawing the charts…", "Dessin des graphiques…"),
    "charts-none": ("No chart: the selection holds no events.", "Aucun graphique : la sélection ne contient aucun événement."),
    "charts-note": ("The same charts, drawn by the same renderer, go into the PDF.",
                    "Les mêmes graphiques, dessinés de la même façon, figurent dans le PDF."),
    "q-filter": ("Filter quotations — full text, accents optional…", "Filtrer les citations — texte intégral, accents facultatifs…"),
    "q-filter-name": ("Filter quotations", "Filtrer les citations"),
    "q-up": ("Move up", "Monter"),
    "q-down": ("Move down", "Descendre"),
    "q-reset": ("Reset", "Réinitialiser"),
    "q-reset-tip": ("Back to the ranked order and the template's default choice",
                    "Revenir au classement et au choix par défaut du modèle"),
    "q-count": ("{n} of {total} included", "{n} sur {total} retenues"),
    "q-none": ("No quotation in the store matches this selection.", "Aucune citation de la base ne correspond à cette sélection."),
    "q-hint": ("Tick to include; drag, or Alt+↑ / Alt+↓, to set the order in the PDF.",
               "Cochez pour inclure ; faites glisser, ou Alt+↑ / Alt+↓, pour fixer l’ordre dans le PDF."),
    "q-table": ("Quotations", "Citations"),
    "col-include": ("", ""),
    "include": ("Include", "Inclure"),
    "col-rank": ("#", "n°"),
    "col-quotation": ("Quotation", "Citation"),
    "col-speaker": ("Speaker", "Auteur"),
    "col-source": ("Source", "Source"),
    "col-date": ("Date", "Date"),
    "paraphrase": ("(paraphrase)", "(paraphrase)"),
    "f-count": ("{n} of {total} included", "{n} sur {total} retenus"),
    "f-none": ("No figure from sources for these countries.", "Aucun chiffre des sources pour ces pays."),
    "f-hint": ("Figures as published by the sources; tick those to print.",
               "Chiffres tels que publiés par les sources ; cochez ceux à imprimer."),
    "f-table": ("Figures from sources", "Chiffres des sources"),
    "col-figure": ("Figure", "Chiffre"),
    "col-value": ("Value", "Valeur"),
    "col-as-of": ("As of", "Date"),
    "col-sentence": ("In the source", "Dans la source"),
    "e-filter": ("Filter events — place, actor, type, notes…", "Filtrer les événements — lieu, acteur, type, notes…"),
    "e-filter-name": ("Filter events", "Filtrer les événements"),
    "e-count": ("{shown} of {total} events", "{shown} événements sur {total}"),
    "e-limit": ("(the {limit} most recent are listed)", "(les {limit} plus récents sont listés)"),
    "e-table": ("Events", "Événements"),
    "col-country": ("Country", "Pays"),
    "col-admin1": ("Region", "Région"),
    "col-location": ("Location", "Lieu"),
    "col-type": ("Type", "Type"),
    "col-subtype": ("Sub-type", "Sous-type"),
    "col-actors": ("Actors", "Acteurs"),
    "col-fatalities": ("Fatalities", "Décès"),
    "col-notes": ("Notes", "Notes"),
    # Compose
    "compose": ("Compose", "Composition"),
    "c-template": ("Te&mplate", "&Modèle"),
    "c-language": ("&Language", "&Langue"),
    "c-title": ("T&itle", "T&itre"),
    "c-subtitle": ("S&ubtitle", "S&ous-titre"),
    "c-author": ("&Author", "Aut&eur"),
    "c-organisation": ("Or&ganisation", "Organi&sation"),
    "c-issued": ("&Date of issue", "Date de di&ffusion"),
    "c-marking": ("Ha&ndling", "Mar&quage"),
    "c-messages": ("Ke&y messages", "Messages clés"),
    "c-password": ("PDF pass&word", "Mot de passe du PDF"),
    "c-password-hint": ("optional: encrypts the PDF", "facultatif : chiffre le PDF"),
    "c-password-tip": (
        ("When set, the PDF is encrypted (AES-256): it opens only with this password, can be printed, "
         "but its text cannot be copied and it cannot be edited."),
        ("S’il est renseigné, le PDF est chiffré (AES-256) : il ne s’ouvre qu’avec ce mot de passe, "
         "peut être imprimé, mais son texte ne peut être ni copié ni modifié."),
    ),
    "c-redact": ("Re&dact for wider release", "Expurger pour une diffusion élargie"),
    "c-redact-tip": (
        ("Places events by region only (no location, notes or map points) and does not name sources "
         "marked as protected."),
        ("Situe les événements à la région seulement (sans lieu, notes ni points sur la carte) et ne "
         "nomme pas les sources marquées comme protégées."),
    ),
    "c-messages-hint": ("One message per line", "Un message par ligne"),
    "c-citations": ("Citations", "Citations"),  # no letter left free: reached with Tab
    "c-cite-template": ("As the template says", "Selon le modèle"),
    "c-cite-numbered": ("Numbered notes", "Notes numérotées"),
    "c-cite-author-date": ("Author–date", "Auteur-date"),
    "c-cite-csl": ("CSL style file…", "Fichier de style CSL…"),
    "c-cite-file": ("CSL: {name}", "CSL : {name}"),
    "c-cite-csl-title": ("Citation style (CSL)", "Style de citation (CSL)"),
    "c-cite-csl-filter": ("CSL styles (*.csl)", "Styles CSL (*.csl)"),
    "c-sections": ("Sections", "Sections"),
    "c-default": ("Automatic: {text}", "Automatique : {text}"),
    "c-cover": ("Cover page", "Couverture"),
    "c-content": ("Content", "Contenu"),
    "lang-en": ("English", "Anglais"),
    "lang-fr": ("French", "Français"),
    "tlp-TLP:CLEAR": ("TLP:CLEAR — may be shared publicly", "TLP:CLEAR — diffusion publique possible"),
    "tlp-TLP:GREEN": ("TLP:GREEN — within the community", "TLP:GREEN — au sein de la communauté"),
    "tlp-TLP:AMBER": ("TLP:AMBER — organisation and its clients", "TLP:AMBER — organisation et ses partenaires"),
    "tlp-TLP:AMBER+STRICT": ("TLP:AMBER+STRICT — organisation only", "TLP:AMBER+STRICT — organisation seulement"),
    "tlp-TLP:RED": ("TLP:RED — named recipients only", "TLP:RED — destinataires nommés seulement"),
    "section-cover": ("Cover", "Couverture"),
    "section-contents": ("Contents", "Sommaire"),
    "section-key-messages": ("Key messages", "Messages clés"),
    "section-key-figures": ("Key figures", "Chiffres clés"),
    "section-charts": ("Charts", "Graphiques"),
    "section-quotations": ("Quotations", "Citations"),
    "section-source-figures": ("Figures from sources", "Chiffres des sources"),
    "section-chronology": ("Chronology", "Chronologie"),
    "section-references": ("References", "Références"),
    "section-incidents": ("Incident annex", "Annexe des incidents"),
    "section-data-note": ("About the data", "À propos des données"),
    # depth5
    "section-situation-header": ("Header block", "Bandeau d’en-tête"),
    "section-flash-summary": ("What happened", "Les faits"),
    "section-flash-map": ("Map (flash)", "Carte (flash)"),
    "section-regions": ("Regions and surges", "Régions et fortes poussées"),
    "section-country-table": ("Countries side by side", "Pays côte à côte"),
    "section-border-areas": ("Border areas", "Zones frontalières"),
    "section-cross-border-actors": ("Cross-border actors", "Acteurs transfrontaliers"),
    "export-button": ("&Export PDF…", "E&xporter le PDF…"),
    "save-button": ("Save…", "Enregistrer…"),
    "save-tip": ("Save this composition in the store (Ctrl+S)", "Enregistrer cette composition dans la base (Ctrl+S)"),
    "export-tip": ("Export the briefing as a PDF (Ctrl+E)", "Exporter la note en PDF (Ctrl+E)"),
    # Export
    "export-title": ("Export the briefing as PDF", "Exporter la note en PDF"),
    "export-filter": ("PDF files (*.pdf)", "Fichiers PDF (*.pdf)"),
    "export-progress": ("Exporting the briefing", "Export de la note"),
    "export-start": ("Starting…", "Démarrage…"),
    "export-reading": ("Reading the store…", "Lecture de la base…"),
    "export-charts": ("Drawing chart {n} of {total}…", "Dessin du graphique {n} sur {total}…"),
    "export-layout": ("Laying out the pages…", "Mise en page…"),
    "export-writing": ("Writing the file…", "Écriture du fichier…"),
    "export-cancelling": ("Cancelling…", "Annulation…"),
    "export-failed": ("The PDF could not be written", "Le PDF n’a pas pu être écrit"),
    "export-no-country": ("Choose at least one country before exporting.", "Choisissez au moins un pays avant d’exporter."),
    "export-no-topic": ("Choose a topic before exporting.", "Choisissez un thème avant d’exporter."),
    "export-done": ("Saved to {path}", "Enregistré : {path}"),
    "viewer-title": ("{name} — briefer", "{name} — briefer"),
    "viewer-open": ("&Open in system viewer", "&Ouvrir dans la visionneuse du système"),
    "viewer-folder": ("Show in &folder", "Afficher dans le &dossier"),
    "viewer-close": ("&Close", "&Fermer"),
    "viewer-missing": (
        "The in-app PDF viewer is not available (the PySide6_Pdf package is missing). The PDF was saved to:\n{path}",
        "La visionneuse PDF intégrée n’est pas disponible (paquet PySide6_Pdf absent). Le PDF a été enregistré ici\u00a0:\n{path}",
    ),
    "viewer-pages": ("{n} pages", "{n} pages"),
    "viewer-zoom-in": ("Zoom in", "Zoom avant"),
    "viewer-zoom-out": ("Zoom out", "Zoom arrière"),
    "viewer-fit": ("Fit width", "Pleine largeur"),
    # Saved briefings
    "saved-title": ("Saved briefings", "Notes enregistrées"),
    "saved-intro": ("Compositions saved in this store: selection, options and chosen quotations.",
                    "Compositions enregistrées dans cette base : sélection, options et citations choisies."),
    "saved-none": ("No saved briefings in this store yet. Use Briefing ▸ Save briefing… (Ctrl+S).",
                   "Aucune note enregistrée dans cette base. Utilisez Note ▸ Enregistrer la note… (Ctrl+S)."),
    "saved-open": ("&Open", "&Ouvrir"),
    "saved-refresh": ("Open with the &newest data", "Ouvrir avec les &données récentes"),
    "saved-refresh-tip": ("Same length of period, ending on the newest data: last week's recipe becomes this week's update.",
                          "Même durée, jusqu’aux données les plus récentes : la note de la semaine passée devient celle de cette semaine."),
    "saved-rename": ("&Rename…", "&Renommer…"),
    "saved-delete": ("&Delete", "&Supprimer"),
    "saved-close": ("&Close", "&Fermer"),
    "saved-list": ("Saved briefings", "Notes enregistrées"),
    "save-title": ("Save the briefing", "Enregistrer la note"),
    "save-prompt": ("Name of the saved briefing:", f"Nom de la note enregistrée{NB}:"),
    "rename-title": ("Rename the saved briefing", "Renommer la note enregistrée"),
    "delete-title": ("Delete the saved briefing", "Supprimer la note enregistrée"),
    "delete-confirm": ("Delete the saved briefing “{name}”? This cannot be undone.",
                       "Supprimer la note enregistrée « {name} » ? Cette action est définitive."),
    "saved-done": ("Saved as “{name}”.", "Enregistrée sous « {name} »."),
    "saved-error": ("Saved briefings", "Notes enregistrées"),
    "saved-read-only": ("This store is read-only: open a writable copy to save briefings.",
                        f"Cette base est en lecture seule{NB}: ouvrez-en une copie modifiable pour enregistrer des notes."),
    # Preferences
    "prefs-title": ("Preferences", "Préférences"),
    "prefs-language": ("Interface &language", "&Langue de l’interface"),
    "prefs-folder": ("Default export &folder", "&Dossier d’export par défaut"),
    "prefs-browse": ("&Browse…", "&Parcourir…"),
    "prefs-note": ("The language of each briefing is chosen in the Compose panel.",
                   "La langue de chaque note se choisit dans le panneau Composition."),
    # Errors and help
    "error-unexpected": ("Unexpected error", "Erreur inattendue"),
    "error-unexpected-text": (("Something went wrong inside briefer. Nothing was written. "
                              "The details below help to fix it; please pass them on."),
                              ("Un problème interne est survenu dans briefer. Rien n’a été écrit. "
                              "Les détails ci-dessous aideront à le corriger ; merci de les transmettre.")),
    "error-title": ("briefer", "briefer"),
    "ok": ("OK", "OK"),
    "cancel": ("Cancel", "Annuler"),
    "about-title": ("About briefer", "À propos de briefer"),
    "about-text": (
        ("<b>briefer</b> {version}<br>Offline security briefings for NGO security focal points.<br>"
        "Nothing reaches the network, ever.<br><br>Store: {store}"),
        ("<b>briefer</b> {version}<br>Notes de sécurité hors ligne pour les points focaux sécurité des ONG.<br>"
        "Aucune donnée ne quitte cet ordinateur.<br><br>Base : {store}"),
    ),
    "shortcuts-title": ("Keyboard shortcuts", "Raccourcis clavier"),
    "shortcuts-text": (
        ("<table cellpadding=3>"
        "<tr><td><b>Ctrl+E</b></td><td>Export the PDF</td></tr>"
        "<tr><td><b>Ctrl+S</b></td><td>Save the briefing</td></tr>"
        "<tr><td><b>Ctrl+B</b></td><td>Saved briefings</td></tr>"
        "<tr><td><b>Ctrl+O</b></td><td>Open a store</td></tr>"
        "<tr><td><b>Ctrl+L</b></td><td>Go to the country search</td></tr>"
        "<tr><td><b>Ctrl+1 … Ctrl+5</b></td><td>Preview tabs</td></tr>"
        "<tr><td><b>Alt+letter</b></td><td>The field whose label has that letter underlined</td></tr>"
        "<tr><td><b>Space</b></td><td>Tick or untick the current country, quotation or figure</td></tr>"
        "<tr><td><b>Alt+↑ / Alt+↓</b></td><td>Move the current quotation up or down</td></tr>"
        "</table>"),
        ("<table cellpadding=3>"
        "<tr><td><b>Ctrl+E</b></td><td>Exporter le PDF</td></tr>"
        "<tr><td><b>Ctrl+S</b></td><td>Enregistrer la note</td></tr>"
        "<tr><td><b>Ctrl+B</b></td><td>Notes enregistrées</td></tr>"
        "<tr><td><b>Ctrl+O</b></td><td>Ouvrir une base</td></tr>"
        "<tr><td><b>Ctrl+L</b></td><td>Aller à la recherche de pays</td></tr>"
        "<tr><td><b>Ctrl+1 … Ctrl+5</b></td><td>Onglets de l’aperçu</td></tr>"
        "<tr><td><b>Alt+lettre</b></td><td>Le champ dont l’étiquette a cette lettre soulignée</td></tr>"
        "<tr><td><b>Espace</b></td><td>Cocher ou décocher le pays, la citation ou le chiffre courant</td></tr>"
        "<tr><td><b>Alt+↑ / Alt+↓</b></td><td>Monter ou descendre la citation courante</td></tr>"
        "</table>"),
    ),
    # cite5: analyst input (compose panel button and dialog)
    "analyst-button": ("Analyst input…", "Analyse…"),
    "analyst-tip": (
        "Outlook, overall trend and risk matrix, saved with the briefing",
        "Perspectives, tendance générale et matrice des risques, enregistrées avec la note",
    ),
    "analyst-summary": ("{risks} risk(s), trend: {trend}", "{risks} risque(s), tendance : {trend}"),
    "analyst-title": ("Analyst input", "Analyse"),
    "analyst-outlook": ("&Outlook", "&Perspectives"),
    "analyst-outlook-hint": (
        "What to expect in the coming period (blank lines separate paragraphs)",
        "Ce qui est attendu pour la période à venir (lignes vides entre les paragraphes)",
    ),
    "analyst-trend": ("Overall &trend", "&Tendance générale"),
    "analyst-risks": ("&Risk matrix", "&Matrice des risques"),
    "analyst-threat": ("Threat", "Menace"),
    "analyst-likelihood": ("Likelihood (1–5)", "Probabilité (1–5)"),
    "analyst-impact": ("Impact (1–5)", "Impact (1–5)"),
    "analyst-add": ("A&dd a risk", "A&jouter un risque"),
    "analyst-remove": ("R&emove the risk", "Su&pprimer le risque"),
    "overall-none": ("Not stated", "Non indiquée"),
    "overall-deteriorated": ("Deteriorated ↓", "Détérioration ↓"),
    "overall-unchanged": ("Unchanged →", "Situation inchangée →"),
    "overall-improved": ("Improved ↑", "Amélioration ↑"),
    "section-outlook": ("Outlook", "Perspectives"),
    "section-risk-matrix": ("Risk matrix", "Matrice des risques"),
}


def _french(text: str) -> str:
    """No-break spaces before : ; ! ? and inside « » (French typography)."""
    text = re.sub(r" ([:;!?»])", NB + r"\1", text)
    return text.replace("« ", "«" + NB)


STRINGS = {key: (english, _french(french)) for key, (english, french) in STRINGS.items()}

# Texts of the import wizard, the Library window and the curation dialog live beside them.
from briefer.gui.curation_strings import CURATION_STRINGS
from briefer.gui.library_strings import LIBRARY_STRINGS
from briefer.gui.strings_import import IMPORT_STRINGS

for _extra in (IMPORT_STRINGS, LIBRARY_STRINGS, CURATION_STRINGS):
    STRINGS |= {key: (english, _french(french)) for key, (english, french) in _extra.items()}
