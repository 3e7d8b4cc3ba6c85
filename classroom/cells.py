"""nbgrader's cell conventions, read and applied the way nbgrader does, for notebooks whose kernel is Java.

A cell's `metadata.nbgrader` says what it is: `solution` (the learner answers here), `grade` (it
earns `points`), `locked` (the learner must not change it), `grade_id` (unique per notebook).
Solution regions sit between lines containing `BEGIN SOLUTION` and `END SOLUTION`; nbgrader itself
is not used because it is not packaged for Debian and cannot be installed here.
"""
import re

STUB = {"code": "// YOUR CODE HERE", "markdown": "YOUR ANSWER HERE"}
GRADE_ID = re.compile(r"^[a-zA-Z0-9_\-]+$")


def meta(cell):
    return cell.get("metadata", {}).get("nbgrader", {}) or {}


def is_solution(cell):
    return bool(meta(cell).get("solution"))


def is_graded(cell):
    return bool(meta(cell).get("grade"))


def points(cell):
    return float(meta(cell).get("points", 0) or 0)


def grade_id(cell):
    return meta(cell).get("grade_id", "")


def problems(nb):
    """What breaks nbgrader's schema-3 rules in this notebook, one line each (empty when it is fine)."""
    out, seen = [], set()
    for i, cell in enumerate(nb.cells):
        m = meta(cell)
        if not m:
            continue
        gid = m.get("grade_id", "")
        if (m.get("grade") or m.get("solution") or m.get("locked")) and not gid:
            out.append(f"cell {i}: nbgrader metadata without a grade_id")
        elif gid and not GRADE_ID.match(gid):
            out.append(f"cell {i}: grade_id '{gid}' has characters other than letters, digits, '_' and '-'")
        if gid in seen:
            out.append(f"cell {i}: grade_id '{gid}' is used twice")
        seen.add(gid)
        if m.get("grade") and "points" not in m:
            out.append(f"cell {i} ({gid}): graded without points")
    return out


def strip_solution(source, stub):
    """`source` with each BEGIN/END SOLUTION region (markers included) replaced by `stub`, indented like
    the BEGIN line; a cell without markers becomes `stub` entirely, as in nbgrader. Raises ValueError on
    a region that is never closed."""
    lines = source.splitlines()
    if not any("BEGIN SOLUTION" in line for line in lines):
        return stub
    out, inside = [], False
    for line in lines:
        if "BEGIN SOLUTION" in line:
            if inside:
                raise ValueError("BEGIN SOLUTION inside another solution region")
            inside = True
            out.append(line[: len(line) - len(line.lstrip())] + stub)
        elif "END SOLUTION" in line:
            if not inside:
                raise ValueError("END SOLUTION without BEGIN SOLUTION")
            inside = False
        elif not inside:
            out.append(line)
    if inside:
        raise ValueError("BEGIN SOLUTION without END SOLUTION")
    return "\n".join(out)


def clear_outputs(nb):
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None


def set_variant(nb, student):
    """Points every `%variant` cell at `student`; returns how many there were."""
    found = 0
    for cell in nb.cells:
        if cell.cell_type == "code" and cell.source.lstrip().startswith("%variant"):
            cell.source = f"%variant {student}"
            found += 1
    return found


def score(cell):
    """nbgrader's rule for a graded cell after execution: 0 on any error output or any stderr text;
    partial credit when an execute_result's text/plain is one number between 0 and the points; full
    points otherwise. A cell that never ran scores 0."""
    full = points(cell)
    if cell.get("execution_count") is None:
        return 0.0
    for out in cell.get("outputs", []):
        if out.output_type == "error" or (out.output_type == "stream" and out.name == "stderr"):
            return 0.0
    for out in cell.get("outputs", []):
        if out.output_type == "execute_result":
            try:
                value = float(out.data.get("text/plain", ""))
            except ValueError:
                continue
            return min(max(value, 0.0), full)
    return full


def check_box(out):
    """The hint box `%check` showed in this output ({exercise, kind, attempt, message}), or None."""
    if out.output_type not in ("display_data", "execute_result"):
        return None
    return (out.get("metadata") or {}).get("mlcycle", {}).get("check")


def message(cell):
    """What a graded cell said, written for the student: the check's verdict or hint, an error's message
    without its name or trace, else the text printed. The stderr line that marks a failed check and the
    number left for partial credit are left out (the points column shows them)."""
    parts, stderr = [], []
    for out in cell.get("outputs", []):
        box = check_box(out)
        if box:
            label = "No answer yet" if box.get("kind") == "no answer" else "Hint"
            parts.append(f"{label}: {box.get('message', '')}")
        elif out.output_type == "error":
            text = (out.get("evalue") or "").strip()
            parts.append(text[len("%check: "):] if text.startswith("%check: ") else text or "the cell stopped with an error")
        elif out.output_type == "stream":
            (stderr if out.name == "stderr" else parts).append(out.text.strip())
        elif out.output_type in ("execute_result", "display_data") and "text/plain" in out.data:
            text = out.data["text/plain"].strip()
            if out.output_type == "execute_result" and _is_number(text):
                continue
            parts.append(text)
    parts = [p for p in parts if p]
    return "\n".join(parts or [p for p in stderr if p])


def _is_number(text):
    try:
        float(text)
        return True
    except ValueError:
        return False
