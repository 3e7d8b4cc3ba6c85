"""The Spark module in the real kernel: `./mlcycle install --with-spark`, then %spark and the quality,
drift and journal magics on a Spark Dataset, through a real Jupyter client. Marked `spark` (heavy)."""
import os
import pathlib
import subprocess
import sys

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
from conftest import Kernel  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[2]
NAME = "mlcycle-spark-test"

pytestmark = pytest.mark.spark


@pytest.fixture(scope="module")
def kernel(tmp_path_factory):
    subprocess.run([str(ROOT / "mlcycle"), "install", "--user", "--with-spark", "--name", NAME],
                   check=True, stdout=subprocess.DEVNULL)
    work = tmp_path_factory.mktemp("spark")
    k = Kernel.__new__(Kernel)
    from jupyter_client.manager import start_new_kernel
    k.km, k.kc = start_new_kernel(kernel_name=NAME, startup_timeout=90, cwd=str(work),
                                  env=dict(os.environ, MLCYCLE_HISTORY=str(work / "h.jsonl")))
    yield k
    k.shutdown()
    k.km.shutdown_kernel(now=True)


def ok(cell):
    assert cell.status == "ok", cell.reply.get("evalue", "") + cell.stderr
    return cell


def test_spark_starts_a_quiet_local_session_and_the_magics_take_a_dataset(kernel):
    started = ok(kernel.run("%spark local[2]", timeout=180))
    assert "started: local[2], 2 cores, UI off" in started.text
    assert "INFO" not in started.stderr, started.stderr
    assert "%spark" in ok(kernel.run("%lsmagic")).text

    ok(kernel.run("""
Path file = Files.createTempFile("ads", ".csv");
AdWorld.standard().candidates(Source.RANDOM, Period.TWO_MONTHS_AGO, 4000).write().csv(file.toFile());
Table table = Table.read().csv(file.toFile());
Dataset<org.apache.spark.sql.Row> ads = spark.read().option("header", "true").option("inferSchema", "true")
        .csv(file.toString());
Path file2 = Files.createTempFile("ads", ".csv");
AdWorld.standard().candidates(Source.TARGETED, Period.YESTERDAY, 3000).write().csv(file2.toFile());
Dataset<org.apache.spark.sql.Row> recent = spark.read().option("header", "true").option("inferSchema", "true")
        .csv(file2.toString());
""", timeout=180))

    profile = ok(kernel.run("%profile ads", timeout=180))
    assert profile.text.startswith("profile 'ads': 4000 rows x 10 columns"), profile.text
    assert "text/html" in profile.result

    checks = ok(kernel.run("%%checks ads\nrows > 100\nkw_match not null\ntext_sim between 0 and 0.5", timeout=180))
    on_table = ok(kernel.run("%%checks table\nrows > 100\nkw_match not null\ntext_sim between 0 and 0.5", timeout=180))
    assert checks.text.replace("'ads'", "'table'").split("\n")[1:] == on_table.text.split("\n")[1:]

    bad = kernel.run("%%checks ads\nclicks >= 1", timeout=60)
    assert bad.status == "error" and "no column 'clicks' in table 'ads'" in bad.reply["evalue"]

    drift = ok(kernel.run("%drift ads recent --ignore row_id,user_id,query_id,ad_id", timeout=240))
    assert "ads" in drift.text and "recent" in drift.text, drift.text

    mixed = kernel.run("%drift table recent", timeout=60)
    assert mixed.status == "error" and "compare two of the same kind" in mixed.reply["evalue"]

    snap = ok(kernel.run("%snapshot ads as log", timeout=180))
    same = ok(kernel.run("%snapshot table as log", timeout=60))
    assert snap.text.startswith("log@1") and "4,000 rows" in snap.text, snap.text
    assert same.text.startswith("log@1"), "the same file hashed on Spark and as a table is one version"


def test_the_spark_appendix_runs_lesson_7s_drift_check(kernel, tmp_path):
    """lessons/appendix-spark-drift.ipynb at its default size (1M rows a period), as `./mlcycle lessons --with-spark` runs it."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(ROOT / "lessons" / "appendix-spark-drift.ipynb", as_version=4)
    NotebookClient(nb, kernel_name=NAME, timeout=600, allow_errors=False,
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    text = "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs)
    facts = {k: v for c in nb.cells if c.cell_type == "code" for o in c.outputs
             if o.output_type == "display_data" for k, v in o.data.get("application/vnd.mlcycle.facts+json", {}).items()}
    assert "two months ago: 1000000 rows; yesterday: 1000000 rows" in text
    moved = text.split("columns that moved: ")[1].split("\n")[0]
    for column in ("device", "age", "query_category"):
        assert column in moved, moved
    assert facts["spark_drifted_columns"] == moved.count(",") + 1
