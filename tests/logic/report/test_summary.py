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

from desktop.logic.clinical.evaluation import evaluate
from desktop.logic.model.case import Case
from desktop.logic.model.messages import msg, term
from desktop.logic.model.rules import default_rules
from desktop.logic.report.decision import timestamp
from desktop.logic.report.deidentify import DeidentifyOptions
from desktop.logic.report.layout import make_context, pseudonym
from desktop.logic.report.pdfa import unembedded_fonts, validate
from desktop.logic.report.plan import policy_value, relied_rule_ids
from desktop.logic.report.summary import write_summary_pdf
from desktop.logic.report.verdicts import COLOURS, coloured, verdict_text
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
        assert "rules 2026.12-1" in text
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


@pytest.mark.parametrize(
    ("lang", "omitted"),
    [
        ("en", "[free text omitted in a de-identified export]"),
        ("zh_CN", "[去标识导出中已省略自由文本]"),
    ],
)
def test_deidentified_pdf_omits_free_text_and_says_so(pvtt_case_data, tmp_path, lang, omitted):
    pvtt_case_data["decisions"][1]["question"] = "王伟 (H-000123): resect now?"
    case = Case.model_validate(pvtt_case_data)
    path = write_summary_pdf(case, tmp_path / "d.pdf", deidentify=True, lang=lang)
    text = flat(pdf_text(path))
    assert "王伟" not in text
    assert "resectnow?" not in text
    assert flat(omitted) in text
    with pikepdf.open(path) as pdf, pdf.open_outline() as outline:
        titles = [item.title for item in outline.root]
        metadata = str(pdf.open_metadata())
    assert titles == [pseudonym(case)]
    assert pseudonym(case) in metadata  # the XMP title
    assert "王伟" not in metadata
    assert "H-000123" not in metadata


def test_deidentified_pdf_with_free_text_prints_it_redacted(pvtt_case_data, tmp_path):
    pvtt_case_data["decisions"][1]["question"] = "王伟 (H-000123): resect now?"
    case = Case.model_validate(pvtt_case_data)
    options = DeidentifyOptions(include_free_text=True)
    text = pdf_text(write_summary_pdf(case, tmp_path / "d.pdf", deidentify=options))
    assert "王伟" not in text
    assert "H-000123" not in text
    assert f"{pseudonym(case)} ([MRN]): resect now?" in text


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


def test_relied_rules_are_those_the_case_touched_published_or_local(pvtt):
    rules = default_rules()
    evaluation = evaluate(pvtt, rules)
    ids = relied_rule_ids(pvtt, evaluation, rules)
    assert "washout.lenvatinib_days" in ids  # lenvatinib given (published, label)
    assert "washout.ici_days" in ids  # sintilimab given (local policy)
    assert "flr.min_percent_cirrhosis" in ids  # FLR known, cirrhosis recorded
    assert "flr.min_percent_no_cirrhosis" not in ids
    assert "washout.bevacizumab_days" not in ids
    assert {rules.entry(i).is_local_policy for i in ids} == {True, False}
    assert evaluation.rule_ids <= set(ids)  # every rule a regimen verdict was built from
    assert {"tace.size_10cm", "tace.size_10cm.limit_cm"} <= set(ids)  # a check and its threshold


def test_page_one_renders_to_an_image_with_content(summary, tmp_path, qapp):
    # Rendered with Qt's PDF module (shipped with PySide6), as the app previews it.
    document = QPdfDocument()
    assert document.load(str(summary)) == QPdfDocument.Error.None_
    assert document.render(0, QSize(414, 585)).save(str(tmp_path / "page-1.png"))
    image = Image.open(tmp_path / "page-1.png").convert("L")
    assert image.size == (414, 585)  # A4 at 50 dpi
    dark = sum(1 for value in image.tobytes() if value < 128)
    assert dark > 2000  # text was drawn, not an empty page


RAW_TOKENS = [
    "alt_increased",
    "alt increased",
    "moderate_severe",
    "pd-1 inhibitor",
    "continue-preoperative-regimen",
    "opportunistic",
    "not_applicable",
    "caution",
]


