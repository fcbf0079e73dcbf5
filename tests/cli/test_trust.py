"""init, encrypt, users, sign, check --against, export --archive signed, verify --trusted:
the command-line conventions of trust.md (passwords on standard input, exit codes)."""

import io
import json
import re

import pytest

from desktop.cli import main
from desktop.logic.model import Decision
from desktop.logic.model.keys import fingerprint
from desktop.logic.store import open_database
from tests.conftest import EXAMPLES

LI, WANG = ("Li Ming", "hepatobiliary surgeon"), ("Wang Fang", "medical oncologist")


def run(monkeypatch, db, *argv, stdin=""):
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return main(["--db", str(db), *argv])


@pytest.fixture
def db(tmp_path):
    return tmp_path / "cases.sqlite3"


@pytest.fixture
def encrypted(db, monkeypatch, capsys):
    assert run(monkeypatch, db, "init", "--name", LI[0], "--role", LI[1], "--password-stdin",
               stdin="li-password\n") == 0  # fmt: skip
    capsys.readouterr()
    return db


def as_li(*argv):
    return ("--user", LI[0], "--password-stdin", *argv)


def test_init_creates_an_encrypted_database_with_its_first_account(encrypted, capsys):
    assert not encrypted.read_bytes().startswith(b"SQLite format 3")
    with open_database(encrypted, LI[0], "li-password") as store:
        assert [a.name for a in store.accounts()] == [LI[0]]


def test_users_add_reads_the_members_password_after_the_users(encrypted, monkeypatch, capsys):
    code = run(monkeypatch, encrypted, *as_li("users", "add", "--name", WANG[0], "--role", WANG[1]),
               stdin="li-password\ninitial-pw\n")  # fmt: skip
    assert code == 0
    assert "initial password" in capsys.readouterr().out
    assert run(monkeypatch, encrypted, "--user", WANG[0], "--password-stdin", "users", "list",
               "--json", stdin="initial-pw\n") == 0  # fmt: skip
    listed = json.loads(capsys.readouterr().out)
    assert [sorted(entry) for entry in listed] == [
        ["disabled", "fingerprint", "name", "public_key", "role"]
    ] * 2
    li = listed[0]
    assert li["name"] == LI[0]
    assert li["disabled"] is False
    assert li["fingerprint"] == fingerprint(li["public_key"])
    assert re.fullmatch(r"SHA256:[A-Za-z0-9+/]{43}", li["fingerprint"])
    assert listed[1]["public_key"] is None  # no key until Wang Fang sets her own password


def test_a_wrong_password_exits_4_and_no_password_exits_2(encrypted, monkeypatch, capsys):
    assert run(monkeypatch, encrypted, *as_li("list"), stdin="guess\n") == 4
    assert "Wrong password for Li Ming" in capsys.readouterr().err
    assert run(monkeypatch, encrypted, *as_li("list"), stdin="") == 2
    assert run(monkeypatch, encrypted, "list") == 3
    assert "is encrypted" in capsys.readouterr().err


def test_adding_a_member_needs_someone_signed_in(encrypted, monkeypatch, capsys):
    code = run(monkeypatch, encrypted, "users", "add", "--name", WANG[0], "--role", WANG[1],
               "--password-stdin", stdin="initial-pw\n")  # fmt: skip
    assert code == 3  # the database is encrypted: nothing opens it without a password


def test_first_account_of_a_plain_database_needs_no_user(db, monkeypatch, capsys):
    code = run(monkeypatch, db, "users", "add", "--name", LI[0], "--role", LI[1],
               "--password-stdin", stdin="li-password\n")  # fmt: skip
    assert code == 0
    code = run(monkeypatch, db, "users", "add", "--name", WANG[0], "--role", WANG[1],
               "--password-stdin", stdin="initial-pw\n")  # fmt: skip
    assert code == 4
    assert "needs --user NAME --password-stdin" in capsys.readouterr().err


def test_imports_into_a_database_with_accounts_need_the_user(db, monkeypatch, capsys):
    run(monkeypatch, db, "users", "add", "--name", LI[0], "--role", LI[1], "--password-stdin",
        stdin="li-password\n")  # fmt: skip
    example = str(next(EXAMPLES.glob("*.json")))
    assert run(monkeypatch, db, "import", example) == 4
    assert "sign in first" in capsys.readouterr().err
    assert run(monkeypatch, db, *as_li("import", example), stdin="li-password\n") == 0


