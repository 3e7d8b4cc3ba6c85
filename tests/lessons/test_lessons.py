"""Executes every lesson with nbclient on the course kernel and checks that the story happens.

Each lesson records what it measured with `Facts.record(key, value)`: a display of the course's own
MIME type (application/vnd.mlcycle.facts+json) that neither Jupyter nor nbconvert's HTML draws, so
the reader never sees it. The assertions below pin the story to those values. The lessons run in
order, in a copy of the repository's lessons/ and datasets/ folders, so they share one fresh
journal exactly as a learner's run does.
"""
import copy
import os
import pathlib
import re
import shutil
import sys
import time

import nbformat
import pytest
from nbclient import NotebookClient
from nbconvert import HTMLExporter

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
from conftest import KERNEL  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[2]
LESSONS = sorted((ROOT / "lessons").glob("[0-9][0-9]-*.ipynb"))
FACTS_MIME = "application/vnd.mlcycle.facts+json"


class Executed:
    def __init__(self, nb, seconds):
        self.nb = nb
        self.seconds = seconds
        self.facts = {}
        for c in self.code_cells():
            for o in c.outputs:
                if o.output_type == "display_data" and FACTS_MIME in o.data:
                    for key, value in o.data[FACTS_MIME].items():
                        self.facts[key] = ("true" if value else "false") if isinstance(value, bool) else value

    def code_cells(self):
        return [c for c in self.nb.cells if c.cell_type == "code"]

    def streams(self, name):
        for c in self.code_cells():
            for o in c.outputs:
                if o.output_type == "stream" and o.name == name:
                    yield o.text

    def num(self, key):
        assert key in self.facts, f"the lesson recorded no fact {key} (has: {sorted(self.facts)})"
        return float(self.facts[key])

    def tagged(self, tag):
        return [c for c in self.code_cells() if tag in c.metadata.get("tags", [])]


@pytest.fixture(scope="session")
def executed(tmp_path_factory):
    """Every lesson, executed in order in a fresh copy of lessons/ (with datasets/ beside it)."""
    work = tmp_path_factory.mktemp("course")
    shutil.copytree(ROOT / "datasets", work / "datasets")
    (work / "lessons").mkdir()
    out = {}
    for path in LESSONS:
        shutil.copy(path, work / "lessons" / path.name)
        nb = nbformat.read(work / "lessons" / path.name, as_version=4)
        client = NotebookClient(nb, kernel_name=KERNEL, timeout=600, allow_errors=False,
                                resources={"metadata": {"path": str(work / "lessons")}})
        start = time.time()
        client.execute()
        out[path.stem] = Executed(nb, time.time() - start)
    return out


@pytest.mark.parametrize("path", LESSONS, ids=[p.stem for p in LESSONS])
def test_the_reader_sees_no_test_scaffolding(executed, path):
    """Facts reach the tests, yet neither the notebook's visible outputs nor its HTML show them."""
    run = executed[path.stem]
    assert run.facts, "the lesson recorded no facts"
    html, _ = HTMLExporter().from_notebook_node(run.nb)
    assert "FACT" not in html and "vnd.mlcycle.facts" not in html, "test scaffolding in the lesson's HTML"
    story = copy.deepcopy(run.nb)   # the exercise answers are the student's own values, shown as they are
    for c in story.cells:
        if c.cell_type == "code" and "solution" in c.metadata.get("tags", []):
            c.outputs = []
    html, _ = HTMLExporter().from_notebook_node(story)
    for key, value in run.facts.items():
        if isinstance(value, float) and len(repr(value)) > 8:
            assert repr(value) not in html, f"fact {key}={value!r} printed at full precision"
    for c in run.code_cells():
        for o in c.outputs:
            if o.output_type == "display_data" and FACTS_MIME in o.data:
                assert set(o.data) == {FACTS_MIME}, f"a fact display also carries {sorted(o.data)}"
    raw = re.compile(r"\d\.\d{11,}|0\.0{7,}\d")   # 0.1080891910808919, 0.0000000030000000000000004
    for c in run.code_cells():
        if "solution" in c.metadata.get("tags", []):
            continue   # the exercise answers are the student's own values
        for o in c.outputs:
            shown = o.get("text", "") if o.output_type == "stream" else (
                o.get("data", {}).get("text/html", "") or o.get("data", {}).get("text/plain", ""))
            found = raw.search(shown) if isinstance(shown, str) else None
            assert not found, f"cell {c.id} shows a raw double {found.group(0)!r}"


def lesson(executed, prefix):
    found = [v for k, v in executed.items() if k.startswith(prefix)]
    assert found, f"no lesson {prefix} was executed"
    return found[0]


@pytest.mark.parametrize("path", LESSONS, ids=[p.stem for p in LESSONS])
def test_lesson_runs_cleanly(executed, path):
    run = executed[path.stem]
    cells = run.code_cells()
    assert cells, "a lesson without code"
    for c in cells:
        assert c.execution_count is not None, f"cell {c.id} did not run"
        assert not [o for o in c.outputs if o.output_type == "error"], f"cell {c.id} raised"
    stderr = "".join(run.streams("stderr"))
    assert stderr == "", f"a cell wrote to stderr: {stderr[:500]}"


