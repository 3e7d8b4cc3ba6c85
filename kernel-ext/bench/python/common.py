"""What the Python reference benchmarks share: the CSV read with the schema's types, timing, the
environment, and one JSON line on stdout.

Run with Debian's interpreter, /usr/bin/python3, which has python3-pandas, python3-scipy and
python3-sklearn (apt-get install python3-pandas python3-scipy python3-sklearn).
"""
import json
import math
import os
import platform
import statistics
import sys
import time

try:
    import numpy as np
    import pandas as pd
except ImportError as missing:
    sys.exit("%s is missing: run with /usr/bin/python3 after "
             "apt-get install python3-pandas python3-scipy python3-sklearn" % missing.name)


def schema_for(csv, given=None):
    """The column roles (numeric, categorical, label, ignore): --schema, else NAME.schema.json beside
    NAME.csv, else None (roles inferred from the data)."""
    path = given or (csv[:-4] if csv.endswith(".csv") else csv) + ".schema.json"
    if not os.path.exists(path):
        return None
    with open(path) as f:
        return json.load(f)


def read(csv, schema, nrows=None):
    """(DataFrame, schema, seconds). Only the empty field is missing, as in the Java reader, so a
    country code "NA" stays a country."""
    start = time.perf_counter()
    kw = dict(keep_default_na=False, na_values=[""], nrows=nrows)
    if schema:
        types = {c: "float64" for c in schema["numeric"]}
        types.update({c: "object" for c in schema["categorical"]})
        if schema.get("label"):
            types[schema["label"]] = "int64"
        df = pd.read_csv(csv, dtype=types, **kw)
    else:
        df = pd.read_csv(csv, **kw)
        hidden = [c for c in df.columns if c.startswith("_")]
        shown = [c for c in df.columns if c not in hidden]
        schema = {"numeric": [c for c in shown if df[c].dtype != object],
                  "categorical": [c for c in shown if df[c].dtype == object],
                  "label": None, "ignore": hidden}
    return df, schema, time.perf_counter() - start


def repeat(task, times):
    """Runs task() `times` times (at least once); (its last value, seconds of each run)."""
    seconds, value = [], None
    for _ in range(max(1, times)):
        start = time.perf_counter()
        value = task()
        seconds.append(time.perf_counter() - start)
    return value, seconds


def timing(seconds):
    return {"runs_s": [round(s, 4) for s in seconds], "min_s": round(min(seconds), 4),
            "median_s": round(statistics.median(seconds), 4)}


def environment():
    env = {"python": platform.python_version(), "numpy": np.__version__, "pandas": pd.__version__,
           "cpus": os.cpu_count(), "machine": platform.machine()}
    for module in ("scipy", "sklearn"):
        try:
            env[module] = __import__(module).__version__
        except ImportError:
            pass
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS"):
        if var in os.environ:
            env[var] = os.environ[var]
    return env


def plain(value):
    """numpy scalars to Python ones; NaN and infinities to null, as the Java side writes them."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, np.ndarray)):
        return [plain(v) for v in value]
    if isinstance(value, np.bool_):
        return bool(value)
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return float(value) if math.isfinite(value) else None
    return value


def emit(record):
    sys.stdout.write(json.dumps(plain(record), separators=(",", ":")) + "\n")
    sys.stdout.flush()
