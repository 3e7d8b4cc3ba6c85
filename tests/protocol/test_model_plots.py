"""Model-quality plots through the real kernel: %evaluate --plots and %curves show their charts as PNG."""
import base64
import re

import pytest

from conftest import Kernel

TRAIN = """
int n = 200;
double[] score = new double[n];
double[] coin = new double[n];
int[] clicked = new int[n];
for (int i = 0; i < n; i++) {
    score[i] = -3 + 6.0 * i / (n - 1); clicked[i] = score[i] > 0 ? 1 : 0; coin[i] = (i * 37 % 100) / 100.0;
}
clicked[0] = 1; clicked[n - 1] = 0;
Table test = Table.create("test", DoubleColumn.create("score", score), IntColumn.create("clicked", clicked),
        DoubleColumn.create("coin", coin));
var model = ServingModel.train(test, FeatureOptions.of("clicked", List.of("score"), List.of()),
        new org.tribuo.classification.sgd.linear.LogisticRegressionTrainer());
"""

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def nb(tmp_path_factory):
    folder = tmp_path_factory.mktemp("notebook")
    k = Kernel(MLCYCLE_HISTORY=str(folder / "history.jsonl"), MLCYCLE_JOURNAL=str(folder / "journal.sqlite"))
    assert k.run(TRAIN).status == "ok"
    yield k
    k.shutdown()


def pngs(html):
    """The inline PNG pictures of an HTML fragment, decoded."""
    return [base64.b64decode(b) for b in re.findall(r'src="data:image/png;base64,([A-Za-z0-9+/=]+)"', html)]


def test_evaluate_plots_shows_every_chart_as_a_png(nb):
    cell = nb.run("%evaluate model test --plots")

    assert cell.status == "ok", cell.reply
    pictures = pngs(cell.result["text/html"])
    # ROC, precision-recall, reliability, bin counts, gains, confusion
    assert len(pictures) == 6
    assert all(p.startswith(PNG) for p in pictures)
    assert cell.text.startswith("model plots of 'model' on 200 rows, 100 positives (base rate 0.5000)")


def test_curves_compares_a_model_with_a_scored_column(nb):
    cell = nb.run("%curves test model coin")

    assert cell.status == "ok", cell.reply
    assert cell.text.startswith("2 models on 200 rows"), cell.text
    assert "best ROC-AUC 'model'" in cell.text
    assert len(pngs(cell.result["text/html"])) == 7  # one confusion matrix per model


def test_a_kept_plot_draws_one_chart_as_image_png(nb):
    assert nb.run("ModelPlots plots = %curves test model coin").status == "ok"

    roc = nb.run("plots.roc().chart()")

    assert roc.status == "ok", roc.reply
    assert base64.b64decode(roc.result["image/png"]).startswith(PNG)
    assert nb.run("plots.roc().chart().getSeriesMap().size()").text == "3"  # chance line and two models


def test_curves_without_a_label_is_a_one_line_usage_error(nb):
    cell = nb.run("%curves test coin")

    assert cell.status == "error"
    assert "--label LABEL is needed" in cell.reply["evalue"]
    assert "\n" not in cell.reply["evalue"]
    assert nb.run("1 + 1").text == "2"
