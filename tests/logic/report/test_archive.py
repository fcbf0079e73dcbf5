"""The archive bundle: written intact, and every kind of damage found by verify."""

import json
import shutil

import pytest

from desktop.logic.model.case import Case
from desktop.logic.report.archive import (
    MANIFEST,
    DeidentifyError,
    file_sha256,
    verify_archive,
    write_archive,
    write_manifest,
)
from desktop.logic.report.layout import pseudonym


@pytest.fixture
def pvtt(pvtt_case_data):
    return Case.model_validate(pvtt_case_data)


@pytest.fixture
def bundle(pvtt, tmp_path):
    return write_archive("case-7", pvtt, tmp_path / "bundle", department="HPB")


def test_bundle_holds_pdf_json_and_manifest_and_verifies(bundle):
    assert sorted(p.name for p in bundle.iterdir()) == [MANIFEST, "case-7.json", "case-7.pdf"]
    lines = (bundle / MANIFEST).read_text().splitlines()
    assert lines == [f"{file_sha256(bundle / n)}  {n}" for n in ("case-7.json", "case-7.pdf")]
    assert verify_archive(bundle) == []


def test_altered_pdf_fails(bundle):
    pdf = bundle / "case-7.pdf"
    data = bytearray(pdf.read_bytes())
    data[len(data) // 2] ^= 0xFF
    pdf.write_bytes(bytes(data))
    problems = verify_archive(bundle)
    assert "case-7.pdf: SHA-256 differs from SHA256SUMS; the file was altered" in problems


def test_edited_sealed_record_fails_even_with_a_rewritten_manifest(bundle):
    path = bundle / "case-7.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["decisions"][0]["recommendation"] = "Resect at once."
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    write_manifest(bundle, [bundle / "case-7.pdf", path])
    problems = verify_archive(bundle)
    assert any("decisions[0]" in p and "does not match its content" in p for p in problems)


def test_removed_sealed_record_fails_against_the_hash_in_the_pdf(bundle):
    path = bundle / "case-7.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["decisions"] = data["decisions"][1:]  # drop the sealed record, keep the draft
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    write_manifest(bundle, [bundle / "case-7.pdf", path])
    problems = verify_archive(bundle)
    assert len(problems) == 1
    assert "case-7.pdf: record_hash sha256:304ad8ef" in problems[0]
    assert "latest sealed record none (draft)" in problems[0]


def test_missing_file_extra_file_and_missing_manifest_fail(bundle, tmp_path):
    (bundle / "notes.txt").write_text("added later")
    assert "notes.txt: present but not listed in SHA256SUMS" in verify_archive(bundle)
    (bundle / "case-7.json").unlink()
    assert "case-7.json: listed in SHA256SUMS but missing" in verify_archive(bundle)
    (bundle / MANIFEST).unlink()
    assert verify_archive(bundle) == ["SHA256SUMS is missing: this folder is not an archive bundle"]
    assert verify_archive(tmp_path / "nowhere") == [f"{tmp_path / 'nowhere'}: not a folder"]


def test_json_that_is_not_a_case_fails(bundle):
    path = bundle / "case-7.json"
    path.write_text('{"format": "hcc-mdt-case/1"}', encoding="utf-8")
    write_manifest(bundle, [bundle / "case-7.pdf", path])
    problems = verify_archive(bundle)
    assert "case-7.json: patient: missing; this field is required" in problems


def test_pdf_of_another_case_fails(bundle, pvtt_case_data, tmp_path):
    pvtt_case_data["decisions"] = []
    other = write_archive("x", Case.model_validate(pvtt_case_data), tmp_path / "other")
    shutil.copy(other / "x.pdf", bundle / "case-7.pdf")
    write_manifest(bundle, [bundle / "case-7.pdf", bundle / "case-7.json"])
    problems = verify_archive(bundle)
    assert problems == [
        "case-7.pdf: record_hash none (draft) does not match the case file's latest sealed "
        "record sha256:304ad8ef68df1915b084adf27fa68c8093d813767582a5952a2e7a7799da9c29"
    ]


def test_deidentified_bundle_holds_no_identifier_and_verifies(pvtt, tmp_path):
    folder = write_archive("case-7", pvtt, tmp_path / "d", deidentify=True)
    stem = pseudonym(pvtt).replace(" ", "-")
    assert sorted(p.name for p in folder.iterdir()) == [f"{stem}.json", f"{stem}.pdf", MANIFEST]
    text = (folder / f"{stem}.json").read_text(encoding="utf-8")
    for identifier in ("王伟", "H-000123", "1961-04-02"):
        assert identifier not in text
    assert json.loads(text)["patient"] == {"mrn": "B054A8", "name": "Patient B054A8", "sex": "male"}
    assert verify_archive(folder) == []


def test_deidentified_bundle_refused_when_a_sealed_record_names_the_patient(
    pvtt_case_data, tmp_path
):
    from desktop.logic.model.records import seal

    record = dict(pvtt_case_data["decisions"][0])
    record["question"] = "王伟: which regimen?"
    pvtt_case_data["decisions"] = [seal(record, "")]
    case = Case.model_validate(pvtt_case_data)
    with pytest.raises(DeidentifyError, match=r"decisions\[0\] \(meeting 2026-06-03\)"):
        write_archive("c", case, tmp_path / "d", deidentify=True)
