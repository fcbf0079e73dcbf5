"""The archive bundle: written intact, and every kind of damage found by verify."""

import json
import shutil

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.logic.model import read_case
from desktop.logic.model.case import Case
from desktop.logic.model.keys import KeySigner
from desktop.logic.model.records import seal
from desktop.logic.report import archive
from desktop.logic.report.archive import MANIFEST, REDACTIONS, file_sha256, write_archive
from desktop.logic.report.deidentify import DeidentifyError, DeidentifyOptions
from desktop.logic.report.layout import pseudonym
from desktop.logic.report.verify import SIGNATURE, SIGNER, verify_archive
from tests.logic.report.test_summary import pdf_text

SIGNED = [SIGNATURE, SIGNER]


@pytest.fixture
def signer():
    return KeySigner("Li Ming", "hepatobiliary surgeon", Ed25519PrivateKey.generate())


@pytest.fixture
def pvtt(pvtt_case_data):
    return Case.model_validate(pvtt_case_data)


@pytest.fixture
def bundle(pvtt, tmp_path, signer):
    return write_archive("case-7", pvtt, tmp_path / "bundle", department="HPB", signer=signer)


@pytest.fixture
def write_manifest(signer):
    """Rewrite the manifest and sign it again with the same key: what a forger with the
    exporter's key (or their own, not trusted) could do."""

    def rewrite(folder, files):
        manifest = archive.write_manifest(folder, files)
        archive.sign_manifest(manifest, signer)
        return manifest

    return rewrite


def listed(folder):
    return [line.split("  ", 1)[1] for line in (folder / MANIFEST).read_text().splitlines()]


def test_bundle_holds_pdf_json_signed_manifest_and_verifies(bundle):
    names = sorted(p.name for p in bundle.iterdir())
    assert names == sorted([MANIFEST, *SIGNED, "case-7.json", "case-7.pdf"])
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


def test_edited_sealed_record_fails_even_with_a_rewritten_manifest(bundle, write_manifest):
    path = bundle / "case-7.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["decisions"][0]["recommendation"] = "Resect at once."
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    write_manifest(bundle, [bundle / "case-7.pdf", path])
    problems = verify_archive(bundle)
    assert any("decisions[0]" in p and "does not match its content" in p for p in problems)


def test_removed_sealed_record_fails_against_the_hashes_in_the_pdf(bundle, write_manifest):
    path = bundle / "case-7.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["decisions"] = data["decisions"][1:]  # drop the sealed record, keep the draft
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    write_manifest(bundle, [bundle / "case-7.pdf", path])
    problems = verify_archive(bundle)
    assert len(problems) == 2
    assert "case-7.pdf: record_hash sha256:304ad8ef" in problems[0]
    assert "latest sealed record none (draft)" in problems[0]
    assert problems[1].startswith("case-7.pdf: case_hash sha256:")


def test_missing_file_extra_file_and_missing_manifest_fail(bundle, tmp_path):
    (bundle / "notes.txt").write_text("added later")
    assert "notes.txt: present but not listed in SHA256SUMS" in verify_archive(bundle)
    (bundle / "case-7.json").unlink()
    assert "case-7.json: listed in SHA256SUMS but missing" in verify_archive(bundle)
    (bundle / MANIFEST).unlink()
    assert verify_archive(bundle)[-1] == (
        "SHA256SUMS is missing: this folder is not a (signed) archive bundle"
    )
    assert verify_archive(tmp_path / "nowhere") == [
        f"{tmp_path / 'nowhere'}: not a folder (links are not followed)"
    ]


def test_json_that_is_not_a_case_fails(bundle, write_manifest):
    path = bundle / "case-7.json"
    path.write_text('{"format": "hcc-mdt-case/1"}', encoding="utf-8")
    write_manifest(bundle, [bundle / "case-7.pdf", path])
    problems = verify_archive(bundle)
    assert "case-7.json: patient: missing; this field is required" in problems


