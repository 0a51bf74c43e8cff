"""Realistic incident logs written by the tests: a French log as Excel on Windows saves it (cp1252,
semicolons, CRLF, a title line) and an English XLSX with coordinates and US dates."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from tests.core.importers.conftest import write_csv

FR_HEADER = ("N°", "Date de l'incident", "Pays", "Région", "Localité", "Auteur présumé", "Cible",
             "Type d'incident", "Bilan", "Morts", "Blessés", "Description")
FR_ROWS = [
    ["ONG-24-001", "12/03/2024", "Mali", "Koulikouro", "Kati", "JNIM", "Chauffeur", "Enlèvement", "",
     "0", "0", "Enlèvement d'un chauffeur sur l'axe Kati-Kolokani; libéré deux jours plus tard"],
    ["ONG-24-002", "1er juin 2024", "Mali", "", "Boni, Mopti", "Hommes armés non identifiés", "ONG",
     "Braquage", "Véhicule volé", "1", "2", "Braquage d'un véhicule humanitaire"],
    ["ONG-24-003", "18/07/2024", "Burkina Faso", "Sahel", "Djibo", "Islamic State (Greater Sahara)",
     "Civils", "Attaque", "Marché incendié", "?", "", "Attaque du marché; des casques bleus absents de la zone"],
]


def french_log(path: Path, rows: Sequence[Sequence[str]] = FR_ROWS) -> Path:
    """The French log: cp1252, ';', CRLF, a title line and a blank line before the header."""
    return write_csv(path, rows, header=FR_HEADER, delimiter=";", encoding="cp1252", newline="\r\n",
                     junk=["Journal des incidents sécuritaires - ONG Exemple", ""])


EN_HEADER = ["Incident ID", "Date", "Country", "Location", "GPS", "Perpetrator", "Incident type",
             "Casualties", "Narrative"]
EN_ROWS = [
    ["NE-17", "08/26/2023", "Niger", "Tillabéri", "14.21, 1.45", "Unknown gunmen", "Armed robbery",
     "2 killed, 1 injured", "Convoy stopped at a checkpoint"],
    ["NE-18", "09/02/2023", "Niger", "Niamey", "", "Police", "Arrest", "", "Two staff briefly detained"],
]


def english_xlsx(path: Path, rows: Sequence[Sequence[object]] = EN_ROWS) -> Path:
    """An English log as an .xlsx workbook (title row first, like many exports)."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Incidents"
    sheet.append(["Security incidents 2023 (internal)"])
    sheet.append(EN_HEADER)
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return path