@pytest.mark.parametrize("path", LESSONS, ids=[p.stem for p in LESSONS])
def test_lesson_shape(path):
    nb = nbformat.read(path, as_version=4)
    assert nb.metadata.kernelspec.name == "mlcycle"
    for c in nb.cells:
        if c.cell_type == "code":
            assert not c.outputs and c.execution_count is None, f"{path.name} is committed with outputs"
    text = "\n".join(c.source for c in nb.cells)
    assert "/work/" not in text and "/tmp/" not in text, "a machine path in a lesson"
    assert any("solution" in c.metadata.get("tags", []) for c in nb.cells), "no exercise solution"
    assert any("check" in c.metadata.get("tags", []) for c in nb.cells), "no exercise check"
    for c in nb.cells:
        grading = c.metadata.get("nbgrader", {})
        if "check" in c.metadata.get("tags", []):
            # the check itself lives in the toolkit; the notebook only names it
            assert grading.get("grade") and grading.get("locked") and grading.get("points", 0) > 0
            assert c.source == "%check_answer " + grading["grade_id"], f"{path.name}: check cell is {c.source!r}"
        if "solution" in c.metadata.get("tags", []):
            assert grading.get("solution") and not grading.get("grade")
            assert "// BEGIN SOLUTION" in c.source and "// END SOLUTION" in c.source
    assert "## Recap" in text, "no recap"


@pytest.mark.parametrize("path", LESSONS, ids=[p.stem for p in LESSONS])
def test_exercises_pass_with_the_solutions_in(executed, path):
    run = executed[path.stem]
    checks = run.tagged("check")
    assert checks, "no check cell"
    for c in checks:
        # %check shows its verdict as the cell's value; a failed check is an error output instead
        out = "".join(o.text for o in c.outputs if o.output_type == "stream" and o.name == "stdout")
        out += "".join(o.data.get("text/plain", "") for o in c.outputs if o.output_type == "execute_result")
        assert out.startswith("Correct"), f"check cell {c.id} showed {out!r}"


def test_a_plot_in_every_lesson(executed):
    for name, run in executed.items():
        pngs = [o for c in run.code_cells() for o in c.outputs
                if o.output_type in ("execute_result", "display_data") and "image/png" in o.data]
        assert pngs, f"{name} shows no chart"


def test_lesson0_route_loops_back(executed):
    run = lesson(executed, "00")
    assert run.num("stages") == 6
    assert run.num("planned_loops_back") >= 4
    # the prose: thirteen steps, each a move, so arrow n leads from step n to step n + 1
    assert run.num("planned_steps") == 13 and run.num("planned_moves") == 13
    assert run.num("planned_loops_back") == 4


def test_lesson1_objective_is_impressions_and_legacy_is_measured(executed):
    run = lesson(executed, "01")
    assert run.facts["objective"] == "impressions"
    assert 0.03 <= run.num("legacy_ctr") <= 0.045, "legacy CTR should be near KDD Cup 2012's 3.5%"
    assert run.num("legacy_informational_impressions") == 0
    assert 0.40 <= run.num("informational_request_share") <= 0.50
    assert 0.2 <= run.num("price_per_click") <= 1.0, "the business numbers: an average bid_cpc"
    assert run.num("cost_of_a_bad_show") == 0.05
    # the prose: request shares by intent, legacy's CTR and the value of a good show with their intervals
    assert round(100 * run.num("request_share_informational"), 1) == 45.2
    assert round(100 * run.num("request_share_navigational"), 1) == 19.7
    assert abs(100 * run.num("request_share_commercial") - 35.1) < 0.051  # 35.05%, printed 35.1%
    assert round(100 * run.num("legacy_ctr"), 1) == 3.7
    assert (round(100 * run.num("legacy_ctr_low"), 1), round(100 * run.num("legacy_ctr_high"), 1)) == (3.3, 4.0)
    assert run.num("legacy_ctr_low") < run.num("legacy_ctr") < run.num("legacy_ctr_high")
    assert round(run.num("value_of_a_good_show"), 4) == 0.0177
    assert (round(run.num("value_of_a_good_show_low"), 4), round(run.num("value_of_a_good_show_high"), 4)) == (0.0160, 0.0194)
    value, cost = run.num("value_of_a_good_show"), run.num("cost_of_a_bad_show")
    assert round(cost / (value + cost), 3) == 0.738, "the recap's break-even precision"


