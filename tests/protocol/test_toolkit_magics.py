"""The toolkit's magics in the real kernel: reports shown as HTML, the journal on disk, one-line errors."""
import pytest

from conftest import Kernel

ADS = """
Table ads = Table.create("ads",
        StringColumn.create("device", "mobile", "desktop", "mobile", "tablet", "mobile", "desktop"),
        DoubleColumn.create("bid", 1.0, 2.0, 3.0, 4.0, 5.0, 6.0));
Table later = Table.create("later",
        StringColumn.create("device", "mobile", "smart-tv", "mobile", "mobile", "mobile", "smart-tv"),
        DoubleColumn.create("bid", 31.0, 32.0, 33.0, 34.0, 35.0, 36.0));
String ads2 = "ads.csv";
"""


@pytest.fixture(scope="module")
def nb(tmp_path_factory):
    folder = tmp_path_factory.mktemp("notebook")
    k = Kernel(MLCYCLE_HISTORY=str(folder / "history.jsonl"), MLCYCLE_JOURNAL=str(folder / "journal.sqlite"))
    assert k.run(ADS).status == "ok"
    k.folder = folder
    yield k
    k.shutdown()


def html(cell):
    assert cell.status == "ok", cell.reply
    return cell.result["text/html"]


def one_line_usage_error(cell):
    assert cell.status == "error"
    assert cell.reply["ename"] == "UsageError", cell.reply
    assert "\n" not in cell.reply["evalue"], cell.reply["evalue"]
    return cell.reply["evalue"]


def test_profile_shows_each_column_of_a_notebook_table(nb):
    shown = html(nb.run("%profile ads"))

    assert "device" in shown and "bid" in shown
    assert "6 rows" in nb.run("%profile ads").text


def test_a_magic_value_can_be_kept_in_a_variable(nb):
    assert nb.run("ProfileReport p = %profile ads --bins 4").status == "ok"

    assert nb.run("p.options().bins()").text == "4"
    assert nb.run("p.column(\"bid\").max()").text == "6.0"


def test_schema_of_a_batch_names_the_unseen_category(nb):
    shown = html(nb.run("%schema ads later"))

    assert "smart-tv" in shown


def test_checks_kept_in_a_variable_run_on_a_table(nb):
    assert nb.run('Checks bids = Checks.named("bids").isBetween("bid", 0, 5);').status == "ok"

    shown = html(nb.run("%checks ads bids"))

    assert "isBetween(bid, 0, 5)" in shown
    assert nb.run("%checks ads bids").text.startswith("checks 'bids'")


def test_checks_cell_runs_a_text_spec_and_names_a_bad_line(nb):
    cell = nb.run("%%checks ads bids\n# bids of the ad batch\ndevice not null\nbid between 0 and 5\nrows >= 6\n")
    bad = nb.run("%%checks ads\ndevice not null\nprice >= 0")

    assert "isBetween(bid, 0, 5)" in html(cell)
    assert cell.text.startswith("checks 'bids'"), cell.text
    assert bad.status == "error"
    assert "line 2: no column 'price' in table 'ads'" in bad.reply["evalue"], bad.reply["evalue"]
    assert "\n" not in bad.reply["evalue"]
    assert nb.run("Checks.parse(\"bid >= 0\\nrows > 5\").toString()").text == "bid >= 0\nrows >= 6"


def test_drift_flags_the_moved_column(nb):
    assert nb.run("DriftReport d = %drift ads later").status == "ok"

    assert nb.run("d.column(\"bid\").drifted()").text == "true"
    assert "bid" in html(nb.run("%drift ads later --bins 4"))


def test_drift_windows_compare_each_day_with_the_reference(nb):
    assert nb.run("""
java.time.LocalDate first = java.time.LocalDate.of(2024, 3, 1);
Table days = Table.create("days",
        DateColumn.create("day", first, first, first, first.plusDays(1), first.plusDays(1), first.plusDays(1)),
        DoubleColumn.create("bid", 1.0, 2.0, 3.0, 31.0, 32.0, 33.0));
""").status == "ok"

    assert nb.run("DriftWindows w = %drift_windows ads days day 1d").status == "ok"

    assert nb.run("w.windows().size()").text == "2"
    assert "2024-03-02" in html(nb.run("%drift ads days --by day"))


