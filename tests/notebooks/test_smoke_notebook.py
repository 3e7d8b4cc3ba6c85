"""The smoke notebook executed end to end by nbclient: a Table renders as HTML, a chart as PNG."""
import base64
import pathlib
import struct

import nbformat
from nbclient import NotebookClient

from conftest import KERNEL

HERE = pathlib.Path(__file__).parent


def test_smoke_notebook_renders_a_table_and_a_chart(tmp_path):
    nb = nbformat.read(HERE / "smoke.ipynb", as_version=4)
    NotebookClient(nb, kernel_name=KERNEL, timeout=120, resources={"metadata": {"path": str(tmp_path)}}).execute()
    table, chart, printed = nb.cells[1].outputs, nb.cells[2].outputs, nb.cells[3].outputs

    html = table[0]["data"]["text/html"]
    assert "3 rows" in html and "3 columns" in html
    assert "&lt;b&gt;boots&lt;/b&gt;" in html and "<b>boots</b>" not in html
    assert "text/plain" in table[0]["data"]

    png = base64.b64decode(chart[0]["data"]["image/png"])
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert (width, height) == (400, 300)

    assert printed[0]["text"] == "rows: 3\n"
