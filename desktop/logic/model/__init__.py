"""The case and what travels with it: the exchange format, labs, decision records and their
sealing, the rules file, the sentences clinicians read, and the atomic private writer every
output file goes through. The bottom layer: it imports nothing above it."""

from desktop.logic.model import lifecycle
from desktop.logic.model.case import FORMAT, AdverseEvent, Agent, Case, Imaging, Treatment, Tumor
from desktop.logic.model.case_io import (
    CaseError,
    describe_errors,
    dumps_case,
    parse_case,
    read_case,
)
from desktop.logic.model.decision import Decision, Signature
from desktop.logic.model.file_names import FileStems, file_stem
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
from desktop.logic.model.records import chain_problems, last_final_hash, record_hash, seal
from desktop.logic.model.rules import (
    VERDICT_ORDER,
    RuleEntry,
    Rules,
    RulesError,
    default_rules,
    load_rules,
    parse_rules,
)

__all__ = [
    "AdverseEvent",
    "Agent",
    "Albumin",
    "Bilirubin",
    "Case",
    "CaseError",
    "Creatinine",
    "DEFAULT_LANGUAGE",
    "Decision",
    "FORMAT",
    "FileStems",
    "Imaging",
    "LANGUAGES",
    "Labs",
    "Message",
    "OutputError",
    "RuleEntry",
    "Rules",
    "RulesError",
    "Signature",
    "Term",
    "Translated",
    "Treatment",
    "Tumor",
    "VERDICT_ORDER",
    "adverse_event_term",
    "agent_term",
    "atomic_folder",
    "atomic_path",
    "chain_problems",
    "default_rules",
    "describe_errors",
    "dumps_case",
    "file_stem",
    "last_final_hash",
    "lifecycle",
    "load_rules",
    "make_folders",
    "msg",
    "open_atomic",
    "parse_case",
    "parse_rules",
    "read_case",
    "record_hash",
    "render_all",
    "resource",
    "seal",
    "term",
    "text_table",
    "write_bytes_atomic",
    "write_text_atomic",
]
