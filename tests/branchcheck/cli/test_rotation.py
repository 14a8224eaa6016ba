"""`branchcheck staff post …` and `branchcheck rotation`: JSON out, the sweep run first."""

import json

from branchcheck.cli import main


def run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_posts_through_the_command_line(people_store, capsys):
    code, out, _ = run(
        capsys,
        "staff",
        "post",
        "add",
        "E007",
        "atm_loader",
        "--from",
        "2020-01-06",
        "--route",
        "R1",
        "--as",
        "E001",
        "--password-env",
        "SIGNIN_PW",
        "--json",
    )
    assert code == 0
    assert json.loads(out)["route"] == "R1"
    run(
        capsys,
        "staff",
        "post",
        "add",
        "E007",
        "atm_loader",
        "--from",
        "2020-04-01",
        "--route",
        "R2",
        "--as",
        "E001",
        "--password-env",
        "SIGNIN_PW",
    )
    code, out, _ = run(capsys, "staff", "post", "list", "E007", "--json")
    rows = json.loads(out)
    assert [(r["route"], r["from_date"], r["to_date"]) for r in rows] == [
        ("R1", "2020-01-06", "2020-03-31"),
        ("R2", "2020-04-01", None),
    ]
    code, out, _ = run(capsys, "staff", "post", "list")
    assert "赵磊" not in out and "孙丽" in out and "线路 R2" in out
    code, out, _ = run(
        capsys,
        "staff",
        "post",
        "end",
        "E007",
        "atm_loader",
        "--to",
        "2020-05-31",
        "--as",
        "E001",
        "--password-env",
        "SIGNIN_PW",
    )
    assert code == 0 and "2020-04-01 至 2020-05-31" in out


def test_a_refused_post_says_why(people_store, capsys):
    code, _, err = run(
        capsys,
        "staff",
        "post",
        "add",
        "E003",
        "cashier",
        "--from",
        "2020-01-01",
        "--as",
        "E001",
        "--password-env",
        "SIGNIN_PW",
    )
    assert code != 0 and "unknown 'cashier'" in err
    code, _, err = run(
        capsys,
        "staff",
        "post",
        "add",
        "E003",
        "vault_keeper",
        "--from",
        "2020-13-01",
        "--as",
        "E001",
        "--password-env",
        "SIGNIN_PW",
    )
    assert code != 0 and "--from: '2020-13-01' is not a date" in err


def test_rotation_sweeps_then_lists(people_store, capsys):
    run(
        capsys,
        "staff",
        "post",
        "add",
        "E003",
        "vault_keeper",
        "--from",
        "2020-03-02",
        "--as",
        "E001",
        "--password-env",
        "SIGNIN_PW",
    )
    code, out, _ = run(capsys, "rotation", "--as-of", "2023-03-10", "--json")
    [r] = json.loads(out)
    assert (r["status"], r["finding_id"]) == ("reminder", None)
    code, out, err = run(capsys, "rotation", "--as-of", "2023-04-20", "--json")
    [r] = json.loads(out)
    assert r["status"] == "overdue" and r["finding_id"]
    assert "new findings: 1" in err
    code, out, err = run(capsys, "rotation", "--as-of", "2023-04-20")
    assert "逾期" in out and r["finding_id"][:8] in out and err == ""
    code, out, _ = run(capsys, "rotation", "--as-of", "2020-05-01")
    assert "no post or route is due" in out