def test_lesson2_data_is_checked_versioned_and_imbalanced(executed):
    run = lesson(executed, "02")
    assert run.num("rows") == 40000
    assert run.facts["checks_pass_on_old"] == "true"
    assert run.num("checks_failed_on_broken") == 3, "each planted problem should fail one check"
    assert run.facts["snapshot_ref"].startswith("ads/random-two-months-ago@")
    assert 0.24 <= run.num("label_b_share") <= 0.26, "B labels a random 25%"
    rate = run.num("label_a_rate")
    assert 1e-4 <= rate <= 3e-4, f"A's 'show' rate on random pairs should be 1-3 per 10,000, got {rate}"
    assert run.num("always_no_accuracy") >= 0.9997
    # the prose reads every profile alert: a key, the night, and one rare class
    assert set(run.facts["profile_alert_list"].split(";")) == {
        "UNIQUE row_id", "ZEROS hour", "IMBALANCE kw_match", "ZEROS label_a", "SKEWED label_a",
        "IMBALANCE label_a", "MISSING label_b", "ZEROS label_b", "SKEWED label_b", "IMBALANCE label_b"}
    assert run.num("profile_alerts") == 10
    assert run.num("label_a_ones_in_sample") == 6
    # the prose: exact matches are where "show" is most common, with the counts behind it
    assert (run.num("label_a_shows_exact"), run.num("pairs_exact")) == (115, 5373)
    assert (run.num("label_a_shows_phrase"), run.num("pairs_phrase")) == (43, 5200)
    assert (run.num("label_a_shows_none"), run.num("pairs_none")) == (1, 950813)
    rates = {k: run.num("label_a_shows_" + k) / run.num("pairs_" + k) for k in ("none", "broad", "phrase", "exact")}
    assert max(rates, key=rates.get) == "exact"


def test_lesson3_one_transform_for_training_and_serving(executed):
    run = lesson(executed, "03")
    assert run.num("parity_rows") == 100
    assert run.num("parity_mismatches") == 0
    assert run.num("refit_mismatches") >= 90, "a spec refitted on the serving batch should change the vectors"
    assert run.facts["training_ref"].startswith("ads/training@")
    assert run.num("oot_test_min_day") == -1
    assert 0.05 <= run.num("label_a_rate_targeted") <= 0.15
    # position 1's ads are better ads: both the CTR and the ads' past_ctr intervals separate
    assert run.facts["ctr_interval_1_excludes_2"] == "true"
    assert run.facts["past_ctr_interval_1_excludes_2"] == "true"
    assert run.num("ctr_ratio_position_1_to_2") > run.num("past_ctr_ratio_position_1_to_2") > 1
    # the recap: leakage is decided by when a column exists, not by its strength; the check says which kept
    # column separates clicks better than position on the (default) student's rows
    leaky = "".join(o.get("text", "") + o.get("data", {}).get("text/plain", "")
                    for c in run.tagged("check") if "leaky-columns" in c.source for o in c.outputs)
    assert "bid_cpc separates clicks better than position" in leaky


def test_lesson4_first_model_ranks_well_and_errors_pile_up_in_one_slice(executed):
    run = lesson(executed, "04")
    assert run.num("roc_auc_label_a") >= 0.85, "ranking against A's labels should look good"
    assert run.facts["reload_identical"] == "true"
    share = run.num("worst200_nav_competitor_share")
    assert share >= 0.4, f"the worst errors should pile up in navigational x competitor, got {share}"
    assert share >= 3 * run.num("nav_competitor_row_share")
    # the prose: the top reliability bin holds a few dozen rows, and its interval stays below its prediction
    assert run.num("bin_9_rows") < 100
    assert run.num("bin_9_observed_high") < run.num("bin_9_predicted")
    # the prose's numbers: the lowest bin and the two top bins with their rows and intervals
    assert run.num("bin_0_rows") == 7345
    assert run.num("bin_9_rows") == 26 and round(run.num("bin_9_predicted"), 3) == 0.928
    assert round(run.num("bin_9_observed"), 3) == 0.385
    assert (round(run.num("bin_9_observed_low"), 3), round(run.num("bin_9_observed_high"), 3)) == (0.192, 0.577)
    assert run.num("bin_8_rows") == 67 and round(run.num("bin_8_predicted"), 3) == 0.847
    assert (round(run.num("bin_8_observed_low"), 3), round(run.num("bin_8_observed_high"), 3)) == (0.537, 0.761)
    # the slice table: lift with its counts
    assert (run.num("navigational_competitor_worst"), run.num("navigational_competitor_rows")) == (102, 1081)
    assert round(run.num("navigational_competitor_lift"), 1) == 4.7
    assert (run.num("commercial_same_worst"), run.num("commercial_same_rows")) == (32, 102)
    assert round(run.num("commercial_same_lift"), 1) == 15.7
    assert run.num("commercial_same_lift") > run.num("navigational_competitor_lift")
    assert run.num("commercial_same_worst") < run.num("navigational_competitor_worst")
    # labeler B disagrees with A far more in that slice than overall: the intervals are apart
    assert run.num("b_disagrees_nav_competitor_rows") == 267
    assert round(run.num("b_disagrees_nav_competitor"), 2) == 0.42
    assert (round(run.num("b_disagrees_nav_competitor_low"), 2), round(run.num("b_disagrees_nav_competitor_high"), 2)) == (0.36, 0.48)
    assert round(run.num("b_disagrees_all"), 3) == 0.058
    assert (round(run.num("b_disagrees_all_low"), 3), round(run.num("b_disagrees_all_high"), 3)) == (0.049, 0.068)
    assert run.num("b_disagrees_nav_competitor_low") > run.num("b_disagrees_all_high")