def test_pdf_of_another_case_fails(bundle, pvtt_case_data, tmp_path, write_manifest):
    pvtt_case_data["decisions"] = []
    other = write_archive("x", Case.model_validate(pvtt_case_data), tmp_path / "other")
    shutil.copy(other / "x.pdf", bundle / "case-7.pdf")
    write_manifest(bundle, [bundle / "case-7.pdf", bundle / "case-7.json"])
    problems = verify_archive(bundle)
    assert problems[0] == (
        "case-7.pdf: record_hash none (draft) does not match the case file's latest sealed "
        "record sha256:304ad8ef68df1915b084adf27fa68c8093d813767582a5952a2e7a7799da9c29"
    )
    assert "the PDF was made from another case file" in problems[1]
    assert len(problems) == 2


def test_deidentified_bundle_holds_no_identifier_and_verifies(pvtt_case_data, tmp_path, signer):
    pvtt_case_data["case_id"] = "H-000123-2026"  # a store's id may carry the MRN
    case = Case.model_validate(pvtt_case_data)
    folder = write_archive("H-000123-2026", case, tmp_path / "d", deidentify=True, signer=signer)
    stem = pseudonym(case).replace(" ", "-")
    files = [f"{stem}.json", f"{stem}.pdf", MANIFEST, REDACTIONS]
    assert sorted(p.name for p in folder.iterdir()) == sorted(files + SIGNED)
    assert sorted(listed(folder)) == sorted(files[:2] + [REDACTIONS])
    everything = "".join(
        (folder / name).read_text(encoding="utf-8") for name in files if name != f"{stem}.pdf"
    ) + pdf_text(folder / f"{stem}.pdf")
    for identifier in ("王伟", "H-000123", "000123", "1961-04-02"):
        assert identifier not in everything
    data = json.loads((folder / f"{stem}.json").read_text(encoding="utf-8"))
    assert data["patient"] == {"mrn": "B054A8", "name": "Patient B054A8", "sex": "male"}
    assert data["case_id"] == stem
    assert read_case(folder / f"{stem}.json").format == "hcc-mdt-case/1"
    assert verify_archive(folder) == []


def test_sealed_record_naming_the_patient_is_copied_with_its_text_left_out_and_resealed(
    pvtt_case_data, tmp_path, signer
):
    record = dict(pvtt_case_data["decisions"][0])
    record["question"] = "王伟: which regimen?"
    pvtt_case_data["decisions"] = [seal(record, "")]
    case = Case.model_validate(pvtt_case_data)
    folder = write_archive("c", case, tmp_path / "d", deidentify=True, signer=signer)
    stem = pseudonym(case).replace(" ", "-")
    copy = read_case(folder / f"{stem}.json")
    assert copy.decisions[0].question == "[free text omitted in a de-identified export]"
    assert copy.decisions[0].record_hash != case.decisions[0].record_hash
    redactions = (folder / REDACTIONS).read_text(encoding="utf-8")
    assert "decisions[0].question: free text omitted" in redactions
    assert "decisions[0]: re-sealed" in redactions
    assert "王伟" not in redactions
    assert verify_archive(folder) == []


def test_redacted_free_text_is_listed_by_path_and_count_never_by_value(
    pvtt_case_data, tmp_path, signer
):
    record = dict(pvtt_case_data["decisions"][0])
    record["question"] = "王伟 (H000123, born 02/04/1961): which regimen for 王伟?"
    pvtt_case_data["decisions"] = [seal(record, "")]
    case = Case.model_validate(pvtt_case_data)
    options = DeidentifyOptions(include_free_text=True)
    folder = write_archive("c", case, tmp_path / "d", deidentify=options, signer=signer)
    alias = pseudonym(case)
    copy = read_case(folder / f"{alias.replace(' ', '-')}.json")
    assert copy.decisions[0].question == (
        f"{alias} ([MRN], born [birth date]): which regimen for {alias}?"
    )
    redactions = (folder / REDACTIONS).read_text(encoding="utf-8")
    assert "decisions[0].question: 4 redacted (birth date 1, MRN 1, name 2)" in redactions
    assert verify_archive(folder) == []


def test_a_structured_field_naming_the_patient_refuses_the_copy(pvtt_case_data, tmp_path):
    pvtt_case_data["treatments"][0]["regimen"] = "trial arm for H-000123"
    case = Case.model_validate(pvtt_case_data)
    with pytest.raises(DeidentifyError, match=r"treatments\[0\]\.regimen holds"):
        write_archive("c", case, tmp_path / "d", deidentify=True)
    assert not (tmp_path / "d").exists() or not any((tmp_path / "d").iterdir())