def test_chinese_summary_reads_every_enumeration_through_the_glossary(pvtt_case_data, tmp_path):
    pvtt_case_data["liver"]["ascites"] = "moderate_severe"
    pvtt_case_data["liver"]["varices"] = "large_or_high_risk"
    case = Case.model_validate(pvtt_case_data)
    text = flat(pdf_text(write_summary_pdf(case, tmp_path / "zh.pdf", lang="zh_CN")))
    headings = [flat(msg(k).render("zh_CN")) for k in HEADINGS]
    assert [h for h in headings if h not in text] == []
    assert "分期：BCLC与CNLC" in text
    words = {
        "term.ae.alt_increased": "丙氨酸氨基转移酶（ALT）升高",
        "term.agent.lenvatinib": "仑伐替尼",
        "term.agent.sintilimab": "信迪利单抗",
        "term.ascites.moderate_severe": None,
        "term.varices.large_or_high_risk": None,
        "term.timing.opportunistic": "机会性（尽早手术）",
        "term.verdict.caution": "慎用",
        "term.follow_up.planned": "计划中",
        "term.class.tki": "酪氨酸激酶抑制剂（TKI）",
        "term.bclc.C": "BCLC C期（晚期）",
    }
    for key, chinese in words.items():
        word = term(key, "zh_CN")
        assert chinese in (None, word)
        assert re.search(r"[\u4e00-\u9fff]", word), key  # the glossary has a Chinese word
        assert flat(word) in text, key
    assert "HAIC（FOLFOX方案）联合仑伐替尼及PD-1抑制剂" in text  # catalogue name, zh
    assert "延续术前转化治疗方案" in text  # the adjuvant plan by its catalogue name
    lowered = text.lower()
    assert [t for t in RAW_TOKENS if flat(t) in lowered] == []


def test_english_summary_prints_glossary_terms_not_raw_tokens(summary):
    text = pdf_text(summary)
    assert "ALT increase" in text
    assert "HAIC (FOLFOX) + lenvatinib + PD-1 inhibitor" in text
    assert "lenvatinib (last dose 2026-10-30)" in text
    assert "Continue the pre-operative regimen" in text
    for raw in ("alt_increased", "alt increased", "pd-1 inhibitor", "continue-preoperative"):
        assert raw not in text
    assert "µmol/L" in text  # lab units as printed, not the file's ASCII "umol/L" spelling


def test_sections_flow_without_a_near_empty_page(summary):
    # The staging and response sections follow the tumour on the basis's second page rather
    # than being pushed whole to the next (a KeepTogether of a long block used to leave a page
    # almost empty). Page 1 is the decision alone.
    page_three = flat(pdf_text(summary, 3))
    assert flat("Staging: BCLC and CNLC") in page_three
    assert flat("Response to treatment") in page_three
    total = page_count(summary)
    lengths = [len(flat(pdf_text(summary, page))) for page in range(2, total)]
    assert min(lengths) > 1500  # every basis page but the last is well filled


def test_a_heading_never_ends_a_page(summary):
    reader = pypdf.PdfReader(str(summary))
    headings = {flat(msg(k).render("en")) for k in HEADINGS}
    for page in reader.pages:
        lines = [flat(line) for line in (page.extract_text() or "").splitlines() if line.strip()]
        body = [
            line for line in lines if not line.startswith(("Decisionsupport", "Latest", "Page"))
        ]
        assert body[-1] not in headings


def test_the_last_sealed_decision_is_printed_in_full_after_a_draft(summary):
    text = flat(pdf_text(summary))
    assert flat("Last sealed decision (the record in force)") in text
    assert flat("Chen Jie (interventional radiologist)") in text  # attendee of the sealed one
    assert flat("Li Ming (hepatobiliary surgeon), 2026-06-03 17:40:00") in text  # signature
    assert flat("progression on restaging") in text  # its reopen condition