def test_lesson5_relabeling_beats_tuning_the_model(executed):
    run = lesson(executed, "05")
    kappa = run.num("kappa")
    assert 0.45 <= kappa <= 0.65, f"kappa(A, B) should be moderate (0.45-0.65), got {kappa}"
    assert run.num("disagreements_nav_competitor_share") >= 0.5
    assert run.num("cl_flagged_nav_competitor_share") >= 0.5, "confident learning should point at the slice"
    assert run.num("cl_precision") >= 2 * run.num("a_wrong_share"), "flags should beat random picks"
    base = run.num("precision_truth_baseline")
    tuned = run.num("precision_truth_best_model_centric")
    relabeled = run.num("precision_truth_relabeled")
    assert relabeled >= 0.8, f"relabeled data should clear lesson 1's precision bar, got {relabeled}"
    assert relabeled - base >= 0.3 and relabeled - tuned >= 0.3, "data-centric should beat model-centric"
    assert run.num("precision_truth_flagged_relabeled") > base
    assert run.num("pr_auc_truth_relabeled") > run.num("pr_auc_truth_baseline") + 0.2
    assert run.num("test_positives_truth") >= 30
    assert run.num("relabeled_gain_low") > 0, "the relabeling gain is outside the noise"
    assert run.num("recall_relabeled_high") < 0.5, "the prose says the relabeled model still misses most shows"
    assert run.num("tuned_gain_low") < 0 and run.num("slice_gain_low") < 0, "no model-centric gain is shown"
    assert run.num("flagged_gain_low") > 0, "the prose says the flagged-rows gain lies wholly above zero"
    assert run.num("flagged_gain_low") < run.num("flagged_gain_high")
    assert run.num("flagged_wrong_lift_low") > 3, "flagged rows are wrong several times as often, beyond the noise"
    assert run.num("flagged_wrong_lift_low") <= run.num("flagged_wrong_lift") <= run.num("flagged_wrong_lift_high")
    assert run.num("recall_truth_relabeled") > run.num("recall_truth_baseline")


def test_lesson6_always_no_is_accurate_and_useless_until_positives_are_collected(executed):
    run = lesson(executed, "06")
    assert run.num("random_positive_rate") <= 2e-4, "random pairs should be ~99.99% 'don't show'"
    assert run.num("always_no_accuracy") >= 0.9998
    assert run.num("predicted_shows_at_half") == 0, "the model on random pairs should never say 'show'"
    assert run.num("recall_at_half") == 0
    assert run.num("accuracy_at_half") == run.num("always_no_accuracy")
    assert run.num("best_f1_precision") <= 0.35, "no threshold makes random-pair predictions precise"
    assert run.num("validation_positives") >= 30, "the threshold is chosen on enough validation positives"
    assert run.num("best_f1_precision_high") < 0.8, "even the interval's top stays below lesson 1's bar"
    assert 0.04 <= run.num("targeted_positive_rate") <= 0.10, "targeted collection: 5-10% positives"
    assert run.num("holdout_recall_chosen_threshold") >= 0.7
    assert run.num("holdout_recall_weighted") > run.num("holdout_recall_plain")
    assert run.num("weighted_recall_gain_low") > 0, "the recall gain of class weights is outside the noise"
    assert run.num("holdout_positives") >= 30
    assert run.num("ece_corrected") < run.num("ece_raw") / 5, "recalibration on traffic should fix the probabilities"
    assert run.num("calibration_check_positives") >= 30, "calibration is checked on a draw with enough positives"
    assert run.facts["mean_p_corrected_in_rate_interval"] == "true"
    assert run.num("traffic_train_positives") < 30, "the prose says the random pairs hold only a handful of positives"
    assert run.num("rate_interval_factor") > 2.5, "the prose says the rate's interval spans a factor of several"
    assert run.num("best_f1_precision_high") - run.num("best_f1_precision_low") > 0.25, \
        "the prose says 40 positives leave the precision's interval about 0.34 wide"
    assert run.num("holdout_recall_chosen_threshold_low") > 0.7, "the validation threshold holds up on the holdout"
    assert run.num("holdout_recall_chosen_threshold_high") < 0.8, "the prose says it lands a little short of 0.8"
    assert 0.1 < run.num("chosen_threshold") < 0.5