def test_check_warns_about_a_plain_database_without_failing(db, monkeypatch, capsys):
    run(monkeypatch, db, "import", str(next(EXAMPLES.glob("*.json"))))
    capsys.readouterr()
    assert run(monkeypatch, db, "check") == 0
    out = capsys.readouterr().out
    assert f"warning: {db}: not encrypted" in out
    assert "ok: no problems found" in out


def test_encrypt_a_plain_database_as_its_first_account(db, monkeypatch, capsys):
    run(monkeypatch, db, "import", *map(str, EXAMPLES.glob("*.json")))
    capsys.readouterr()
    assert run(monkeypatch, db, "encrypt", "--name", LI[0], "--role", LI[1], "--password-stdin",
               stdin="li-password\n") == 0  # fmt: skip
    assert run(monkeypatch, db, *as_li("check"), stdin="li-password\n") == 0
    assert capsys.readouterr().out.splitlines()[-1] == "ok: no problems found"
    assert run(monkeypatch, db, "encrypt", "--name", LI[0], "--role", LI[1], "--password-stdin",
               stdin="li-password\n") == 3  # fmt: skip


def _sealed_case(db):
    with open_database(db, LI[0], "li-password") as store:
        store.add_account(*WANG, "initial-pw")
        store.change_password(WANG[0], "initial-pw", "wang-password")
        store.sign_in(LI[0], "li-password")
        data = json.loads(next(EXAMPLES.glob("advanced-pvtt*.json")).read_text(encoding="utf-8"))
        data["decisions"] = []
        from desktop.logic.model import Case

        stored = store.new_case(Case.model_validate(data))
        draft = Decision.model_validate({
            "meeting_date": "2026-11-25", "status": "draft", "recommendation": "Conversion.",
            "attendees": [{"name": LI[0], "role": LI[1]}, {"name": WANG[0], "role": WANG[1]}],
        })  # fmt: skip
        store.save_draft_decision(stored.case_id, draft, index=None, expected_revision=1)
        store.finalize_decision(
            stored.case_id, 0, signers=[(LI[0], "li-password")], expected_revision=2
        )
        return stored.case_id


def test_sign_adds_the_absent_members_signature(encrypted, monkeypatch, capsys):
    case_id = _sealed_case(encrypted)
    argv = ("--user", WANG[0], "--password-stdin", "sign", case_id)
    assert run(monkeypatch, encrypted, *argv, stdin="li-password\n") == 4
    assert run(monkeypatch, encrypted, *argv, stdin="wang-password\n") == 0
    assert capsys.readouterr().out.strip() == (
        f"{WANG[0]} signed decision record 1 of case {case_id}"
    )
    assert run(monkeypatch, encrypted, "sign", case_id) == 2


def test_exported_archive_is_signed_and_verifies_against_trusted_keys(
    encrypted, monkeypatch, capsys, tmp_path
):
    case_id = _sealed_case(encrypted)
    bundle = tmp_path / "bundle"
    assert run(monkeypatch, encrypted, *as_li("export", case_id, "--archive", str(bundle)),
               stdin="li-password\n") == 0  # fmt: skip
    keys = tmp_path / "keys.json"
    capsys.readouterr()
    run(monkeypatch, encrypted, *as_li("users", "list", "--json"), stdin="li-password\n")
    keys.write_text(capsys.readouterr().out)
    assert main(["verify", str(bundle), "--trusted", str(keys)]) == 0
    out = capsys.readouterr().out
    li = json.loads(keys.read_text())[0]
    assert f"signed by {LI[0]} ({LI[1]}), key {li['fingerprint']}" in out
    assert out.strip().endswith("and case_hash)")
    assert run(monkeypatch, encrypted, *as_li("check", "--against", str(bundle)),
               stdin="li-password\n") == 0  # fmt: skip


def test_the_pdf_names_each_signer_with_their_key_and_who_did_not_sign(
    encrypted, monkeypatch, capsys, tmp_path
):
    from pypdf import PdfReader

    case_id = _sealed_case(encrypted)
    pdf = tmp_path / "summary.pdf"
    assert run(monkeypatch, encrypted, *as_li("export", case_id, "--pdf", str(pdf)),
               stdin="li-password\n") == 0  # fmt: skip
    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    text = re.sub(r"\s+", " ", text)
    with open_database(encrypted, LI[0], "li-password") as store:
        li = store.accounts()[0]
    assert li.name == LI[0]
    assert f"{LI[0]} ({LI[1]}), signed" in text
    assert li.fingerprint[:20] in text.replace(" ", "")
    assert f"{WANG[0]} ({WANG[1]}): present, not signed" in text


