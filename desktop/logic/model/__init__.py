"""The case and what travels with it: the exchange format, labs, decision records and their
sealing, the rules file, the sentences clinicians read, and the atomic private writer every
output file goes through. The bottom layer: it imports nothing above it.

Names load on first use (PEP 562): `from desktop.logic.model import msg` does not import
pydantic or the case model, so the app's window and `mdt-planner --version` start quickly."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.logic.model.front_door import lazy_exports
from desktop.logic.model.no_plugins import refuse_plugins

refuse_plugins()  # before any model is built: no pydantic plugin sees a record

if TYPE_CHECKING:
    from desktop.logic.model import lifecycle
    from desktop.logic.model.additions import SURGERY_FLAG_DAYS, surgery_disagreement
    from desktop.logic.model.case import (
        FORMAT,
        AdverseEvent,
        Agent,
        Case,
        Imaging,
        Treatment,
        Tumor,
    )
    from desktop.logic.model.case_io import (
        CaseError,
        describe_errors,
        dumps_case,
        parse_case,
        read_case,
    )
    from desktop.logic.model.decision import Decision, FollowUp, Signature
    from desktop.logic.model.field_names import field_name, path_name
    from desktop.logic.model.fields import EARLIEST_DATE, LATEST_DATE
    from desktop.logic.model.file_names import FileStems, file_stem
    from desktop.logic.model.front_door import import_modules, lazy_exports
    from desktop.logic.model.keys import KeySigner, SignerLine
    from desktop.logic.model.labs import Albumin, Bilirubin, Creatinine, Labs
    from desktop.logic.model.messages import (
        DEFAULT_LANGUAGE,
        LANGUAGES,
        Message,
        Term,
        Translated,
        adverse_event_term,
        agent_term,
        msg,
        render_all,
        term,
        text_table,
    )
    from desktop.logic.model.output import (
        OutputError,
        atomic_folder,
        atomic_path,
        make_folders,
        open_atomic,
        write_bytes_atomic,
        write_text_atomic,
    )
    from desktop.logic.model.paths import resource
    from desktop.logic.model.records import (
        case_hash,
        chain_problems,
        last_final_hash,
        record_hash,
        seal,
    )
    from desktop.logic.model.rules import (
        VERDICT_ORDER,
        RuleEntry,
        Rules,
        RulesError,
        default_rules,
        load_rules,
        parse_rules,
    )

_EXPORTS = {  # module: the names it gives this front door
    "additions": ("SURGERY_FLAG_DAYS", "surgery_disagreement"),
    "case": ("FORMAT", "AdverseEvent", "Agent", "Case", "Imaging", "Treatment", "Tumor"),
    "case_io": ("CaseError", "describe_errors", "dumps_case", "parse_case", "read_case"),
    "decision": ("Decision", "FollowUp", "Signature"),
    "field_names": ("field_name", "path_name"),
    "fields": ("EARLIEST_DATE", "LATEST_DATE"),
    "file_names": ("FileStems", "file_stem"),
    "front_door": ("import_modules", "lazy_exports"),
    "labs": ("Albumin", "Bilirubin", "Creatinine", "Labs"),
    "messages": (
        "DEFAULT_LANGUAGE",
        "LANGUAGES",
        "Message",
        "Term",
        "Translated",
        "adverse_event_term",
        "agent_term",
        "msg",
        "render_all",
        "term",
        "text_table",
    ),
    "output": (
        "OutputError",
        "atomic_folder",
        "atomic_path",
        "make_folders",
        "open_atomic",
        "write_bytes_atomic",
        "write_text_atomic",
    ),
    "paths": ("resource",),
    "keys": ("KeySigner", "SignerLine"),
    "records": ("case_hash", "chain_problems", "last_final_hash", "record_hash", "seal"),
    "rules": (
        "VERDICT_ORDER",
        "RuleEntry",
        "Rules",
        "RulesError",
        "default_rules",
        "load_rules",
        "parse_rules",
    ),
}
_SUBMODULES = ("lifecycle",)  # offered as modules
_HOME, __getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, _SUBMODULES)
__all__ = [  # the names of _EXPORTS and _SUBMODULES (a test checks)
    "AdverseEvent",
    "Agent",
    "Albumin",
    "Bilirubin",
    "Case",
    "CaseError",
    "Creatinine",
    "DEFAULT_LANGUAGE",
    "Decision",
    "EARLIEST_DATE",
    "FORMAT",
    "FileStems",
    "FollowUp",
    "Imaging",
    "KeySigner",
    "LANGUAGES",
    "LATEST_DATE",
    "Labs",
    "Message",
    "OutputError",
    "RuleEntry",
    "Rules",
    "RulesError",
    "SURGERY_FLAG_DAYS",
    "Signature",
    "SignerLine",
    "Term",
    "Translated",
    "Treatment",
    "Tumor",
    "VERDICT_ORDER",
    "adverse_event_term",
    "agent_term",
    "atomic_folder",
    "atomic_path",
    "case_hash",
    "chain_problems",
    "default_rules",
    "describe_errors",
    "dumps_case",
    "field_name",
    "file_stem",
    "import_modules",
    "last_final_hash",
    "lazy_exports",
    "lifecycle",
    "load_rules",
    "make_folders",
    "msg",
    "open_atomic",
    "parse_case",
    "parse_rules",
    "path_name",
    "read_case",
    "record_hash",
    "render_all",
    "resource",
    "seal",
    "surgery_disagreement",
    "term",
    "text_table",
    "write_bytes_atomic",
    "write_text_atomic",
]