def test_agreement_of_two_labelers(nb):
    assert nb.run("""
Table labels = Table.create("labels", StringColumn.create("ann", "x", "x", "y", "y"),
        StringColumn.create("bob", "x", "y", "y", "y"));
""").status == "ok"

    assert nb.run("AgreementReport agree = %agreement labels ann bob").status == "ok"

    assert nb.run("agree.kappa()").text == "0.5"


def test_a_variable_of_another_type_gets_one_line_naming_it(nb):
    evalue = one_line_usage_error(nb.run("%drift ads ads2"))

    assert evalue.startswith("%drift: 'ads2' is String, not a Tablesaw Table")


def test_an_unknown_variable_gets_one_line_naming_it(nb):
    evalue = one_line_usage_error(nb.run("%profile tabel"))

    assert evalue.startswith("%profile: no variable 'tabel' in the notebook")


def test_a_magic_without_its_arguments_prints_its_usage(nb):
    evalue = one_line_usage_error(nb.run("%drift ads"))

    assert evalue.startswith("%drift: missing CUR; usage: %drift REF CUR")


def test_the_kernel_lives_on_after_a_magic_fails(nb):
    one_line_usage_error(nb.run("%profile nothing_here"))

    assert nb.run("ads.rowCount()").text == "6"


def test_imbalance_and_metrics_of_a_scored_table(nb):
    assert nb.run("""
Table scored = Table.create("scored", IntColumn.create("clicked", 1, 0, 1, 0, 0, 0, 0, 0, 0, 0),
        DoubleColumn.create("p", 0.9, 0.2, 0.4, 0.6, 0.1, 0.1, 0.2, 0.3, 0.1, 0.2));
""").status == "ok"

    imbalance = nb.run("%imbalance scored clicked")
    assert "rarest class" in html(imbalance)
    assert "'1'" in imbalance.text
    assert nb.run("ClassificationReport m = %metrics scored clicked p --threshold 0.35").status == "ok"
    assert nb.run("m.confusion().tp() + \" \" + m.confusion().fp()").text == "2 1"
    assert "usage: %metrics TABLE LABEL PROBABILITY" in one_line_usage_error(nb.run("%metrics scored clicked"))


def test_label_issues_and_evaluate_on_a_model_trained_in_the_notebook(nb):
    # the click is "score above 0", except rows 0 and 199: their labels are flipped at the far ends
    assert nb.run("""
int n = 200;
double[] score = new double[n];
int[] clicked = new int[n];
for (int i = 0; i < n; i++) { score[i] = -3 + 6.0 * i / (n - 1); clicked[i] = score[i] > 0 ? 1 : 0; }
clicked[0] = 1; clicked[n - 1] = 0;
Table train = Table.create("train", DoubleColumn.create("score", score), IntColumn.create("clicked", clicked));
var model = ServingModel.train(train, FeatureOptions.of("clicked", List.of("score"), List.of()),
        new org.tribuo.classification.sgd.linear.LogisticRegressionTrainer());
""").status == "ok"

    assert nb.run("LabelIssueReport issues = %label_issues train clicked --numeric score").status == "ok"
    flagged = nb.run("java.util.Arrays.toString(issues.flaggedRows())").text
    evaluated = nb.run("%evaluate model train")

    assert "0" in flagged.strip("[]").split(", ") and "199" in flagged.strip("[]").split(", "), flagged
    assert evaluated.text.startswith("metrics: ROC-AUC 0.9")
    assert "ROC-AUC" in html(evaluated)


def test_stages_recorded_in_the_journal_draw_the_path(nb):
    assert nb.run("%stage scoping").status == "ok"
    data = nb.run("%stage data collect impressions")
    assert nb.run("%stage development").status == "ok"
    back = nb.run("%stage data relabel")
    lifecycle = nb.run("%lifecycle")

    assert "scoping → data" in data.text
    assert "scoping → data → development ↺ data" in back.text
    assert lifecycle.status == "ok"
    assert "image/png" in lifecycle.result
    assert (nb.folder / "journal.sqlite").exists()