def test_users_passwd_refuses_a_wrong_old_password_then_rewraps_both_keys(
    encrypted, monkeypatch, capsys
):
    case_id = _sealed_case(encrypted)
    passwd = ("--user", WANG[0], "--password-stdin", "users", "passwd")
    assert run(monkeypatch, encrypted, *passwd, stdin="guess-word\nwang-new-pw\n") == 4
    assert "Wrong password for Wang Fang" in capsys.readouterr().err
    assert run(monkeypatch, encrypted, *passwd, stdin="wang-password\nwang-new-pw\n") == 0
    assert "password of Wang Fang changed" in capsys.readouterr().out
    sign = ("--user", WANG[0], "--password-stdin", "sign", case_id)
    assert run(monkeypatch, encrypted, *sign, stdin="wang-password\n") == 4
    assert run(monkeypatch, encrypted, "--user", WANG[0], "--password-stdin", "list",
               stdin="wang-password\n") == 4  # fmt: skip
    assert run(monkeypatch, encrypted, *sign, stdin="wang-new-pw\n") == 0


def test_encrypt_names_who_cannot_open_it_and_users_grant_lets_them_in(
    db, monkeypatch, capsys
):
    run(monkeypatch, db, "users", "add", "--name", LI[0], "--role", LI[1], "--password-stdin",
        stdin="li-password\n")  # fmt: skip
    run(monkeypatch, db, *as_li("users", "add", "--name", WANG[0], "--role", WANG[1]),
        stdin="li-password\nwang-initial\n")  # fmt: skip
    capsys.readouterr()
    assert run(monkeypatch, db, *as_li("encrypt"), stdin="li-password\n") == 0
    assert f"cannot open it yet: {WANG[0]}" in capsys.readouterr().out
    as_wang = ("--user", WANG[0], "--password-stdin", "list")
    assert run(monkeypatch, db, *as_wang, stdin="wang-initial\n") == 4
    assert run(monkeypatch, db, *as_li("check"), stdin="li-password\n") == 0
    assert f"{WANG[0]} cannot open it yet" in capsys.readouterr().out
    grant = as_li("users", "grant", WANG[0])
    assert run(monkeypatch, db, *grant, stdin="li-password\nnot-hers\n") == 4
    assert run(monkeypatch, db, *grant, stdin="li-password\nwang-initial\n") == 0
    assert capsys.readouterr().out.strip() == (
        f"{WANG[0]} can now open the encrypted database with their own password"
    )
    assert run(monkeypatch, db, *as_wang, stdin="wang-initial\n") == 0


def test_without_accounts_nobody_signs_and_the_pdf_says_the_names_prove_nothing(
    db, monkeypatch, capsys, tmp_path
):
    from pypdf import PdfReader

    from desktop.logic.model import Signature
    from desktop.logic.store import Store, User
    from tests.factories import make_case

    with Store.open(db, user=User(*LI)) as store:
        stored = store.new_case(make_case())
        draft = Decision.model_validate({
            "meeting_date": "2026-11-25", "status": "draft", "recommendation": "Conversion.",
            "attendees": [{"name": LI[0], "role": LI[1]}, {"name": WANG[0], "role": WANG[1]}],
        })  # fmt: skip
        store.save_draft_decision(stored.case_id, draft, index=None, expected_revision=1)
        typed = [Signature(name=LI[0], role=LI[1], at="2026-11-25T10:00:00")]
        store.finalize_decision(stored.case_id, 0, signed_by=typed, expected_revision=2)
    assert run(monkeypatch, db, *as_li("sign", stored.case_id), stdin="li-password\n") == 4
    assert f"no account named {LI[0]}" in capsys.readouterr().err
    pdf = tmp_path / "summary.pdf"
    assert run(monkeypatch, db, "export", stored.case_id, "--pdf", str(pdf)) == 0
    text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in PdfReader(pdf).pages))
    assert f"{LI[0]} ({LI[1]}), 2026-11-25 10:00:00: named, not signed (sealed in a" in text
    assert "nothing proves who signed" in text
    assert f"{WANG[0]} ({WANG[1]}): present, not signed" in text
