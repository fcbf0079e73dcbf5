"""Documents made from a case: the PDF summary and meeting pack (PDF/A-2b) and the archive
bundle with its check. The UI and the command line use it through this front door only."""

from desktop.logic.report.archive import DeidentifyError, verify_archive, write_archive
from desktop.logic.report.summary import ExportCancelled, write_meeting_pack, write_summary_pdf

__all__ = [
    "DeidentifyError",
    "ExportCancelled",
    "verify_archive",
    "write_archive",
    "write_meeting_pack",
    "write_summary_pdf",
]
