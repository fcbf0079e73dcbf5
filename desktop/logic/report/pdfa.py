"""Turn reportlab output into PDF/A-2b with pikepdf, and read back what a PDF carries.

pikepdf.pdfa (pikepdf >= 10.14, extra `pikepdf[pdfa]`) prepares the file (sRGB output
intent, XMP with pdfaid part 2 / conformance B), writes it and validates the written bytes;
a file that does not pass is never written. reportlab's empty `/Trans` page entries are
removed first. The bytes go through desktop.logic.model's atomic writer (0600, temporary file,
fsync, rename). Fonts must already be embedded TrueType (desktop.logic.report.fonts).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import pikepdf
import pikepdf.pdfa

from desktop.logic.model import open_atomic

FLAVOUR = "2b"


@dataclass(frozen=True)
class DocumentInfo:
    """What the document says about itself, in its Info dictionary and XMP."""

    title: str
    subject: str
    author: str
    keywords: str


def save_pdfa(pdf_bytes: bytes, out: Path, info: DocumentInfo) -> Path:
    """Write `pdf_bytes` as a validated PDF/A-2b file at `out` (raises pikepdf.pdfa.PdfaError,
    or OutputError when `out` cannot be written; nothing partial is left either way)."""
    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        for page in pdf.pages:
            if "/Trans" in page.obj:
                del page.obj["/Trans"]
        _set_info(pdf, info)
        with open_atomic(out) as handle:
            pikepdf.pdfa.save(pdf, handle, FLAVOUR)
    return out


def _set_info(pdf: pikepdf.Pdf, info: DocumentInfo) -> None:
    pdf.docinfo["/Title"] = info.title
    pdf.docinfo["/Subject"] = info.subject
    pdf.docinfo["/Author"] = info.author
    pdf.docinfo["/Keywords"] = info.keywords
    if "/Trapped" in pdf.docinfo:  # no XMP equivalent in PDF/A-2; reportlab writes /False
        del pdf.docinfo["/Trapped"]
    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta.load_from_docinfo(pdf.docinfo)


def read_keywords(path: Path) -> str:
    """The Keywords entry of a PDF's Info dictionary ("" when absent)."""
    with pikepdf.open(path) as pdf:
        return str(pdf.docinfo.get("/Keywords", ""))


def validate(path: Path) -> list[str]:
    """PDF/A-2b findings of the written file, in words ([] when it passes)."""
    report = pikepdf.pdfa.validate_written(path, FLAVOUR)
    return [] if report.passed else [str(finding) for finding in report.findings]


def unembedded_fonts(path: Path) -> list[str]:
    """Every font in the file without an embedded program (FontFile, FontFile2 or FontFile3)."""
    missing: list[str] = []
    with pikepdf.open(path) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/FontDescriptor":
                if not any(k in obj for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                    missing.append(str(obj.get("/FontName")))
            elif _is_font(obj) and obj.get("/Subtype") == "/Type1" and "/FontDescriptor" not in obj:
                missing.append(str(obj.get("/BaseFont")))
    return missing


def _is_font(obj: object) -> bool:
    return isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/Font"
