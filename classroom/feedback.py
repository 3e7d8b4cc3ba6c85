"""One HTML feedback page per student, written for the student: each notebook's score, each exercise's points
and what its check said (a hint, "no answer yet", or the verdict); no stack traces and no exception names."""
import html
import os


def write_pages(folder, graded):
    """Writes folder/STUDENT.html for every student in `graded`; returns the pages written."""
    folder.mkdir(parents=True, exist_ok=True)
    by_student = {}
    for g in graded:
        by_student.setdefault(g.student, []).append(g)
    pages = []
    for student, notebooks in by_student.items():
        page = folder / f"{student}.html"
        page.write_text(render(student, notebooks, folder), encoding="utf-8")
        pages.append(page)
    return pages


def render(student, notebooks, folder):
    e = html.escape
    total = sum(g.score for g in notebooks)
    possible = sum(g.max_score for g in notebooks)
    parts = [f"<!doctype html><html><head><meta charset='utf-8'><title>Feedback for {e(student)}</title></head>"
             "<body style='font-family:sans-serif;max-width:52em;margin:2em auto'>",
             f"<h1>Feedback for {e(student)}</h1><p><b>{total:g} of {possible:g} points</b></p>",
             "<p>Each exercise was checked in a fresh run of your notebook. A <i>hint</i> says what was wrong"
             " (never the answer); <i>no answer yet</i> means the answer cell was still empty when it ran.</p>"]
    for g in notebooks:
        link = ""
        if g.html is not None:
            link = f" (<a href='{e(os.path.relpath(g.html, folder))}'>your notebook as it ran</a>)"
        parts.append(f"<h2>{e(g.name)}: {g.score:g} of {g.max_score:g} points{link}</h2>")
        if g.status != "ok":
            parts.append(f"<p style='color:#a00'><b>This notebook {'could not be read' if g.status == 'malformed' else 'did not run to the end'}"
                         f", so it scores 0.</b></p><p style='background:#fdecea;padding:0.5em'>"
                         f"{e(g.reason or g.status)}</p>")
        if g.exercises:
            parts.append("<table border='1' cellpadding='4' style='border-collapse:collapse'>"
                         "<tr><th>exercise</th><th>points</th><th>what the check said</th></tr>")
            for gid, score, points, message in g.exercises:
                shown = score if g.status == "ok" else 0.0
                colour = "#e6f4ea" if shown == points else "#fdecea" if shown == 0 else "#fff4e0"
                parts.append(f"<tr style='background:{colour}'><td>{e(gid)}</td><td>{shown:g} / {points:g}</td>"
                             f"<td><pre style='white-space:pre-wrap;margin:0'>{e(message or '(no output: the cell did not run)')}</pre></td></tr>")
            parts.append("</table>")
    parts.append("</body></html>\n")
    return "".join(parts)
