"""Writes practice.ipynb, a short lesson-like notebook with two checked exercises and one interview
question (run once by hand when its cells change; the notebook is committed). Its checks live in
the course module (org.mlcycle.course.practice), not in the notebook."""
import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook


def nbgrader(cell, grade_id, solution=False, grade=False, locked=False, points=None):
    m = {"grade": grade, "grade_id": grade_id, "locked": locked, "schema_version": 3, "solution": solution}
    if points is not None:
        m["points"] = points
    cell.metadata["nbgrader"] = m
    return cell


cells = [
    new_markdown_cell("# Practice: a day of ads\n\nTwo exercises on your own copy of a day's ad log, and one"
                      " interview question. Run `%check_answer` after each answer; `%progress` shows how you are doing."),
    nbgrader(new_code_cell("%variant default"), "variant", locked=True),
    new_code_cell("import org.mlcycle.course.practice.PracticeData;\n"
                  "Table ads = PracticeData.ads(seed);\nads.first(5)"),
    new_markdown_cell("## Exercise 1\n\nWhat is the day's **click-through rate**, over all impressions? Store it in `ctr`."),
    nbgrader(new_code_cell("double ctr = 0;\n// BEGIN SOLUTION\n"
                           "ctr = ads.intColumn(\"clicks\").sum() / ads.intColumn(\"impressions\").sum();\n"
                           "// END SOLUTION\nctr"), "practice-ctr-answer", solution=True),
    nbgrader(new_code_cell("%check_answer practice-ctr"), "practice-ctr", grade=True, locked=True, points=2),
    new_markdown_cell("## Exercise 2\n\nWhat is the **median** bid (`bid_cpc`)? Store it in `medianBid`."),
    nbgrader(new_code_cell("double medianBid = 0;\n// BEGIN SOLUTION\n"
                           "medianBid = ads.doubleColumn(\"bid_cpc\").median();\n// END SOLUTION\nmedianBid"),
             "practice-median-bid-answer", solution=True),
    nbgrader(new_code_cell("%check_answer practice-median-bid"), "practice-median-bid", grade=True, locked=True, points=1),
    new_markdown_cell("## Interview question\n\nWhy not rank ads by their number of clicks? Write your answer"
                      " in the next cell, then compare it with the model answer."),
    new_markdown_cell("*Your answer here.*"),
    new_code_cell("%reveal practice-why-ctr"),
    new_code_cell("%progress"),
]
nb = new_notebook(cells=cells)
nb.metadata["kernelspec"] = {"name": "mlcycle", "display_name": "Java (mlcycle)", "language": "java"}
nb.metadata["language_info"] = {"name": "java"}
nbformat.write(nb, __file__.replace("make_practice.py", "practice.ipynb"))