@pytest.mark.parametrize(
    ("value", "unit", "lang", "expected"),
    [
        (7, "days", "en", "7 days"),
        (7, "days", "zh_CN", "7 天"),
        (3, "CTCAE grade", "en", "CTCAE grade 3"),
        (3, "CTCAE grade", "zh_CN", "CTCAE 3 级"),
        (40, "%", "zh_CN", "40 %"),
        ("caution", None, "zh_CN", "慎用"),
        ("contraindicated", None, "en", "contraindicated"),
        (None, None, "zh_CN", "按 MDT 方案"),
        (5, "furlongs", "en", "5 furlongs"),  # a unit without a text prints as written
    ],
)
def test_policy_value_in_the_readers_language(pvtt, value, unit, lang, expected):
    ctx = make_context(pvtt, evaluate(pvtt), default_rules(), lang)
    assert policy_value(ctx, value, unit) == expected


@pytest.mark.parametrize(
    ("stamp", "expected"),
    [
        ("2026-06-03T17:40:00", "2026-06-03 17:40:00"),
        ("2026-06-03T17:40:00+08:00", "2026-06-03 17:40:00+08:00"),
        (None, ""),
    ],
)
def test_timestamp_keeps_seconds_and_zone(stamp, expected):
    assert timestamp(stamp) == expected


def test_the_chosen_regimen_shows_each_check_with_its_rule_id_and_source(summary):
    text = flat(pdf_text(summary))
    for piece in (
        "ici.autoimmune",  # rule ID
        "Noactiveautoimmunedisease.",  # reason
        "trialexclusioncriteria",  # its source
        "tki.hypertension",
        "checksnotdone",  # the verdict with the number of checks not done
        "Datachecklist",
        "virology.hbv_antiviral",  # a missing input named in the checklist
        "Rulesrelied",
    ):
        assert piece in text, piece


def test_the_checks_and_verdicts_read_in_chinese(pvtt, tmp_path):
    text = flat(pdf_text(write_summary_pdf(pvtt, tmp_path / "zh.pdf", lang="zh_CN")))
    for piece in ("ici.autoimmune", "无活动性自身免疫性疾病", "项核查未完成", "数据清单", "依据"):
        assert piece in text, piece


def test_the_earliest_date_is_printed_beside_liver_ok_extent_and_flr(summary):
    text = flat(pdf_text(summary))
    for label in (
        "Liverreadyforresection",
        "Largestresectiontheliverallows",
        "MakuuchiICG-R15band",
    ):
        assert label in text, label
    earliest = text.index("2026-11-06")
    assert 0 < text.index("Liverreadyforresection", earliest) - earliest < 200  # beside it


@pytest.mark.parametrize("verdict", ["suitable", "caution", "contraindicated", "unchecked"])
def test_every_verdict_has_its_own_colour_and_unchecked_is_never_green(pvtt, verdict):
    ctx = make_context(pvtt, evaluate(pvtt), default_rules(), "en")
    regimen = evaluate(pvtt).regimens[0]
    shown = verdict_text(ctx, regimen._replace(verdict=verdict))
    assert COLOURS[verdict] in shown
    assert shown.count("checks not done") == 1  # pvtt records none of the 2026-12 inputs
    assert COLOURS["unchecked"] != COLOURS["suitable"]
    assert len({COLOURS[v] for v in ("suitable", "caution", "contraindicated", "unchecked")}) == 4
    assert coloured("x", "unchecked") != coloured("x", "suitable")


def test_hepatitis_b_and_c_are_shown_as_recorded(pvtt_case_data, tmp_path):
    pvtt_case_data["virology"] = {
        "hbsag_positive": True,
        "hbv_dna_iu_per_ml": 120,
        "hbv_dna_date": "2026-11-02",
        "hbv_antiviral": True,
        "hcv_rna_detectable": False,
    }
    text = flat(
        pdf_text(write_summary_pdf(Case.model_validate(pvtt_case_data), tmp_path / "v.pdf"))
    )
    assert flat("HBV DNA: 120 IU/mL (2026-11-02)") in text
    assert flat("HCV RNA detectable: no") in text