def test_lesson6_cost_matrix_threshold_beats_best_f1_and_slices_rest_on_30_positives(executed):
    run = lesson(executed, "06")
    assert run.num("precision_bar") == 0.8, "the bar is read back from lesson 1's objective in the journal"
    first = lesson(executed, "01")
    assert run.num("cost_bad") == first.num("cost_of_a_bad_show"), "the cost of a bad show is lesson 1's, from the journal"
    assert run.num("break_even_precision") < run.num("precision_bar"), "at lesson 1's prices the bar is above break-even"
    assert run.num("cost_threshold_validation") > run.num("f1_threshold_validation")
    assert run.num("holdout_cost_f1") > 0, "the best-F1 threshold loses money at lesson 1's prices"
    assert run.num("holdout_saved_low") > 0, "the cost-matrix threshold saves money, beyond the noise"
    assert run.num("holdout_cost_matrix_low") < 0 < run.num("holdout_cost_matrix_high"), "it earns about nothing"
    assert abs(run.num("holdout_precision_at_cost_threshold") - run.num("break_even_precision")) < 0.05, \
        "the prose says its precision sits at break-even"
    assert run.num("holdout_precision_at_cost_threshold") < run.num("precision_bar")
    assert run.num("slice_positives_min") >= 30, "every gender and age group rests on 30+ positives"


def test_lesson7_old_model_decays_on_yesterday_and_recovers_after_retraining(executed):
    run = lesson(executed, "07")
    oos, oot = run.num("roc_auc_oos"), run.num("roc_auc_oot")
    assert oos - oot >= 0.05, f"the old model should drop out of time (OOS {oos}, OOT {oot})"
    assert run.num("pr_auc_oos") > run.num("pr_auc_oot")
    assert 0.15 <= run.num("psi_device") <= 0.35, "mobile share 0.35 -> 0.60 should give device PSI near 0.23"
    assert run.num("psi_query_category") >= 0.1
    assert 0.10 <= run.num("unseen_query_share") <= 0.30
    assert run.num("travel_info_rate_then") < 0.02 and run.num("travel_info_rate_now") >= 0.15, "concept shift"
    assert run.num("travel_info_positives_now") >= 30
    assert run.num("travel_info_change_low") > 0.1, "the slice's label-rate change is far outside the noise"
    assert run.num("travel_info_observed_now") > 3 * run.num("travel_info_predicted_now"), \
        "inside the slice the old model's predictions stay low while the answer moved: P(y | x) changed"
    crossed = run.num("roc_auc_oot_retrained_cross_feature")
    assert crossed >= oot + 0.05, "retraining on recent data with a crossed feature should recover"
    assert crossed > run.num("roc_auc_oot_retrained_same_features")
    assert run.num("roc_auc_change_high") < 0, "the decay is outside the noise"
    assert run.num("cross_gain_low") > 0, "the recovery is outside the noise"
    assert run.num("unseen_test_positives") >= 30, "cold start is judged on enough positives"
    assert run.num("travel_info_gap_low") > 0.1, "in the slice the observed rate is far above the old model's prediction"
    assert run.num("cold_auc_gap_low") <= run.num("cold_auc_gap") <= run.num("cold_auc_gap_high")
    assert 0.10 <= run.num("unseen_distinct_query_share") <= 0.60
    assert run.facts["device_moved"].startswith("+") and "mobile" in run.facts["device_moved"], \
        "the drift report says device moved toward mobile"
    assert run.num("insurance_info_shows_then") == 0, "the rule of three is applied where zero events were seen"
    assert run.num("insurance_info_rate_bound_then") == 3 / run.num("insurance_info_rows_then")
    for part in ("fresh", "feature", "both"):
        assert run.num(f"{part}_gain_low") > 0, f"the {part} gain lies wholly above zero"
    assert run.num("both_gain") > 2 * (run.num("fresh_gain") + run.num("feature_gain")), \
        "the prose says both together buy more than twice the sum of the two alone"


def test_lesson8_service_scores_like_the_notebook_and_shadow_run_is_recorded(executed):
    run = lesson(executed, "08")
    assert run.num("http_requests") >= 100
    assert run.num("http_parity_max_abs_diff") == 0, "the service must give the notebook's scores"
    assert run.num("latency_p99_ms") >= run.num("latency_p50_ms") > 0
    assert run.num("shadow_precision_model") > run.num("shadow_precision_legacy")
    assert 0 < run.num("shadow_agreement") < 1
    assert run.facts["deployed_model"] == run.facts["registered"], "the shadowed version goes to production"
    assert run.facts["registered"].startswith("ad-show@")


