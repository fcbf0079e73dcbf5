"""The PDF MDT summary: every section and name in the text, fonts embedded, PDF/A, footer."""

import re
import zlib
from pathlib import Path

import pikepdf
import pypdf
import pytest
from PIL import Image
from PySide6.QtCore import QSize
from PySide6.QtPdf import QPdfDocument

from desktop.logic.case import Case
from desktop.logic.messages import msg
from desktop.logic.pdfa import unembedded_fonts, validate
from desktop.logic.report import write_summary_pdf
from desktop.logic.report_layout import pseudonym
from desktop.logic.report_plan import relied_rule_ids
from desktop.logic.rules import default_rules
from tests.factories import make_case

HEADINGS = [
    "report.heading.patient",
    "report.heading.liver",
    "report.heading.tumour",
    "report.heading.staging",
    "report.heading.response",
    "report.heading.treatments",
    "report.heading.adverse_events",
    "report.heading.regimen",
    "report.heading.alternatives",
    "report.heading.timing",
    "report.heading.adjuvant",
    "report.heading.decision",
    "report.heading.overrides",
    "report.heading.local_policy",
]


def pdf_text(path: Path, page: int | None = None) -> str:
    """Text as a reader's copy-paste gets it (pypdf: pure Python, no system tools needed)."""
    reader = pypdf.PdfReader(str(path))
    pages = [reader.pages[page - 1]] if page else reader.pages
    return "\n".join(p.extract_text() or "" for p in pages)


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def page_count(path: Path) -> int:
    with pikepdf.open(path) as pdf:
        return len(pdf.pages)


@pytest.fixture
def pvtt(pvtt_case_data) -> Case:
    return Case.model_validate(pvtt_case_data)


@pytest.fixture
def summary(pvtt, tmp_path) -> Path:
    return write_summary_pdf(pvtt, tmp_path / "s.pdf", department="Hepatobiliary Surgery")


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_every_section_heading_and_the_chinese_name_are_in_the_text(pvtt, tmp_path, lang):
    path = write_summary_pdf(pvtt, tmp_path / f"{lang}.pdf", lang=lang, department="肝胆外科")
    text = flat(pdf_text(path))
    missing = [k for k in HEADINGS if flat(msg(k).render(lang)) not in text]
    assert missing == []
    assert "王伟" in text
    assert "肝胆外科" in text
    assert "2026-11-25" in text  # meeting date of the latest decision


def test_chinese_headings_are_chinese(pvtt, tmp_path):
    text = flat(pdf_text(write_summary_pdf(pvtt, tmp_path / "zh.pdf", lang="zh_CN")))
    assert "患者信息" in text
    assert "手术时机" in text
    assert "Timing of resection" not in text


def test_latin_name_renders(multinodular_case_data, tmp_path):
    case = Case.model_validate(multinodular_case_data)
    assert "Maria Lopez" in pdf_text(write_summary_pdf(case, tmp_path / "m.pdf"))


def test_every_font_is_embedded_truetype(summary):
    assert unembedded_fonts(summary) == []
    with pikepdf.open(summary) as pdf:
        descriptors = [
            obj
            for obj in pdf.objects
            if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/FontDescriptor"
        ]
        assert descriptors
        assert all("/FontFile2" in d for d in descriptors)
        assert not any("Helvetica" in str(d.get("/FontName")) for d in descriptors)


def test_summary_passes_pdfa_2b_validation(summary):
    assert validate(summary) == []


def test_metadata_names_title_subject_author_date_and_record_hash(summary, pvtt):
    with pikepdf.open(summary) as pdf:
        info = {k: str(v) for k, v in pdf.docinfo.items()}
        xmp = str(pdf.Root.Metadata.read_bytes(), "utf-8")
    assert info["/Title"] == "MDT summary: 王伟"
    assert info["/Author"] == "Hepatobiliary Surgery"
    assert info["/Subject"].startswith("HCC conversion-therapy MDT")
    assert info["/CreationDate"].startswith("D:20")
    assert f"record_hash={pvtt.decisions[0].record_hash}" in info["/Keywords"]
    assert "<pdfaid:part>2</pdfaid:part>" in xmp
    assert "王伟" in xmp


def test_footer_on_every_page(summary, pvtt):
    total = page_count(summary)
    assert total >= 2
    sealed = pvtt.decisions[0].record_hash
    for page in range(1, total + 1):
        text = pdf_text(summary, page)
        assert f"Page {page} of {total}" in text
        assert "rules 2026.11-1" in text
        assert "Decision support only" in text
        assert "draft — not sealed" in text  # the latest record is a draft
        assert sealed[:30] in text


