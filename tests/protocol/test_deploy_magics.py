"""Deployment magics in the real kernel: a registry in the journal, a real HTTP endpoint, shadow, monitoring."""
import json
import re
import urllib.error
import urllib.request

import pytest

from conftest import Kernel

# Ad traffic with a known change: from day 7 on, bids run higher and a high bid means fewer clicks.
SETUP = """
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
Table days(int first, int last, int perDay, int flipDay, long seed) {
    Random r = new Random(seed);
    int n = (last - first + 1) * perDay;
    int[] day = new int[n], slot = new int[n], clicked = new int[n];
    double[] bid = new double[n], cpc = new double[n];
    String[] device = new String[n];
    String[] devices = {"desktop", "mobile", "tablet"};
    for (int i = 0; i < n; i++) {
        day[i] = first + i / perDay;
        boolean flipped = day[i] >= flipDay;
        bid[i] = (flipped ? 8 : 5) + 2 * r.nextGaussian();
        slot[i] = 1 + r.nextInt(3);
        device[i] = devices[r.nextInt(3)];
        double logit = (flipped ? -1.5 : 1.5) * (bid[i] - (flipped ? 8 : 5)) + (slot[i] == 1 ? 0.8 : -0.4);
        clicked[i] = r.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
        cpc[i] = 0.2 + 0.05 * slot[i];
    }
    return Table.create("traffic", IntColumn.create("day", day), DoubleColumn.create("bid", bid),
            IntColumn.create("slot", slot), StringColumn.create("device", device), DoubleColumn.create("cpc", cpc),
            IntColumn.create("clicked", clicked));
}
FeatureOptions options = FeatureOptions.of("clicked", List.of("bid"), List.of("slot", "device"));
Table train = days(1, 3, 800, 7, 1);
Table traffic = days(4, 10, 800, 7, 2);
ServingModel model = ServingModel.train(train, options, new LogisticRegressionTrainer());
ServingModel candidate = ServingModel.train(days(7, 9, 800, 7, 3), options, new LogisticRegressionTrainer());
"""


@pytest.fixture(scope="module")
def nb(tmp_path_factory):
    folder = tmp_path_factory.mktemp("deploy")
    k = Kernel(MLCYCLE_HISTORY=str(folder / "history.jsonl"), MLCYCLE_JOURNAL=str(folder / "journal.sqlite"))
    setup = k.run(SETUP, timeout=120)
    assert setup.status == "ok", setup.reply
    registered = k.run("%deploy register ads model train --metric roc_auc=0.81 --note first")
    assert registered.status == "ok", registered.reply
    yield k
    k.run("%serve --stop")
    k.shutdown()


def ok(cell):
    assert cell.status == "ok", cell.reply
    return cell


def usage_error(cell):
    assert cell.status == "error"
    assert "\n" not in cell.reply["evalue"], cell.reply["evalue"]
    return cell.reply["evalue"]


def post(url, body):
    request = urllib.request.Request(url + "/predict", data=body.encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read())


def test_stage_moves_are_recorded_and_a_version_loads_back_by_stage(nb):
    ok(nb.run("%deploy register ads candidate train --note second"))
    ok(nb.run("%deploy promote ads@1 production --note launch"))
    moved = ok(nb.run("%deploy promote ads@2 production"))

    assert "ads@1" in moved.result["text/html"] and "production -&gt; archived" in moved.result["text/html"]
    ok(nb.run("%deploy load ads@production --as live"))
    assert nb.run("live.version()").text == "2"
    assert "in production: ads@2" in ok(nb.run("%deploy")).text
    ok(nb.run('%deploy promote ads@1 production --note "roll back"'))


def test_serve_answers_over_real_http_identically_to_the_notebook(nb):
    served = ok(nb.run("%serve ads@1"))
    assert "serving ads@1 on http://127.0.0.1:" in served.text
    ok(nb.run("ScoringServer server = %serve"))
    url = re.search(r"http://127\.0\.0\.1:\d+", served.text).group(0)

    ok(nb.run("%deploy load ads@1 --as served"))
    parity = ok(nb.run("Parity.check(served, traffic, ScoringClient.connect(server.url()), 50)"))
    assert "IDENTICAL" in parity.text, parity.text

    with urllib.request.urlopen(url + "/health", timeout=10) as health:
        assert json.loads(health.read())["version"] == 1
    status, body = post(url, '{"bid": 5.0, "slot": 1, "device": "mobile"}')
    assert status == 200 and body["version"] == 1 and set(body["predictions"][0]) == {"prediction", "p_0", "p_1"}
    status, body = post(url, '{"bid": "high", "slot": 1, "device": "mobile"}')
    assert status == 400 and "field 'bid' must be a number" in body["error"]
    status, body = post(url, '{"bid": 5.0, "slot": 1}')
    assert status == 400 and "field 'device' is missing" in body["error"]
    status, body = post(url, '[{"bid": 5.0, "slot": 1, "device": "mobile"')
    assert status == 400 and "malformed JSON" in body["error"]
    assert post(url, '{"bid": 5.0, "slot": 2, "device": "tablet"}')[0] == 200

    assert "3 rejected" in ok(nb.run("%serve")).text
    assert "stopped ads@1" in ok(nb.run("%serve --stop")).text
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(url + "/health", timeout=5)


def test_shadow_compares_production_with_a_candidate_variable(nb):
    shown = ok(nb.run("%shadow ads@1 candidate traffic --clicked clicked --cost cpc"))

    assert "same decision on" in shown.text and "revenue" in shown.text
    assert "<img" in shown.result["text/html"]


def test_monitor_raises_the_alert_on_the_changed_day_and_journals_it(nb):
    report = ok(nb.run("%monitor ads@1 traffic --by day --alert roc_auc<0.65 --retrain 3 --clicked clicked --cost cpc"))

    assert "first in day 7" in report.text, report.text
    assert "retrain on day 8 to day 10" in report.text
    assert "<img" in report.result["text/html"]
    assert "monitor" in ok(nb.run("%journal --last 5")).text


def test_misuse_is_one_line_and_the_kernel_lives_on(nb):
    assert "missing --by TIME" in usage_error(nb.run("%monitor ads@1 traffic"))
    assert "--alert needs METRIC<LEVEL" in usage_error(nb.run("%monitor ads@1 traffic --by day --alert auc"))
    assert "registered: ads@1" in usage_error(nb.run("%serve ads@shadow"))
    assert "staging, production, shadow, archived" in usage_error(nb.run("%deploy promote ads@1 live"))
    assert "'train' is Table, not a ServingModel" in usage_error(nb.run("%shadow ads@1 train traffic"))
    assert nb.run("1 + 1").text == "2"
