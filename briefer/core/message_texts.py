"""The catalogue of the core's user-facing messages: key -> (English, French).

Each template names its fields (`{path}`, `{name!r}`); both languages use the same names (a test
checks). French is written with plain spaces: briefer/core/messages.py adds the no-break spaces of
French typography. Where English quotes a value with `!r`, French uses « {value} ».
Keys are grouped by where they are raised: where-, store-, sel-, out-, tpl-, imp-, row-, note- here;
val-, ana-, rec-, rule-, alias-, cite-, font-, cap-, prof-, ent-, geo-, demo- and cli- (the command line's
own checks) in briefer/core/message_texts_more.py, merged in below (a key is written in one place only).
"""

from __future__ import annotations

from briefer.core.message_texts_more import MORE

CATALOGUE: dict[str, tuple[str, str]] = {
    "word-or": (" or ", " ou "),
    # Where a problem is: the prefix of import messages, the place of a key in a TOML file.
    "where-line": ("line {line}", "ligne {line}"),
    "where-column": ("column {column}", "colonne {column}"),
    "where-end": (": ", " : "),
    "where-key-line": ("{path}, line {line}, key {key!r}", "{path}, ligne {line}, clé « {key} »"),
    "where-key": ("{path}, key {key!r}", "{path}, clé « {key} »"),
    # Opening, creating and changing the store.
    "store-missing": ("{path}: no such store. Create one with `briefer demo-store {path}`.",
                      "{path} : ce magasin de données n’existe pas. Créez-en un avec `briefer demo-store {path}`."),
    "store-no-folder": ("{path}: the folder {folder} does not exist.", "{path} : le dossier {folder} n’existe pas."),
    "store-is-folder": ("{path}: is a folder, not a briefer store.",
                        "{path} : c’est un dossier, pas un magasin de données briefer."),
    "store-damaged": ("{path}: not a briefer store or damaged ({reason}).",
                      "{path} : ce n’est pas un magasin de données briefer, ou il est endommagé ({reason})."),
    "store-unreadable": ("{path}: cannot be read ({reason}).", "{path} : lecture impossible ({reason})."),
    "store-not-sqlite": ("{path}: not a briefer store (not an SQLite database).",
                         "{path} : ce n’est pas un magasin de données briefer (pas une base SQLite)."),
    "store-other-program": ("{path}: not a briefer store (an SQLite database of another program).",
                            ("{path} : ce n’est pas un magasin de données briefer (une base SQLite d’un autre "
                            "programme).")),
    "store-no-schema": ("{path}: not a briefer store (no briefer schema in it).",
                        ("{path} : ce n’est pas un magasin de données briefer (il ne contient pas le schéma de "
                        "briefer).")),
    "store-newer": ("{path}: written by a newer version of briefer (schema {schema}); update briefer to open it.",
                    ("{path} : écrit par une version plus récente de briefer (schéma {schema}) ; mettez briefer à "
                    "jour pour l’ouvrir.")),
    "store-upgrade-read-only": ("{path}: needs an upgrade but is read-only; open a writable copy.",
                                ("{path} : doit être mis à jour mais il est en lecture seule ; ouvrez-en une copie "
                                "modifiable.")),
    "store-cannot-create": ("{path}: cannot create the store ({reason}).",
                            "{path} : impossible de créer le magasin de données ({reason})."),
    "store-read-only": ("{path}: opened read-only; {refused}. Open a writable copy of the store.",
                        "{path} : ouvert en lecture seule ; {refused}. Ouvrez une copie modifiable du magasin de données."),
    "ro-sources": ("sources, quotations and figures cannot be changed here",
                   "les sources, citations et chiffres ne peuvent pas être modifiés ici"),
    "ro-curation": ("actor names and topic rules cannot be changed",
                    "les noms d’acteurs et les règles des thèmes ne peuvent pas être modifiés"),
    "ro-recipes": ("saved briefings cannot be changed", "les notes enregistrées ne peuvent pas être modifiées"),
    "ro-import": ("nothing can be imported into it", "rien ne peut y être importé"),
    "store-none-open": ("No store is open. Open one from the Store menu.",
                        "Aucun magasin de données n’est ouvert. Ouvrez-en un depuis le menu Base."),
    "store-none-given": ("no store file was given", "aucun fichier de magasin de données n’a été indiqué"),
    "store-exists": ("{path}: already exists. Choose a new file name, or open it instead.",
                     "{path} : existe déjà. Choisissez un autre nom de fichier, ou ouvrez-le."),
    "src-no-text": ("source {id} has no stored text; import the document itself",
                    "la source {id} n’a pas de texte enregistré ; importez le document lui-même"),
    "store-row-gone": ("no {kind} with id {id}; it may have been deleted meanwhile",
                       "aucun(e) {kind} avec l’identifiant {id} ; il a peut-être été supprimé entre-temps"),
    # Selection: countries, topics, dates.
    "sel-unknown-country": ("unknown country {name!r}{hint}; see `briefer countries`",
                            "pays inconnu « {name} »{hint} ; voir `briefer countries`"),
    "sel-did-you-mean": (" (did you mean {names}?)", " (vouliez-vous dire {names} ?)"),
    "sel-unknown-country-code": ("unknown country code {code!r}; see `briefer countries`",
                                 "code de pays inconnu « {code} » ; voir `briefer countries`"),
    "sel-unknown-topic": ("unknown topic {slug!r}; known topics: {known}",
                          "thème inconnu « {slug} » ; thèmes connus : {known}"),
    "sel-unknown-topic-see": ("unknown topic {slug!r}; see `briefer topics`",
                              "thème inconnu « {slug} » ; voir `briefer topics`"),
    "sel-no-quotation": ("no quotation with id {id} in the store",
                         "aucune citation avec l’identifiant {id} dans le magasin de données"),
    "sel-no-country": ("name at least one country (--country)", "indiquez au moins un pays (--country)"),
    "sel-dates-reversed": ("--from {start} is after --to {end}", "--from {start} est postérieur à --to {end}"),
    # Writing the PDF.
    "out-empty-password": ("The PDF password is empty. Type a password, or leave protection off.",
                           ("Le mot de passe du PDF est vide. Saisissez un mot de passe, ou désactivez la "
                           "protection.")),
    "out-cannot-write": ("Cannot write {path}: {reason}", "Impossible d’écrire {path} : {reason}"),
    "out-is-folder": ("it is a folder. Give a file name ending in .pdf.",
                      "c’est un dossier. Donnez un nom de fichier se terminant par .pdf."),
    "out-no-folder": ("the folder {folder} does not exist. Create it or choose another folder.",
                      "le dossier {folder} n’existe pas. Créez-le ou choisissez un autre dossier."),
    "out-permission": ("permission denied in {folder}. Choose a folder you can write to.",
                       "accès refusé dans {folder}. Choisissez un dossier où vous pouvez écrire."),
    "out-read-only-disk": ("{folder} is on a read-only disk. Choose another folder.",
                           "{folder} est sur un disque en lecture seule. Choisissez un autre dossier."),
    "out-disk-full": ("the disk is full. Free some space or choose another disk.",
                      "le disque est plein. Libérez de la place ou choisissez un autre disque."),
    "out-quota": ("the disk quota is exceeded. Free some space or choose another disk.",
                  "le quota du disque est dépassé. Libérez de la place ou choisissez un autre disque."),
    "out-path-is-folder": ("{path} is a folder. Give a file name ending in .pdf.",
                           "{path} est un dossier. Donnez un nom de fichier se terminant par .pdf."),
    "out-os": ("{reason}.", "{reason}."),
    # Templates.
    "tpl-unknown": ("unknown template {name!r}; known templates: {known}",
                    "modèle inconnu « {name} » ; modèles connus : {known}"),
    "tpl-left-out": ("left out: {problem}", "écarté : {problem}"),
    "tpl-joined": ("{first}; {rest}", "{first} ; {rest}"),
    "tpl-not-toml": ("{path}: not valid TOML ({reason})", "{path} : TOML non valide ({reason})"),
    "tpl-quoted-text": ("{where}: a text in quotes is required", "{where} : un texte entre guillemets est requis"),
    "tpl-citation-style": ("{where}: use \"numbered\", \"author-date\" or the path of a .csl file",
                           "{where} : utilisez \"numbered\", \"author-date\" ou le chemin d’un fichier .csl"),
    "tpl-no-csl": ("{where}: no such CSL file {csl}", "{where} : le fichier CSL {csl} n’existe pas"),
    "tpl-text": ("{where}: a non-empty text is required", "{where} : un texte non vide est requis"),
    "tpl-choice": ("{where}: {value!r} is not one of {options}",
                   "{where} : « {value} » ne fait pas partie de {options}"),
    "tpl-names": ("{where}: a list of names is required", "{where} : une liste de noms est requise"),
    "tpl-unknown-name": ("{where}: unknown {name!r}; known: {known}",
                         "{where} : « {name} » inconnu ; connus : {known}"),
    "tpl-count": ("{where}: a whole number from 0 to 500 is required",
                  "{where} : un nombre entier de 0 à 500 est requis"),
    # Import: whole files.
    "imp-unreadable": ("cannot be read ({reason}).", "lecture impossible ({reason})."),
    "imp-empty": ("the file is empty.", "le fichier est vide."),
    "imp-no-file": ("no such file.", "ce fichier n’existe pas."),
    "imp-not-a-file": ("is not a file.", "ce n’est pas un fichier."),
    "imp-is-folder": ("is a folder, not a file.", "c’est un dossier, pas un fichier."),
    "imp-no-header": (("no header line found: none of the first {lines} lines names at least {least} of the "
                      "expected columns ({shown}, …). Is this the right kind of file?"),
                      ("aucune ligne d’en-tête trouvée : aucune des {lines} premières lignes ne nomme au moins "
                      "{least} des colonnes attendues ({shown}, …). Est-ce le bon type de fichier ?")),
    "imp-no-sheet": (("no sheet has a header row naming at least {least} of the expected columns in its first "
                     "rows. Is this the right kind of file?"),
                     ("aucune feuille n’a, dans ses premières lignes, une ligne d’en-tête nommant au moins {least} "
                     "des colonnes attendues. Est-ce le bon type de fichier ?")),
    "imp-missing-column": ("no column {name!r}, which every {kind} file has (the header has {names})",
                           ("pas de colonne « {name} », que tout fichier {kind} contient (l’en-tête contient "
                           "{names})")),
    "imp-no-names": ("no names", "aucun nom"),
    "imp-xls": ("old Excel files (.xls) cannot be read; save it as .xlsx or CSV.",
                "les anciens fichiers Excel (.xls) ne peuvent pas être lus ; enregistrez-le en .xlsx ou en CSV."),
    "imp-bad-csv": ("the file is not valid CSV after this line ({reason}).",
                    "le fichier n’est plus un CSV valide après cette ligne ({reason})."),
    "imp-not-workbook": ("cannot be read as an Excel workbook ({reason}).",
                         "impossible de le lire comme un classeur Excel ({reason})."),
    "imp-unknown-kind": ("unknown kind of file; use one of {kinds}",
                         "type de fichier inconnu ; utilisez l’un de ceux-ci : {kinds}"),
    "imp-undecodable": ("the text cannot be decoded ({reason}); save the file as UTF-8 and try again.",
                        ("le texte ne peut pas être décodé ({reason}) ; enregistrez le fichier en UTF-8 et "
                        "réessayez.")),
    "imp-cancelled": ("import cancelled; nothing was written.", "import annulé ; rien n’a été écrit."),
    "imp-too-large": ("the file is larger than {mb} MB.", "le fichier dépasse {mb} Mo."),
    "imp-not-document": (("not a document briefer can read; save it as PDF, web page (HTML), plain text or "
                         "Markdown and import that."),
                         ("ce n’est pas un document que briefer sait lire ; enregistrez-le en PDF, page web (HTML), "
                         "texte brut ou Markdown et importez ce fichier.")),
    "imp-no-text": ("no text found in this document.", "aucun texte trouvé dans ce document."),
    "imp-pdf-no-text": (("this PDF has no text layer (a scanned document?); run it through OCR (e.g. ocrmypdf) "
                        "and import the result."),
                        ("ce PDF n’a pas de couche de texte (un document scanné ?) ; passez-le à l’OCR (par "
                        "exemple ocrmypdf) et importez le résultat.")),
    "imp-pdf-password": ("this PDF is protected by a password; save an unprotected copy and import that.",
                         ("ce PDF est protégé par un mot de passe ; enregistrez-en une copie non protégée et "
                         "importez-la.")),
    "imp-pdf-unreadable": ("not a readable PDF ({reason}).", "ce n’est pas un PDF lisible ({reason})."),
    "imp-pdf-page": ("page {number} cannot be read ({reason}).", "la page {number} ne peut pas être lue ({reason})."),
    "imp-no-article": (("no article text found in this web page; save the page again (\"Web page, complete\" or "
                       "HTML only) or copy its text into a .txt file."),
                       ("aucun texte d’article trouvé dans cette page web ; enregistrez de nouveau la page (« Page "
                       "web complète » ou HTML seulement) ou copiez son texte dans un fichier .txt.")),
    "imp-not-references": (("not a reference file briefer knows: export RIS (.ris), BibTeX (.bib) or CSL JSON "
                           "(.json) from your reference manager."),
                           ("ce n’est pas un fichier de références que briefer connaît : exportez en RIS (.ris), "
                           "BibTeX (.bib) ou CSL JSON (.json) depuis votre gestionnaire de références.")),
    "imp-no-ris": ("no RIS entries found (each starts with a line \"TY  - \").",
                   "aucune entrée RIS trouvée (chacune commence par une ligne \"TY  - \")."),
    "imp-bad-bibtex": ("not a readable BibTeX file ({reason}).", "ce n’est pas un fichier BibTeX lisible ({reason})."),
    "imp-no-bibtex": ("no BibTeX entries found (each starts with @type{{key, …}}).",
                      "aucune entrée BibTeX trouvée (chacune commence par @type{{key, …}})."),
    "imp-csl-empty": ("no CSL-JSON items found (the file holds an empty list).",
                      "aucun élément CSL-JSON trouvé (le fichier contient une liste vide)."),
    "imp-not-csl": ("not CSL-JSON: the file should hold a list of items, [ {{…}}, {{…}} ].",
                    "ce n’est pas du CSL-JSON : le fichier devrait contenir une liste d’éléments, [ {{…}}, {{…}} ]."),
    "imp-json-comma": ("invalid JSON: a comma or ] is missing after this item.",
                       "JSON non valide : il manque une virgule ou ] après cet élément."),
    "imp-json-unclosed": ("invalid JSON: the list is not closed with ].",
                          "JSON non valide : la liste n’est pas fermée par ]."),
    "imp-bad-json": ("invalid JSON: {reason} (column {column}).", "JSON non valide : {reason} (colonne {column})."),
    "imp-not-geojson": ("not a GeoJSON FeatureCollection of regions.",
                        "ce n’est pas une FeatureCollection GeoJSON de régions."),
    "imp-crs": ("coordinates must be longitude/latitude (WGS 84), not {crs}; reproject the file first.",
                ("les coordonnées doivent être en longitude/latitude (WGS 84), pas en {crs} ; reprojetez d’abord "
                "le fichier.")),
    "imp-no-date-column": (("no column for the date; the headings are {shown}. Name it with --map date=HEADING "
                           "(or save a profile)."),
                           ("aucune colonne pour la date ; les en-têtes sont {shown}. Indiquez-la avec --map "
                           "date=EN-TÊTE (ou enregistrez un profil).")),
    "imp-no-country-column": (("no column for the country and no default country; the headings are {shown}. Give "
                              "--country C, or --map country=HEADING."),
                              ("aucune colonne pour le pays et aucun pays par défaut ; les en-têtes sont {shown}. "
                              "Donnez --country C, ou --map country=EN-TÊTE.")),
    "imp-mapped-column": ("no column {heading!r} (mapped to {name}) in this file; its headings are {shown}",
                          ("pas de colonne « {heading} » (associée à {name}) dans ce fichier ; ses en-têtes sont "
                          "{shown}")),
    "imp-dataset-taken": (("dataset {name!r} holds other data; an incident log is its own dataset: choose another "
                          "name (--dataset NAME)"),
                          ("le jeu de données « {name} » contient d’autres données ; un journal d’incidents est un "
                          "jeu de données à part : choisissez un autre nom (--dataset NOM)")),
    "imp-column-missing": ("no column {name!r} in this file (its headings: {shown})",
                           "pas de colonne « {name} » dans ce fichier (ses en-têtes : {shown})"),
    "imp-default-country": ("unknown default country {name!r}; see `briefer countries`",
                            "pays par défaut inconnu « {name} » ; voir `briefer countries`"),
    # Import: one refused row (the file, line and column are added in front).
    "row-not-date": ("{shown} is not a date; write it as {accepted}",
                     "{shown} n’est pas une date ; écrivez-la sous la forme {accepted}"),
    "row-quoted": ("{value!r}", "« {value} »"),
    "row-empty-value": ("an empty value", "une valeur vide"),
    "row-out-of-range": ("{value!r} is out of range ({low} to {high})",
                         "« {value} » est hors limites ({low} à {high})"),
    "row-not-whole": ("{value!r} is not a whole number", "« {value} » n’est pas un nombre entier"),
    "row-not-number": ("{value!r} is not a number", "« {value} » n’est pas un nombre"),
    "row-width": (("the row has {values} values but the header has {width} columns; a quote or separator is "
                  "probably out of place"),
                  ("la ligne a {values} valeurs mais l’en-tête a {width} colonnes ; un guillemet ou un séparateur "
                  "est probablement mal placé")),
    "row-unknown-country": ("unknown country {name!r}; use an English or French country name or an ISO code (see `briefer countries`)",
                            ("pays inconnu « {name} » ; utilisez un nom de pays en anglais ou en français, ou un "
                            "code ISO (voir `briefer countries`)")),
    "row-empty-event-type": ("the event type is empty", "le type d’événement est vide"),
    "row-timestamp": ("{value!r} is neither Unix seconds nor a date and time",
                      "« {value} » n’est ni un nombre de secondes Unix, ni une date et une heure"),
    "row-empty-id": ("the event id is empty", "l’identifiant de l’événement est vide"),
    "row-ucdp-type": ("empty; UCDP uses 1 (state-based), 2 (non-state), 3 (one-sided)",
                      "vide ; l’UCDP utilise 1 (étatique), 2 (non étatique), 3 (unilatéral)"),
    "row-duplicate-id": ("event id {id!r} is already on line {line}",
                         "l’identifiant d’événement « {id} » figure déjà à la ligne {line}"),
    "row-no-country": ("the country is empty and the profile has no default country (--country C)",
                       "le pays est vide et le profil n’a pas de pays par défaut (--country C)"),
    "row-coordinates": ("{value!r} is not \"latitude, longitude\" in degrees",
                        "« {value} » n’est pas « latitude, longitude » en degrés"),
    "row-lat-lon": ("a place needs both latitude and longitude (or neither)",
                    "un lieu a besoin de la latitude et de la longitude (ou d’aucune des deux)"),
    "row-deaths": ("{value!r} is not a number of deaths", "« {value} » n’est pas un nombre de morts"),
    # Import: what happened to the store (the command line's last lines).
    "imp-refused-rows": (("nothing imported: {count} bad row(s) in {file}. Correct them, or import the good rows only "
                         "(--accept-bad-rows in the command line)."),
                         ("rien n’a été importé : {count} ligne(s) incorrecte(s) dans {file}. Corrigez-les, ou "
                         "n’importez que les bonnes lignes (--accept-bad-rows en ligne de commande).")),
    "imp-refused-entries": (("nothing imported: {count} {entries} in {file}. Correct them, or import the good entries "
                            "only (--accept-bad-rows)."),
                            ("rien n’a été importé : {count} {entries} dans {file}. Corrigez-les, ou n’importez que "
                            "les bonnes entrées (--accept-bad-rows).")),
    "imp-bad-entry": ("bad entry", "entrée incorrecte"),
    "imp-bad-entries": ("bad entries", "entrées incorrectes"),
    "imp-dry-run": ("dry run: nothing was written; an import would do this.",
                    "essai : rien n’a été écrit ; un import ferait ceci."),
    "imp-imported": ("imported into dataset {dataset!r}{extra}.", "importé dans le jeu de données « {dataset} »{extra}."),
    "imp-left-out": (" ({count} bad row(s) left out)", " ({count} ligne(s) incorrecte(s) écartée(s))"),
    "imp-imported-references": ("imported {count} reference(s) from a {format} file.",
                                "{count} référence(s) importée(s) d’un fichier {format}."),
    # Import: notes in the report.
    "note-new-store": ("created a new store at {path}", "nouveau magasin de données créé : {path}"),
    "note-already-stored": ("already stored as source {id}: nothing added",
                            "déjà enregistré comme source {id} : rien n’a été ajouté"),
    "note-profile-saved": ("saved the column mapping as profile {name!r}",
                           "correspondance des colonnes enregistrée comme profil « {name} »"),
    "note-region-unknown": ("not a known region of {iso3}, stored under the file's name: {names}",
                            "régions inconnues de {iso3}, enregistrées sous le nom du fichier : {names}"),
    "note-region-renamed": ("matched to the store's names: {names}",
                            "rapprochées des noms du magasin de données : {names}"),
    "note-region-missing": ("no outline in this file for: {names} (their events stay drawn as points)",
                            ("aucun contour dans ce fichier pour : {names} (leurs événements restent dessinés comme "
                            "des points)")),
    "note-vanished": (("{count} stored event(s) of {dataset!r} for the same countries and dates are not in this file "
                      "(deleted at the source, or filtered out of this export); they were kept: {shown}"),
                      ("{count} événement(s) enregistré(s) de « {dataset} » pour les mêmes pays et dates ne sont pas "
                      "dans ce fichier (supprimés à la source, ou filtrés de cet export) ; ils ont été conservés : "
                      "{shown}")),
    **MORE,
}
