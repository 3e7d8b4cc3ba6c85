"""Notebooks opened in the classic Jupyter Notebook server, run in headless Chromium: tables and
charts appear on the page, and a click on a table header sorts its rows. The screenshots are kept
in build/browser/."""
import json
import os
import pathlib
import shutil
import socket
import subprocess
import time
import urllib.request
import uuid

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

from conftest import KERNEL

ROOT = pathlib.Path(__file__).resolve().parents[2]
NOTEBOOK = ROOT / "tests" / "notebooks" / "smoke.ipynb"
LESSON = ROOT / "lessons" / "02-data-and-labels.ipynb"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def copy_notebook(source, target):
    """The notebook, set to run on the kernel under test."""
    nb = json.loads(source.read_text())
    nb["metadata"]["kernelspec"]["name"] = KERNEL
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(nb))


@pytest.fixture
def server(tmp_path):
    port, token = free_port(), uuid.uuid4().hex
    log = open(tmp_path / "server.log", "w")
    proc = subprocess.Popen(
        ["jupyter", "notebook", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
         f"--NotebookApp.token={token}", f"--notebook-dir={tmp_path}", "--allow-root"],
        stdout=log, stderr=subprocess.STDOUT, env=dict(os.environ))
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=1)
            break
        except OSError:
            time.sleep(0.2)
    yield base, token, tmp_path
    proc.terminate()
    proc.wait(timeout=20)
    log.close()


def chrome(profile):
    options = webdriver.ChromeOptions()
    for arg in ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1100,1400", f"--user-data-dir={profile}"]:
        options.add_argument(arg)
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    return webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)


def wait_for(driver, script, timeout):
    end = time.time() + timeout
    while time.time() < end:
        if driver.execute_script(script):
            return True
        time.sleep(0.3)
    return False


def run_all(driver, url, timeout):
    """Opens the notebook, runs all cells, waits until every code cell has a prompt number."""
    driver.get(url)
    assert wait_for(driver, "return window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel"
                            " && Jupyter.notebook.kernel.is_connected();", 90), "the kernel never connected"
    driver.execute_script("Jupyter.notebook.execute_all_cells();")
    done = ("return Jupyter.notebook.get_cells().every(c => c.cell_type !== 'code'"
            " || (typeof c.input_prompt_number === 'number'));")
    assert wait_for(driver, done, timeout), "the cells did not all finish"


def screenshot(driver, name):
    shot = ROOT / "build" / "browser"
    shot.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(shot / name))


def test_run_all_in_the_browser_shows_the_table_and_the_chart(server, tmp_path):
    base, token, folder = server
    copy_notebook(NOTEBOOK, folder / NOTEBOOK.name)
    driver = chrome(tmp_path / "profile")
    try:
        run_all(driver, f"{base}/notebooks/{NOTEBOOK.name}?token={token}", 180)
        tables = driver.execute_script("return document.querySelectorAll('.output_html table').length;")
        images = driver.execute_script("return Array.from(document.querySelectorAll('.output_png img'))"
                                       ".filter(i => i.naturalWidth === 400).length;")
        errors = driver.execute_script("return document.querySelectorAll('.output_error').length;")
        screenshot(driver, "smoke.png")
        assert tables >= 1 and images == 1 and errors == 0, (tables, images, errors)
    finally:
        driver.quit()


def test_a_lesson_runs_in_the_browser_with_its_tables_plots_and_exercise(server, tmp_path):
    base, token, folder = server
    shutil.copytree(ROOT / "datasets", folder / "datasets")
    copy_notebook(LESSON, folder / "lessons" / LESSON.name)
    driver = chrome(tmp_path / "profile")
    try:
        run_all(driver, f"{base}/notebooks/lessons/{LESSON.name}?token={token}", 300)
        tables = driver.execute_script("return document.querySelectorAll('.output_html table').length;")
        images = driver.execute_script("return Array.from(document.querySelectorAll('.output_png img'))"
                                       ".filter(i => i.complete && i.naturalWidth > 100).length;")
        errors = driver.execute_script("return document.querySelectorAll('.output_error').length;")
        stderr = driver.execute_script("return document.querySelectorAll('.output_stderr').length;")
        text = driver.execute_script("return document.body.innerText;")
        driver.set_window_size(1100, 3000)
        screenshot(driver, "lesson.png")
        assert errors == 0 and stderr == 0, (errors, stderr)
        assert tables >= 3, f"only {tables} tables on the page"
        assert images >= 1, "no chart on the page"
        assert "Correct" in text, "the exercise check did not pass"
    finally:
        driver.quit()


QUERIES = ("return Array.from(document.querySelector('.output_html table').tBodies[0].rows)"
           ".map(r => r.cells[1].textContent);")


def test_a_click_on_a_table_header_sorts_its_rows(server, tmp_path):
    base, token, folder = server
    driver = chrome(tmp_path / "profile")
    try:
        copy_notebook(NOTEBOOK, folder / NOTEBOOK.name)
        run_all(driver, f"{base}/notebooks/{NOTEBOOK.name}?token={token}", 180)
        shown = driver.execute_script(QUERIES)
        bid = driver.find_element("xpath", "(//div[contains(@class,'output_html')]//table)[1]//thead/tr[1]/th[3]")

        bid.click()
        ascending = driver.execute_script(QUERIES)
        bid.click()
        descending = driver.execute_script(QUERIES)

        assert bid.text == "bid"
        assert shown == ["shoes", "red shoes", "<b>boots</b>"]
        assert ascending == ["shoes", "<b>boots</b>", "red shoes"]  # bids 0.5, 0.75, 1.25
        assert descending == ["red shoes", "<b>boots</b>", "shoes"]
        assert bid.get_attribute("aria-sort") == "descending"
    finally:
        driver.quit()