def test_lesson8_confronts_lesson1s_bar_and_records_the_decision(executed):
    run = lesson(executed, "08")
    bar = run.num("precision_bar")
    assert bar == 0.8, "the bar is read back from lesson 1's objective in the journal"
    assert run.num("operating_threshold") < 0.5, "the bar leaves room below 0.5: more shows at the bar"
    assert run.num("validation_precision_low_at_threshold") >= bar, "the bar holds at the interval's low end"
    assert run.num("estimate_only_threshold") < run.num("operating_threshold")
    assert run.num("estimate_only_precision_low") < bar, "the estimate alone reaching the bar is a promise the noise breaks"
    assert run.num("validation_positives") >= 30 and run.num("validation_hits_at_threshold") >= 30, \
        "the threshold rests on enough positives"
    assert run.num("decision_threshold_in_journal") == run.num("operating_threshold"), "the decision is in the journal"
    assert run.num("registered_threshold") == run.num("operating_threshold"), "the threshold travels with the model"
    assert "validation_precision_checked_low95" in run.facts["registered_metric_names"].split(","), \
        "the registry's metric is named for what it measures"
    assert run.num("shadow_checked_precision_model_low") >= bar, "the bar holds on the shadow traffic too"
    assert run.num("shadow_checked_precision_model_low") > run.num("shadow_checked_precision_legacy")
    low, high = run.num("shows_difference_low"), run.num("shows_difference_high")
    assert low <= run.num("shows_difference") <= high
    assert (low <= 0 <= high) == (run.facts["shows_verdict"] == "no difference we can see")
    assert run.facts["shows_verdict"] == "no difference we can see", "the prose says the shows do not differ"
    assert run.num("disagreements") >= 300
    assert run.num("model_right_on_disagreements_low") > 0.5, "on the disagreements the model is right more often"
    assert run.facts["promotion_run"] == "ad-show promotion: lesson 1's criteria confronted"
    assert run.facts["promotion_decision"] == "promote", "L8's decision against L1's bar is in the journal"
    assert run.num("promotion_bar_in_journal") == bar


def test_lessons8_to_10_follow_one_model(executed):
    deployed = lesson(executed, "08").facts["deployed_model"]
    assert lesson(executed, "09").facts["monitored_model"] == deployed
    assert lesson(executed, "10").facts["evaluated_model"] == deployed


def test_lesson9_monitoring_fires_an_alert_and_retraining_on_alert_recovers(executed):
    run = lesson(executed, "09")
    assert run.num("join_mismatches") == 0, "the serving join must rebuild the training features"
    assert run.num("first_alert_day_never_retrained") >= -30, "the never-retrained model should trigger an alert"
    assert run.num("auc_last7_never") < run.num("alert_level")
    assert run.num("retrains_on_alert") >= 1
    assert run.num("auc_last7_on_alert") > run.num("auc_last7_never") + 0.01
    assert run.num("auc_last30_on_alert") > run.num("auc_last30_never")
    assert run.num("deployed_day_positives_min") >= 30, "each daily ROC-AUC of the deployed model rests on 30+ positives"
    assert 0.5 < run.num("deployed_alert_level") < run.num("deployed_auc_last7")


def test_lesson9_pooled_alerts_delayed_labels_and_alert_fatigue(executed):
    run = lesson(executed, "09")
    assert run.num("three_day_halfwidth_mean") < run.num("one_day_halfwidth_mean"), "pooling three days narrows the interval"
    assert -12 <= run.num("drop_day") <= -3, "the rehearsal model's drop comes in the last days"
    assert run.num("false_alarms_one_day") > run.num("false_alarms_pooled") == 0, "one day fires on noise, three pooled do not"
    assert run.num("days_late_whole_interval") >= run.num("days_late_pooled")
    assert run.num("first_alert_with_delay") == run.num("drop_day") + run.num("days_late_pooled") + run.num("label_delay"), \
        "labels two days late: the alert fires two days later"
    assert run.num("drift_alert_first_day") <= run.num("drop_day") - 21, "the drift alert fires weeks before the drop"
    assert run.num("drift_days_level_held") >= 21, "for weeks the drift alert fires while the model holds its level"


def test_lesson9_world_change_broken_contract_and_delayed_replay(executed):
    run = lesson(executed, "09")
    assert run.facts["monitored_model"] == lesson(executed, "08").facts["deployed_model"], "L9 watches what L8 promoted"
    assert 0.5 < run.num("deployed_alert_level") < 1, "the alert level is stated"
    assert run.num("travel_share_now_low") > run.num("travel_share_then_high"), "travel's share rose beyond the noise"
    assert run.num("travel_positives_now") >= 100, "the travel rate rests on 100+ positives"
    assert run.num("travel_rate_now") > run.num("travel_rate_then")
    assert run.num("capitals_precision_high") < run.num("contract_precision_low"), "capitals break the model"
    assert run.num("contract_anomalies_as_agreed") == 0 < run.num("contract_anomalies_in_capitals"), \
        "the schema check catches the broken contract and only it"
    low, high = run.num("delayed_alert_minus_schedule_low"), run.num("delayed_alert_minus_schedule_high")
    assert low <= run.num("delayed_alert_minus_schedule") <= high
    assert low <= 0 <= high, "the prose says: no difference we can see"
    assert run.num("delayed_retrains_on_alert") >= 1
    assert run.num("drift_alert_days_before_drop") >= 30, "the drift alert fires on most days before the drop"


