"""PDFs: refused when they carry anything beyond pages to read and print.

A PDF is read object by object with pypdf (names written as `/J#61vaScript` are decoded,
objects inside compressed object streams are read), and its raw bytes and Flate object
streams are searched as well, so an object pypdf does not reach (an orphan, a broken
table) is still seen. JavaScript, launch, import, submit and embedded-file actions, rich
media, XFA forms and encrypted or unreadable files are refused.
"""

from __future__ import annotations

import io
import re
import zlib

from guides.filesafety import Problem, Refused

# PDF: names that make a document do something beyond showing pages.
PDF_ACTIVE = {
    "JavaScript": "JavaScript", "JS": "JavaScript", "Launch": "Launch",
    "EmbeddedFile": "EmbeddedFile", "EmbeddedFiles": "EmbeddedFiles",
    "RichMedia": "RichMedia", "RichMediaContent": "RichMedia", "RichMediaSettings": "RichMedia",
    "XFA": "XFA", "ImportData": "ImportData", "SubmitForm": "SubmitForm", "GoToE": "GoToE",
    "Rendition": "Rendition", "Movie": "Movie", "Sound": "Sound",
}
PDF_NAME = re.compile(rb"/((?:[^\s/<>\[\](){}%\x00]|#[0-9a-fA-F]{2})+)")
PDF_STREAM = re.compile(rb"(?<!end)stream\r?\n")
MAX_INFLATED = 64 * 1024 * 1024  # per PDF: a compression bomb stops here, as a problem


def pdf_problem(data: bytes) -> Problem | None:
    if not data.lstrip(b"\x00\t\n\r\f ").startswith(b"%PDF-"):
        return Problem("pdf.invalid", 1, "%PDF-")
    try:
        found = _raw_active(data) or _objects_active(data)
    except Refused as refused:
        return Problem(refused.code, 1, refused.what)
    except Exception as exc:  # noqa: BLE001 - any failure to read it means: not published
        return Problem("pdf.invalid", 1, type(exc).__name__)
    return Problem("pdf.active", 1, found) if found else None


def _decode_name(raw: bytes) -> str:
    return re.sub(rb"#([0-9a-fA-F]{2})", lambda m: bytes([int(m.group(1), 16)]),
                  raw).decode("latin-1")


def _names_active(chunk: bytes) -> str | None:
    for match in PDF_NAME.finditer(chunk):
        name = _decode_name(match.group(1))
        if name in PDF_ACTIVE:
            return f"/{name}"
    return None


def _raw_active(data: bytes) -> str | None:
    """Names in the file's own bytes outside streams, and in every Flate object stream
    (they hold dictionaries too), found without trusting the file's table of objects.
    Other streams (pages, images, fonts) hold no actions and are skipped: read as names,
    their bytes would give false alarms."""
    outside: list[bytes] = []
    position = 0
    budget = MAX_INFLATED
    for match in PDF_STREAM.finditer(data):
        if match.start() < position:
            continue  # "stream" inside a stream's bytes
        header = data[position:match.start()]
        outside.append(header)
        end = data.find(b"endstream", match.end())
        end = len(data) if end < 0 else end
        position = end
        found = _names_active(header)
        if found:
            return found
        dictionary = header[header.rfind(b"obj"):]
        if "/ObjStm" not in {"/" + _decode_name(m.group(1))
                             for m in PDF_NAME.finditer(dictionary)}:
            continue
        inflater = zlib.decompressobj()
        try:
            chunk = inflater.decompress(data[match.end():end], budget)
        except zlib.error:
            continue
        budget -= len(chunk)
        if budget <= 0:
            raise Refused("pdf.invalid", "inflated size")
        found = _names_active(chunk)
        if found:
            return found
    return _names_active(data[position:])


def _objects_active(data: bytes) -> str | None:
    """Every object pypdf finds, in the cross-reference table and in object streams."""
    import logging

    from pypdf import PdfReader
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    reader = PdfReader(io.BytesIO(data), strict=False)
    if reader.is_encrypted:
        raise Refused("pdf.invalid", "encrypted")

    def walk(obj: object, depth: int = 0) -> str | None:
        if depth > 64:
            return None
        if isinstance(obj, NameObject):
            return str(obj) if str(obj)[1:] in PDF_ACTIVE else None
        if isinstance(obj, DictionaryObject):
            for key, value in obj.items():
                if str(key)[1:] in PDF_ACTIVE:
                    return str(key)
                found = walk(value, depth + 1)
                if found:
                    return found
        elif isinstance(obj, ArrayObject):
            for item in obj:
                found = walk(item, depth + 1)
                if found:
                    return found
        return None

    found = walk(reader.trailer)
    if found:
        return found
    numbers = {(num, gen) for gen, table in reader.xref.items() for num in table}
    numbers |= {(num, 0) for num in reader.xref_objStm}
    for num, gen in sorted(numbers):
        obj = reader.get_object(IndirectObject(num, gen, reader))
        found = walk(obj)
        if found:
            return found
    return None
