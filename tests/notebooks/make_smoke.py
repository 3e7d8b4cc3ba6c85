"""Writes smoke.ipynb (run once by hand when the smoke cells change; the notebook is committed)."""
import nbformat

cells = [
    "import tech.tablesaw.api.*;\nimport org.knowm.xchart.*;",
    'Table ads = Table.create("ads",\n    StringColumn.create("query", "shoes", "red shoes", "<b>boots</b>"),\n'
    '    DoubleColumn.create("bid", 0.5, 1.25, 0.75),\n    IntColumn.create("clicks", 3, 0, 1));\nads',
    'XYChart chart = new XYChartBuilder().width(400).height(300).title("bids").build();\n'
    'chart.addSeries("bid", new double[] {1, 2, 3}, ads.doubleColumn("bid").asDoubleArray());\nchart',
    'System.out.println("rows: " + ads.rowCount());',
]
nb = nbformat.v4.new_notebook()
nb.cells = [nbformat.v4.new_code_cell(c) for c in cells]
nb.metadata["kernelspec"] = {"name": "mlcycle", "display_name": "Java (mlcycle)", "language": "java"}
nb.metadata["language_info"] = {"name": "java"}
nbformat.write(nb, __file__.replace("make_smoke.py", "smoke.ipynb"))
