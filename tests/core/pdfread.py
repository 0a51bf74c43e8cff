"""Reading a real PDF back for tests: text per page, outline, fonts (with Form XObjects)."""

from __future__ import annotations

import io
from collections.abc import Iterator

from pypdf import PdfReader
from pypdf.generic import DictionaryObject, IndirectObject


def read(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def page_texts(reader: PdfReader) -> list[str]:
    """Each page's text with runs of white space (line breaks, no-break spaces) made single spaces."""
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def full_text(reader: PdfReader) -> str:
    return " ".join(page_texts(reader))


def outline_titles(outline: list, depth: int = 0) -> Iterator[tuple[int, str]]:
    for item in outline:
        if isinstance(item, list):
            yield from outline_titles(item, depth + 1)
        else:
            yield depth, item.title




def _fonts(resources: DictionaryObject, seen: set[int]) -> Iterator[DictionaryObject]:
    """Every font reachable from `resources`, including those inside Form XObjects."""
    for font in (resources.get("/Font") or {}).values():
        yield font.get_object()
    for xobject in (resources.get("/XObject") or {}).values():
        ref = xobject.indirect_reference if hasattr(xobject, "indirect_reference") else None
        key = ref.idnum if isinstance(ref, IndirectObject) else id(xobject)
        obj = xobject.get_object()
        if key in seen or obj.get("/Subtype") != "/Form":
            continue
        seen.add(key)
        yield from _fonts(obj.get("/Resources", DictionaryObject()), seen)


def _descriptors(font: DictionaryObject) -> list[DictionaryObject]:
    if font.get("/Subtype") == "/Type0":
        return [d.get_object()["/FontDescriptor"].get_object() for d in font["/DescendantFonts"]]
    return [font["/FontDescriptor"].get_object()] if "/FontDescriptor" in font else []


def embedded_font_names(reader: PdfReader) -> set[str]:
    """Names of every font used; AssertionError when one is not embedded (no FontFile2)."""
    names = set()
    for page in reader.pages:
        for font in _fonts(page["/Resources"], set()):
            name = str(font["/BaseFont"])
            descriptors = _descriptors(font)
            assert descriptors and all("/FontFile2" in d for d in descriptors), f"{name} is not embedded"
            names.add(name)
    return names