def test_lesson10_relevant_ads_less_money_and_the_objective_pivots(executed):
    """Steps 11-13 with the deployed model; the click objective, replayed on the same requests, wins back CTR and revenue."""
    run = lesson(executed, "10")
    assert run.facts["evaluated_model"] == lesson(executed, "08").facts["deployed_model"], "the deployed model, not an oracle"
    assert -0.15 <= run.num("impressions_change") < 0, "the deployed model shows ads slightly less often than legacy"
    assert run.num("impressions_change_high") < 0, "'fewer impressions' is outside the noise, so no 'many more searches'"
    assert run.num("ctr_change") <= -0.30 and run.num("ctr_change_high") < 0, "CTR falls, beyond the noise"
    assert -0.70 <= run.num("revenue_change") <= -0.25 and run.num("revenue_change_high") < 0, "revenue falls"
    assert 0.25 <= run.num("upper_bound_impressions_change") <= 0.55, "the upper bound shows about 40% more"
    assert run.num("upper_bound_impressions_change_low") > 0
    assert -0.45 <= run.num("upper_bound_revenue_change") <= -0.20, "and loses revenue all the same"
    assert run.num("upper_bound_revenue_change_high") < 0
    assert run.num("rpm_requests_deployed") < run.num("rpm_requests_legacy"), "the warm-up's decision: roll back"
    assert run.facts["ctr_alert"] == "true"
    assert run.num("model_v2_ctr_change") >= 0.5, "the click objective should raise CTR well above legacy's"
    assert run.num("model_v2_revenue_change") >= 0.3 and run.num("model_v2_revenue_change_low") > 0
    assert run.num("model_v2_impressions_change") < run.num("upper_bound_impressions_change")
    assert run.num("deployed_informational_impression_share") >= 0.15, "the model serves look-up searches legacy never did"
    assert run.num("click_train_informational") == 0 < run.num("click_train_impressions"), \
        "legacy's log holds no informational impression: selection bias"
    assert 0.70 <= run.num("click_model_roc_auc") <= 0.85
    assert run.num("click_test_clicks") >= 30
    assert run.num("click_model_ne") < 1 and run.num("click_model_ne_high") < 1, "the click model beats the base rate"
    assert run.num("click_calibration_ratio_high") < 1, "its predictions are too low beyond the noise: calibrate first"
    assert 0 < run.num("click_model_ece_equal_mass") < 0.05
    assert run.facts["objective_now"] == "click-through_rate"
    assert run.num("objective_pivots") >= 1, "the journal should show impressions -> CTR as a pivot"
    assert run.num("loops_back") >= lesson(executed, "00").num("planned_loops_back"), "the journal holds every planned loop"


def test_lesson13_interview_answers_rest_on_the_course_evidence(executed):
    run = lesson(executed, "13")
    # the model answers are not in the notebook; %reveal shows each on request
    reveals = [c for c in run.code_cells() if c.source.startswith("%reveal ")]
    assert len(reveals) >= 5
    assert "Model answer." not in "".join(c.source for c in run.nb.cells)
    for c in reveals:
        shown = "".join(o.data.get("text/plain", "") for o in c.outputs if o.output_type == "execute_result")
        assert len(shown) > 200, f"{c.source}: {shown!r}"
    assert run.num("journal_moves") >= 10, "after lessons 0-10 the journal should hold the route"
    assert run.num("always_no_accuracy") >= 0.9995 and run.num("always_no_recall") == 0
    assert 0.45 <= run.num("kappa_committed_sample") <= 0.65
    assert run.num("psi_device") >= 0.15 and run.num("psi_text_sim") < 0.05
    assert run.num("travel_informational_show_rate_now") > 10 * max(run.num("travel_informational_show_rate_then"), 0.005)
    assert run.num("ctr_model_v1") < run.num("ctr_legacy")