def test_a_snapshot_comes_back_with_restore(nb):
    assert nb.run("%snapshot ads as clicks").status == "ok"
    assert nb.run("%restore clicks@1 as again").status == "ok"

    assert nb.run("again.rowCount() + \" \" + again.column(\"bid\").name()").text == "6 bid"


def test_snapshot_of_a_string_names_it_in_one_line(nb):
    evalue = one_line_usage_error(nb.run("%snapshot ads2"))

    assert "'ads2'" in evalue and "not a Tablesaw Table" in evalue


def test_datasets_lists_the_shipped_datasets_and_shows_a_datasheet(kernel):
    listing = kernel.run("%datasets")
    assert listing.status == "ok", listing.reply
    assert "ads/targeted-yesterday" in listing.result["text/html"]
    sheet = kernel.run("%datasets ads/random-yesterday")
    assert sheet.status == "ok" and "text_sim" in sheet.result["text/plain"]
    bad = kernel.run("%datasets ads/nothing")
    assert bad.reply["ename"] == "UsageError" and "ads/nothing" in bad.reply["evalue"]


def test_objectives_runs_lineage_and_the_journal_itself(nb):
    first = nb.run("%objective impressions")
    assert first.status == "ok", first.reply
    pivot = nb.run("%%objective\nmetric: click-through rate\nconstraints: latency under 50 ms")
    assert pivot.status == "ok", pivot.reply
    assert "pivot" in (pivot.text or "").lower(), pivot.text

    assert nb.run("%snapshot ads as training").status == "ok"
    assert nb.run("double rate = 0.05; double auc = 0.81;").status == "ok"
    run1 = nb.run("%track baseline --params rate --metrics auc --data training")
    assert run1.status == "ok", run1.reply
    assert nb.run("rate = 0.02; auc = 0.84;").status == "ok"
    assert nb.run("%track smaller-rate --params rate --metrics auc --data training").status == "ok"

    compared = nb.run("%runs")
    assert compared.status == "ok", compared.reply
    table = "".join(d["data"].get("text/html", "") for d in compared.of("display_data"))
    assert "baseline" in table and "smaller-rate" in table and "0.84" in table
    assert "image/png" in compared.result  # the metrics of each run as a chart
    lineage = nb.run("%lineage training")
    assert lineage.status == "ok", lineage.reply
    assert "baseline" in (lineage.text or "")
    recent = nb.run("%journal --last 3")
    assert recent.status == "ok", recent.reply

    export = nb.folder / "journal-export.json"
    assert nb.run(f"%journal export {export}").status == "ok"
    assert "smaller-rate" in export.read_text()

    assert one_line_usage_error(nb.run("%stage lunch")).count("scoping") >= 1


def test_read_defines_the_table_and_shows_bad_rows_by_line(nb):
    csv = nb.folder / "clicks.csv"
    csv.write_text("ad_id,clicks\n1,3\n2,4\n3\n")

    shown = html(nb.run("%read clicks " + str(csv)))

    assert "2 rows read, 1 quarantined" in shown
    assert "expected 2 fields, found 1" in shown and "<td>4</td>" in shown
    assert nb.run("clicks.rowCount()").text == "2"
    assert nb.run('Data.read("%s").quarantine().rejectedCount()' % csv).text == "1"


def test_read_refuses_a_gzip_file_named_csv_in_one_line(nb):
    import gzip
    fake = nb.folder / "ads.csv"
    fake.write_bytes(gzip.compress(b"ad_id,bid\n1,0.5\n"))

    cell = nb.run("%read ads3 " + str(fake))

    assert cell.status == "error"
    assert "'ads.csv' is not CSV text: it looks like gzip" in cell.reply["evalue"], cell.reply["evalue"]
    assert "\n" not in cell.reply["evalue"]
