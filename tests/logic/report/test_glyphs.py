"""Text the PDF font cannot draw is refused in words (field and U+ code), never left out."""

import pytest

from desktop.logic.model import text_table
from desktop.logic.model.case import Case
from desktop.logic.report.deidentify import DeidentifyOptions
from desktop.logic.report.fonts import missing_glyphs
from desktop.logic.report.glyphs import UnprintableText
from desktop.logic.report.summary import write_meeting_pack, write_summary_pdf
from tests.logic.report.test_summary import flat, pdf_text

ARABIC_NAME = "محمد علي"
EMOJI = "\U0001f600"


@pytest.mark.parametrize(
    ("path", "value", "field", "first"),
    [
        ("patient.name", ARABIC_NAME, "patient.name", "U+0645 ARABIC LETTER MEEM"),
        (
            "recommendation",
            f"resect {EMOJI}",
            "decisions[1].recommendation",
            "U+1F600 GRINNING FACE",
        ),
        ("role", "جراح", "decisions[1].attendees[0].role", "U+062C ARABIC LETTER JEEM"),
    ],
)
def test_characters_without_a_glyph_refuse_the_pdf_naming_field_and_code(
    pvtt_case_data, tmp_path, path, value, field, first
):
    if path == "patient.name":
        pvtt_case_data["patient"]["name"] = value
    elif path == "role":
        pvtt_case_data["decisions"][1]["attendees"][0]["role"] = value
    else:
        pvtt_case_data["decisions"][1][path] = value
    case = Case.model_validate(pvtt_case_data)
    out = tmp_path / "s.pdf"
    with pytest.raises(UnprintableText) as refused:
        write_summary_pdf(case, out)
    message = str(refused.value)
    assert message.startswith(f"{field}: {first}")
    assert "WenQuanYi Micro Hei" in message
    assert not out.exists()
    assert "无法打印" in refused.value.render("zh_CN")


def test_text_that_is_not_printed_does_not_refuse(pvtt_case_data, tmp_path):
    # the earlier record is printed as one table row (date, status, recommendation, hash)
    pvtt_case_data["decisions"][0]["attendees"][0]["role"] = "جراح"
    pvtt_case_data["decisions"][0].pop("record_hash")
    pvtt_case_data["decisions"][0]["status"] = "draft"
    case = Case.model_validate(pvtt_case_data)
    assert write_summary_pdf(case, tmp_path / "s.pdf").is_file()


def test_every_character_is_listed_once(pvtt_case_data, tmp_path):
    pvtt_case_data["patient"]["name"] = ARABIC_NAME
    with pytest.raises(UnprintableText) as refused:
        write_summary_pdf(Case.model_validate(pvtt_case_data), tmp_path / "s.pdf")
    assert refused.value.problems == [("patient.name", ["م", "ح", "د", "ع", "ل", "ي"])]


def test_department_and_pack_case_are_named(pvtt_case_data, multinodular_case_data, tmp_path):
    multinodular_case_data["patient"]["name"] = f"Maria {EMOJI}"
    cases = [("a", Case.model_validate(pvtt_case_data))]
    cases.append(("b", Case.model_validate(multinodular_case_data)))
    with pytest.raises(UnprintableText) as refused:
        write_meeting_pack(cases, tmp_path / "p.pdf", meeting_date="2026-11-25", department="قسم")
    fields = [field for field, _ in refused.value.problems]
    assert fields == [
        "1. 王伟: department",
        f"2. Maria {EMOJI}: patient.name",
        f"2. Maria {EMOJI}: department",
    ]
    assert not (tmp_path / "p.pdf").exists()


def test_chinese_and_accented_latin_still_print(pvtt_case_data, tmp_path):
    pvtt_case_data["patient"]["name"] = "王伟 José Müller-Łukasz"
    path = write_summary_pdf(Case.model_validate(pvtt_case_data), tmp_path / "s.pdf")
    assert flat("王伟 José Müller-Łukasz") in flat(pdf_text(path))


def test_free_text_left_out_of_a_deidentified_copy_does_not_refuse_it(pvtt_case_data, tmp_path):
    pvtt_case_data["decisions"][1]["dissent"] = f"{ARABIC_NAME} {EMOJI}"
    case = Case.model_validate(pvtt_case_data)
    assert write_summary_pdf(case, tmp_path / "d.pdf", deidentify=True).is_file()
    with pytest.raises(UnprintableText, match=r"decisions\[1\]\.dissent: U\+0645"):
        write_summary_pdf(case, tmp_path / "e.pdf", deidentify=DeidentifyOptions(True))


def test_every_sentence_the_report_prints_has_glyphs():
    missing = {
        (key, lang): missing_glyphs(text)
        for key, texts in text_table().items()
        for lang, text in texts.items()
        if missing_glyphs(text)
    }
    assert missing == {}