def test_lesson11_ab_test_is_planned_run_decided_and_peeking_inflates_false_positives(executed):
    """Step 13, the second turn: a powered A/B test of the click model against production."""
    run = lesson(executed, "11")
    assert run.facts["control_model"] == lesson(executed, "08").facts["deployed_model"], \
        "the control is the model lesson 8 put in production"
    assert run.facts["treatment_model"].startswith("ad-click@")
    assert run.num("control_threshold") == lesson(executed, "08").num("registered_threshold"), \
        "the control serves at the threshold lesson 8 registered, read from the journal"
    assert run.num("baseline_clicks") >= 30, "the baseline CTR rests on enough clicks"
    assert 1.02 <= run.num("design_effect") <= 1.5, "clicks cluster in requests: the delta-method variance is larger"
    assert run.num("sample_size_per_arm") > run.num("sample_size_per_arm_naive") > 1000
    assert run.num("days") % 7 == 0, "the test runs whole weeks"
    assert abs(run.num("realised_power") - 0.8) <= 0.05, "the planned test should have about the planned power"
    assert run.num("realised_power_naive") < run.num("realised_power"), "sized per impression, the test falls short"
    assert 0.8 - run.num("realised_power_naive") > 2 * (0.8 * 0.2 / 1000) ** 0.5, "per impression, short beyond the noise"
    assert run.num("control_requests") > 0 and run.num("treatment_requests") > 0
    low, high = run.num("ctr_difference_low"), run.num("ctr_difference_high")
    assert low <= run.num("ctr_difference") <= high, "the CTR difference is reported with its interval"
    assert high < 0, "the click model, trained on legacy's log only, loses CTR on fresh traffic"
    assert run.num("p_value") < 0.02, "significant, and not by a hair: the lesson calls it firmer than fragile"
    assert -high > 0.25 * (high - low) / 2, "the interval's upper end stays clear of zero, as the lesson says"
    assert run.num("revenue_difference_low") > 0, "while it earns more per request"
    ship = low > 0 and run.num("revenue_difference_high") > 0 and run.facts["latency_ok"] == "true"
    assert run.facts["decision"] == ("ship" if ship else "keep_control"), "the decision follows the rule written before the test"
    assert run.facts["decision_in_journal"] == "true", "the decision moved the click model in the registry"
    assert run.num("peeking_false_positive_rate") > 0.10, "daily peeking should inflate false positives"
    assert run.num("peeking_false_positive_rate") > 3.5 * run.num("single_look_false_positive_rate"), "about four and a half times one look"
    assert abs(run.num("single_look_false_positive_rate") - 0.05) <= 0.02


def test_lesson12_feedback_loop_narrows_position_bias_and_ips_recovers_the_truth(executed):
    """Feedback loops: the greedy loop narrows, randomized order measures position bias, IPS beats the naive replay."""
    run = lesson(executed, "12")
    assert run.num("greedy_distinct_last") < 0.8 * run.num("greedy_distinct_first"), "the greedy loop narrows the shown set"
    assert run.num("greedy_shown_last") < run.num("greedy_shown_first"), "and serves fewer requests"
    assert run.num("exploring_ads_seen_final") > 1.3 * run.num("greedy_ads_seen_final"), "exploring learns about more ads"
    assert run.num("greedy_predicted_first") > 1.3 * run.num("greedy_true_first"), "the model overrates what it picks"
    for p in (2, 3):
        low, high = run.num(f"swap_ratio_{p}_low"), run.num(f"swap_ratio_{p}_high")
        assert low <= run.num(f"true_ratio_{p}") <= high, f"random order recovers the simulator's position {p} factor"
    # position 3 of the ranked log rests on a handful of clicks (the lesson says so); position 2 does not
    assert run.num("ranked_ratio_2") < run.num("swap_ratio_2_low"), "the ranked log's drop is steeper than the position effect alone"
    truth = run.num("offline_truth")
    assert run.num("ips_low") <= truth <= run.num("ips_high"), "the IPS interval covers the truth"
    assert run.num("snips_low") <= truth <= run.num("snips_high"), "so does SNIPS's"
    assert run.num("offline_requests") >= 100_000, "the estimates rest on enough exploring requests"
    assert abs(run.num("ips") - truth) < abs(run.num("naive") - truth), "IPS is closer to the truth than the naive replay"
    assert not run.num("naive_low") <= truth <= run.num("naive_high"), "the naive interval misses the truth, as the lesson says"
    assert run.num("cost_low") > 0, "exploration costs clicks: the interval excludes zero"


def test_lesson14_design_walkthrough_checks_each_step_on_the_candidates_own_numbers(executed):
    """The design interview: each step's number is checked, each question has a model answer, progress says how."""
    run = lesson(executed, "14")
    reveals = [c for c in run.code_cells() if c.source.startswith("%reveal ")]
    assert len(reveals) == 8, "one question per step but the scale step's, and the last"
    for c in reveals:
        shown = "".join(o.data.get("text/plain", "") for o in c.outputs if o.output_type == "execute_result")
        assert len(shown) > 300, f"{c.source}: {shown!r}"
    assert len(run.tagged("check")) >= 6
    assert [c.source for c in run.code_cells()][0].startswith("%variant "), "the candidate's numbers come from the variant"
    assert run.num("test_clicks") >= 100, "count the positives before trusting NE"
    assert run.num("ne") < 1, "the logistic regression knows more than the base rate"
    assert abs(run.num("auc_doubled") - run.num("auc")) < 1e-3 and run.num("ne_doubled") > run.num("ne"), \
        "doubling the predictions leaves AUC and breaks NE"
    assert run.num("mean_p_downsampled") > 3 * run.num("test_ctr"), "downsampling inflates the predictions"
    assert abs(run.num("mean_p_recalibrated") / run.num("test_ctr") - 1) < 0.25, "and recalibration undoes it"
    progress = next(c for c in run.code_cells() if c.source.startswith("%progress"))
    text = "".join(o.data.get("text/plain", "") for o in progress.outputs if o.output_type == "execute_result")
    solved = [line for line in text.splitlines() if " passed " in line]
    assert len(solved) == len(run.tagged("check")) and all(" unaided " in line for line in solved), text
