"""Documents made from a case: the PDF summary and meeting pack (PDF/A-2b), the archive bundle
with its check, and the de-identified copy they print when asked. The UI and the command line
use it through this front door only."""

from desktop.logic.report.archive import write_archive
from desktop.logic.report.deidentify import (
    Deidentified,
    DeidentifyError,
    DeidentifyOptions,
    deidentify_case,
)
from desktop.logic.report.glyphs import UnprintableText
from desktop.logic.report.summary import ExportCancelled, write_meeting_pack, write_summary_pdf
from desktop.logic.report.verify import Verdict, verify_archive, verify_bundle

__all__ = [
    "Deidentified",
    "DeidentifyError",
    "DeidentifyOptions",
    "UnprintableText",
    "deidentify_case",
    "ExportCancelled",
    "Verdict",
    "verify_archive",
    "verify_bundle",
    "write_archive",
    "write_meeting_pack",
    "write_summary_pdf",
]