def test_footer_shows_the_sealed_hash_when_the_latest_record_is_final(pvtt_case_data, tmp_path):
    pvtt_case_data["decisions"] = pvtt_case_data["decisions"][:1]
    case = Case.model_validate(pvtt_case_data)
    text = pdf_text(write_summary_pdf(case, tmp_path / "f.pdf"), 1)
    assert f"Decision record {case.decisions[0].record_hash}" in text
    assert "not sealed" not in text


def test_minimal_case_says_what_is_missing(tmp_path):
    text = pdf_text(write_summary_pdf(make_case(), tmp_path / "min.pdf"))
    assert "Decision record: draft — not sealed" in text
    assert "No MDT decision recorded yet." in text
    assert "Fewer than two scans" in text
    assert "No regimen is named in the decision record." in text


def test_chosen_regimen_alternatives_and_decision_content(summary):
    text = pdf_text(summary)
    assert "HAIC (FOLFOX) + lenvatinib + PD-1 inhibitor" in text
    assert "Oncology prefers continuing systemic therapy" in text  # dissent
    assert flat("Start HAIC (FOLFOX) with lenvatinib and sintilimab") in flat(text)  # earlier
    assert "washout.lenvatinib_days" in text  # local-policy rule listed
    assert "2026-11-06" in text  # earliest surgery date


def _all_bytes(path: Path) -> bytes:
    """The file, every stream decompressed, the Info dictionary and XMP, as one blob."""
    chunks = [path.read_bytes()]
    with pikepdf.open(path) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Stream):
                try:
                    chunks.append(obj.read_bytes())
                except pikepdf.PdfError:
                    chunks.append(zlib.decompress(obj.read_raw_bytes()))
        chunks.append(repr(dict(pdf.docinfo)).encode("utf-8"))
    return b"\n".join(chunks)


def test_deidentified_pdf_holds_no_identifier(pvtt, tmp_path):
    path = write_summary_pdf(pvtt, tmp_path / "d.pdf", deidentify=True)
    text = pdf_text(path)
    blob = _all_bytes(path)
    for identifier in ("王伟", "H-000123", "1961-04-02"):
        assert identifier not in text
        for encoding in ("utf-8", "utf-16-be"):
            assert identifier.encode(encoding) not in blob
    assert pseudonym(pvtt) in text
    assert pseudonym(pvtt).encode() in blob  # the title in Info and XMP


def test_deidentify_scrubs_free_text_naming_the_patient(pvtt_case_data, tmp_path):
    pvtt_case_data["decisions"][1]["question"] = "王伟 (H-000123): resect now?"
    case = Case.model_validate(pvtt_case_data)
    text = pdf_text(write_summary_pdf(case, tmp_path / "d.pdf", deidentify=True))
    assert "王伟" not in text
    assert "H-000123" not in text
    assert f"{pseudonym(case)} ({pseudonym(case)}): resect now?" in text


@pytest.mark.parametrize(
    ("mrn", "expected"),
    [("H-000123", "Patient B054A8"), ("H-000124", None)],
)
def test_pseudonym_is_stable_per_mrn(mrn, expected):
    name = pseudonym(make_case(**{"patient.mrn": mrn}))
    assert re.fullmatch(r"Patient [0-9A-F]{6}", name)
    assert name == pseudonym(make_case(**{"patient.mrn": mrn, "patient.name": "Other"}))
    if expected:
        assert name == expected
    else:
        assert name != pseudonym(make_case(**{"patient.mrn": "H-000123"}))


def test_relied_rules_are_local_policy_ones_the_case_touched(pvtt):
    rules = default_rules()
    ids = relied_rule_ids(pvtt, {}, rules)
    assert "washout.lenvatinib_days" in ids  # lenvatinib given
    assert "washout.ici_days" in ids  # sintilimab given
    assert "flr.min_percent_cirrhosis" in ids  # FLR known, cirrhosis recorded
    assert "flr.min_percent_no_cirrhosis" not in ids
    assert "washout.bevacizumab_days" not in ids
    assert all(rules.entry(i).is_local_policy for i in ids)


def test_page_one_renders_to_an_image_with_content(summary, tmp_path, qapp):
    # Rendered with Qt's PDF module (shipped with PySide6), as the app previews it.
    document = QPdfDocument()
    assert document.load(str(summary)) == QPdfDocument.Error.None_
    assert document.render(0, QSize(414, 585)).save(str(tmp_path / "page-1.png"))
    image = Image.open(tmp_path / "page-1.png").convert("L")
    assert image.size == (414, 585)  # A4 at 50 dpi
    dark = sum(1 for value in image.tobytes() if value < 128)
    assert dark > 2000  # text was drawn, not an empty page
