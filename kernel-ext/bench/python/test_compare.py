"""compare.py passes equal results and names each value that differs (pytest, Debian's python)."""
import json

import compare

PROFILE = {"task": "profile", "read_s": 1.0, "compute": {"min_s": 2.0},
           "result": {"rows": 3, "column": {"bid": {"mean": 0.1 + 0.2, "hist20": [1, 2], "top10": [["a", 2]]}}}}
DRIFT = {"task": "drift", "result": {"columns": {"bid": {"psi": 0.25, "ks_p": 0.03138, "drifted_by": ["psi>0.2"]}}}}


def write(path, *records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    return str(path)


def test_equal_results_pass_within_tolerances(tmp_path, capsys):
    java = json.loads(json.dumps(DRIFT))
    java["result"]["columns"]["bid"]["ks_p"] = 0.0314203  # asymptotic p-values: 5e-3 relative
    python_side = json.loads(json.dumps(PROFILE))
    python_side["result"]["column"]["bid"]["mean"] = 0.3  # 0.1 + 0.2 within 1e-9
    rc = compare.main([write(tmp_path / "j", PROFILE, java), write(tmp_path / "p", python_side, DRIFT)])
    out = capsys.readouterr().out
    assert rc == 0, out
    assert "profile: 6 values compared, same" in out


def test_each_difference_is_named_and_fails(tmp_path, capsys):
    other = json.loads(json.dumps(PROFILE))
    other["result"]["column"]["bid"]["hist20"][1] = 3
    other["result"]["column"]["bid"]["mean"] = 0.31
    rc = compare.main([write(tmp_path / "j", PROFILE), write(tmp_path / "p", other)])
    out = capsys.readouterr().out
    assert rc == 1
    assert "DIFFERS profile.column.bid.hist20[1]: java 2, python 3 (must be equal)" in out
    assert "DIFFERS profile.column.bid.mean" in out


def test_a_column_missing_on_one_side_fails(tmp_path, capsys):
    other = json.loads(json.dumps(DRIFT))
    other["result"]["columns"]["device"] = {"psi": 0.0}
    assert compare.main([write(tmp_path / "j", DRIFT), write(tmp_path / "p", other)]) == 1
    assert "drift.columns.device: only on the python side" in capsys.readouterr().out
