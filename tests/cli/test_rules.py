"""The department's rules file kept in the database: chosen once, used by every command."""

import json

import pikepdf

from desktop.cli import main
from desktop.logic.model.rules import default_rules
from desktop.logic.store.database import Store, User
from desktop.logic.store.rules import RULES_SETTING
from tests.conftest import EXAMPLES, REPO

CASE = EXAMPLES / "advanced-pvtt-conversion.json"  # lenvatinib given: its washout sets the date


def department_file(tmp_path, version="hbs-2026.2", washout_days=28):
    data = json.loads((REPO / "resources" / "rules.json").read_text(encoding="utf-8"))
    data["version"] = version
    data["title"] = "Hepatobiliary surgery, our rules"
    data["rules"]["washout.lenvatinib_days"]["value"] = washout_days
    path = tmp_path / f"{version}.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def evaluation(capsys, db, *options):
    capsys.readouterr()
    assert main(["--db", str(db), "evaluate", *options, str(CASE)]) == 0
    return json.loads(capsys.readouterr().out)


def test_without_a_database_the_shipped_rules_are_used_and_nothing_is_created(db, capsys):
    assert main(["--db", str(db), "rules"]) == 0
    assert f"rules {default_rules().version}" in capsys.readouterr().out
    assert evaluation(capsys, db)["rules_version"] == default_rules().version
    assert not db.exists()


def test_the_chosen_file_is_used_by_evaluate_until_the_shipped_one_is_chosen_again(
    db, tmp_path, capsys
):
    shipped = evaluation(capsys, db)
    assert main(["--db", str(db), "rules", "--use", str(department_file(tmp_path))]) == 0
    assert "hbs-2026.2" in capsys.readouterr().out
    ours = evaluation(capsys, db)
    assert ours["rules_version"] == "hbs-2026.2"
    assert ours["surgery"]["earliest_date"] > shipped["surgery"]["earliest_date"]  # 28 vs 7 days
    override = REPO / "resources" / "rules.json"
    overridden = evaluation(capsys, db, "--rules", str(override))
    assert overridden["rules_version"] == default_rules().version
    assert main(["--db", str(db), "rules", "--shipped"]) == 0
    assert evaluation(capsys, db) == shipped


def test_an_unusable_file_is_refused_and_the_kept_one_stays(db, tmp_path, capsys):
    main(["--db", str(db), "rules", "--use", str(department_file(tmp_path))])
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "hcc-mdt-rules/1", "version": "x", "rules": {}}')
    assert main(["--db", str(db), "rules", "--use", str(broken)]) == 2
    assert "rules missing from this file" in capsys.readouterr().err
    assert evaluation(capsys, db)["rules_version"] == "hbs-2026.2"


def test_a_kept_copy_a_newer_planner_cannot_use_is_refused_with_the_reason(db, tmp_path, capsys):
    with Store.open(db, user=User("Li Ming", "surgeon")) as store:
        store.set_setting(RULES_SETTING, {"format": "hcc-mdt-rules/1", "version": "old",
                                          "rules": {}})  # fmt: skip
    capsys.readouterr()
    assert main(["--db", str(db), "evaluate", str(CASE)]) == 2
    assert "the department's rules file kept in" in capsys.readouterr().err
    override = REPO / "resources" / "rules.json"
    assert main(["--db", str(db), "evaluate", "--rules", str(override), str(CASE)]) == 0


def test_pack_and_export_print_the_departments_rules_version(db, tmp_path, capsys):
    assert main(["--db", str(db), "import", str(CASE)]) == 0
    case_id = capsys.readouterr().out.split("\t")[0]
    main(["--db", str(db), "rules", "--use", str(department_file(tmp_path))])
    pdf, pack = tmp_path / "summary.pdf", tmp_path / "pack.pdf"
    assert main(["--db", str(db), "export", case_id, "--pdf", str(pdf)]) == 0
    assert main(["--db", str(db), "pack", case_id, "--pdf", str(pack)]) == 0
    for path in (pdf, pack):
        with pikepdf.open(path) as document:
            assert "rules=hbs-2026.2" in str(document.docinfo["/Keywords"])
