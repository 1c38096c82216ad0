"""kg.view and ``kg view``: the page's data, determinism, bad input, and the page in a real browser.

The browser tests open the written file in headless Chromium (Debian's ``chromium`` and
``chromium-driver``, driven by selenium) with the network cut off, and check what a reader sees:
the counts, a relation toggle, the claims of a clicked edge, an actor's partners and adversaries,
the time window and the search box; and that no request left the page. They are skipped, with the
reason, only when Chromium or selenium is missing (``.ci/run`` installs them).

``python tests/test_view.py`` regenerates graphs/examples-view.png, the screenshot the README shows.
"""

from __future__ import annotations

import json
import re
import shutil
import struct
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from kg.errors import GraphError
from kg.filters import GraphFilter
from kg.model import Document, Relation
from kg.rdf import build_graph
from kg.view import view_graph

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "graphs" / "examples.ttl"
SCREENSHOT = ROOT / "graphs" / "examples-view.png"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")

# Sentences written for these tests.
DOCS = [Document("n1.txt", "", title="Shells for oil", date="2024-06-01", url="https://example.org/n1"),
        Document("n2.txt", "", title="Sanctions and support", date="2023-01-10")]


def _rel(doc, s, p, o, sentence, start, **kw):
    return Relation(doc, s, p, o, s, o, sentence, start, start + len(sentence), **kw)


RELATIONS = [
    _rel("n1.txt", "PRK", "supplies", "RUS", "Pyongyang reportedly shipped shells to Moscow.", 0, hedged=True,
         time_value="2023", trigger="shipped", confidence=0.7),
    _rel("n1.txt", "PRK", "supplies", "RUS", "North Korea sent rockets to Russia in May 2024.", 50,
         time_value="2024-05", trigger="sent"),
    _rel("n1.txt", "RUS", "supplies", "PRK", "Moscow gave Pyongyang oil in return.", 100, trigger="gave"),
    _rel("n1.txt", "PRK", "alliedWith", "RUS", "The two signed a mutual defence pact.", 140, trigger="pact"),
    _rel("n1.txt", "RUS", "attacks", "UKR", "Russian missiles struck Kyiv overnight.", 180, trigger="struck"),
    _rel("n2.txt", "USA", "sanctions", "PRK", "Washington sanctioned Pyongyang again.", 0, trigger="sanctioned",
         attributed_to="USA"),
    _rel("n2.txt", "CHN", "concernedBy", "PRK", "Beijing voiced concern over the test.", 40, confidence=0.4,
         trigger="concern"),
    _rel("n2.txt", "NATO", "supports", "UKR", "NATO backed Kyiv.", 80, trigger="backed"),
    _rel("n2.txt", "CHN", "supplies", "PRK", "China denied that it had sent weapons to North Korea.", 100,
         negated=True, trigger="sent"),
]


@pytest.fixture(scope="module")
def source(tmp_path_factory, gazetteer):
    path = tmp_path_factory.mktemp("view") / "graph.ttl"
    path.write_bytes(build_graph(RELATIONS, DOCS, gazetteer).serialize(format="turtle", encoding="utf-8"))
    return path


@pytest.fixture(scope="module")
def page(source, tmp_path_factory, gazetteer):
    out = tmp_path_factory.mktemp("page") / "view.html"
    report = view_graph(source, out, gazetteer=gazetteer, title="Test <view>")
    return out, report


def embedded(path, name):
    text = Path(path).read_text(encoding="utf-8")
    m = re.search(rf'<script type="application/json" id="{name}">(.*?)</script>', text, re.S)
    return json.loads(m.group(1))


# ---------------------------------------------------------------------------- the file

def test_page_holds_one_element_per_pair_and_the_claims(page):
    out, report = page
    assert (report.actors, report.pairs, report.relations) == (6, 5, 7)
    data = embedded(out, "kg-data")
    assert sorted(n["id"] for n in data["nodes"]) == ["CHN", "NATO", "PRK", "RUS", "UKR", "USA"]
    pairs = {(e["source"], e["target"]): e for e in data["edges"]}
    rels = [r["name"] for r in data["styles"]["relations"]]
    korea = pairs[("PRK", "RUS")]["rels"]  # alliedWith (mutual), supplies both ways, counted per date
    assert [(rels[p], d) for p, d, _ in korea] == [("alliedWith", 2), ("supplies", 0), ("supplies", 1)]
    dates = data["dates"]
    assert [[dates[i] if i >= 0 else None, n] for i, n in korea[1][2]] == [["2023", 1], ["2024-05", 1]]
    claims = embedded(out, "kg-claims")[pairs[("PRK", "RUS")]["id"]]
    shipped = next(c for c in claims if c["text"].startswith("Pyongyang"))
    assert shipped["text"][shipped["hl"][0]:shipped["hl"][1]] == "shipped"
    assert (shipped["hedged"], shipped["negated"], shipped["title"], shipped["url"], shipped["date"],
            shipped["confidence"]) == (True, False, "Shells for oil", "https://example.org/n1", "2023", 0.7)
    # the denied supply has no edge of its own: it is shown, flagged, with the pair China-North Korea
    china = embedded(out, "kg-claims")[pairs[("CHN", "PRK")]["id"]]
    assert [(rels[c["p"]], c["negated"]) for c in china] == [("concernedBy", False), ("supplies", True)]
    assert [r[0] for r in pairs[("CHN", "PRK")]["rels"]] == [rels.index("concernedBy")]
    sanction = embedded(out, "kg-claims")[pairs[("PRK", "USA")]["id"]][0]
    assert sanction["attributed"] and sanction["url"] is None and sanction["date"] == "2023-01-10"


def test_page_is_self_contained_and_escaped(page):
    out, _ = page
    text = out.read_text(encoding="utf-8")
    assert "Content-Security-Policy" in text and "default-src 'none'" in text
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=", text)
    assert "<title>Test &lt;view&gt;</title>" in text
    assert "Cytoscape.js 3.35.0" in text and "Permission is hereby granted" in text  # the licence notice


def test_same_graph_same_bytes(source, tmp_path, gazetteer):
    a, b = tmp_path / "a.html", tmp_path / "b.html"
    view_graph(source, a, gazetteer=gazetteer)
    view_graph(source, b, gazetteer=gazetteer)
    assert a.read_bytes() == b.read_bytes()


def test_filters_apply_before_the_page(source, tmp_path, gazetteer):
    out = tmp_path / "f.html"
    report = view_graph(source, out, gazetteer=gazetteer, flt=GraphFilter(focus="UKR"))
    data = embedded(out, "kg-data")
    assert sorted(n["id"] for n in data["nodes"]) == ["NATO", "RUS", "UKR"] and data["focus"] == "UKR"
    assert report.pairs == 2 and "Filter: focus UKR" in out.read_text(encoding="utf-8")
    with pytest.raises(GraphError, match="nothing to show: the graph has no relations after the filters"):
        view_graph(source, tmp_path / "g.html", gazetteer=gazetteer, flt=GraphFilter(since="2030"))
    assert not (tmp_path / "g.html").exists()


@pytest.fixture(scope="module")
def cli():
    from kg.cli_draw import view as command

    return click.Group("kg", commands={"view": command})


def test_command_writes_the_page(cli, source, tmp_path):
    out = tmp_path / "k.html"
    r = CliRunner().invoke(cli, ["view", str(source), "-o", str(out), "--relations", "supplies,attacks"])
    assert r.exit_code == 0, r.output
    assert r.output.startswith(f"kg: wrote 3 actors, 2 pairs and 4 claims to {out} (")
    assert len(embedded(out, "kg-data")["edges"]) == 2


@pytest.mark.parametrize("args, code, message", [
    (["-o", "{tmp}/g.png"], 2, "'g.png' is not an .html file"),
    (["-o", "{tmp}/g.html", "--focus", "Ukriane"], 2, "did you mean 'Ukraine'"),
    (["-o", "{tmp}/g.html", "--since", "2030"], 1, "nothing to show: the graph has no relations after the filters"),
    (["-o", "{tmp}/missing/g.html"], 1, "does not exist"),
])
def test_command_errors(cli, source, tmp_path, args, code, message):
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    r = CliRunner().invoke(cli, ["view", str(source), *args])
    assert r.exit_code == code and message in r.output and "Traceback" not in r.output, r.output
    assert not list(tmp_path.glob("g*"))


def test_missing_graph_is_one_line(cli, tmp_path):
    r = CliRunner().invoke(cli, ["view", str(tmp_path / "nope.ttl"), "-o", str(tmp_path / "v.html")])
    assert r.exit_code == 1 and "nope.ttl" in r.output and len(r.output.strip().splitlines()) == 1, r.output


def _tool(name):
    import importlib.util

    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_vendored_library_is_the_pinned_version_with_its_licence():
    vendor = _tool("vendor_cytoscape")
    view = ROOT / "kg" / "view"
    assert f'"{vendor.VERSION}"' in (view / "cytoscape.min.js").read_text(encoding="utf-8")
    notice = (view / "cytoscape.LICENSE.txt").read_text(encoding="utf-8")
    assert notice.startswith(f"Cytoscape.js {vendor.VERSION} ") and "Permission is hereby granted" in notice


def test_view_imports_no_heavy_library():
    import subprocess
    import sys

    code = ("import sys, kg.view, kg.view.data, kg.styles; "
            "print(sorted(m for m in ('matplotlib', 'networkx', 'rdflib', 'pyoxigraph') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


# ---------------------------------------------------------------------------- in the browser

def _browser():
    if CHROMIUM is None or CHROMEDRIVER is None:
        pytest.skip("needs chromium and chromium-driver (apt-get install chromium chromium-driver; .ci/run does)")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.options import Options
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        pytest.skip("needs selenium (pip install '.[test]')")
    options = Options()
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1400,860", "--hide-scrollbars", "--force-device-scale-factor=1"):
        options.add_argument(arg)
    options.binary_location = CHROMIUM
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    # the network is cut off before the page loads: a request would fail, and would still be logged
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.emulateNetworkConditions", {"offline": True, "latency": 0,
                                                                "downloadThroughput": 0, "uploadThroughput": 0})
    return driver


def _open(driver, path):
    import time

    driver.get(Path(path).resolve().as_uri())
    deadline = time.monotonic() + 30
    while not driver.execute_script("return document.body.dataset.ready === 'true'"):
        assert time.monotonic() < deadline, "the page did not get ready"
        time.sleep(0.05)


def _status(driver) -> tuple[int, int, int]:
    d = driver.execute_script("var s = document.getElementById('status').dataset; return [s.actors, s.pairs, s.relations]")
    return tuple(int(x) for x in d)


def _requests(driver) -> list[str]:
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def _click_at(driver, x, y):
    """A real mouse click at (x, y) of the graph's canvas (CSS pixels from its top left)."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    box = driver.find_element(By.ID, "cy")
    size = box.size
    ActionChains(driver).move_to_element_with_offset(box, x - size["width"] / 2, y - size["height"] / 2).click().perform()


def _click_element(driver, element_id):
    """Click a node, or an edge at its midpoint, where the page draws it."""
    x, y = driver.execute_script(
        "var e = window.kgView.cy.getElementById(arguments[0]);"
        "var p = e.isNode() ? e.renderedPosition() : e.renderedMidpoint(); return [p.x, p.y];", element_id)
    _click_at(driver, x, y)


@pytest.fixture(scope="module")
def browser():
    driver = _browser()
    yield driver
    driver.quit()


@pytest.mark.slow
def test_the_page_in_a_browser(browser, page, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    out, report = page
    data = embedded(out, "kg-data")
    _open(browser, out)
    assert _status(browser) == (6, 5, 7)
    assert browser.execute_script("return window.kgView.cy.nodes(':visible').length") == 6
    assert browser.execute_script("return window.kgView.cy.edges(':visible').length") == 5
    assert browser.execute_script("return window.kgView.cy.zoom() > 0 && window.kgView.cy.extent().w > 0")

    pair = next(e["id"] for e in data["edges"] if (e["source"], e["target"]) == ("PRK", "RUS"))
    # an edge click shows its claims, the trigger marked, with document, date and flags
    _click_element(browser, pair)
    details = browser.find_element(By.ID, "details")
    assert details.get_attribute("data-id") == pair
    claims = details.find_elements(By.CSS_SELECTOR, ".claim")
    assert sorted(c.get_attribute("data-relation") for c in claims) == ["alliedWith", "supplies", "supplies", "supplies"]
    shipped = next(c for c in claims if "Pyongyang reportedly" in c.text)
    assert shipped.find_element(By.TAG_NAME, "mark").text == "shipped"
    assert "hedged" in shipped.text and "2023" in shipped.text and "confidence 0.70" in shipped.text
    link = shipped.find_element(By.TAG_NAME, "a")
    assert (link.text, link.get_attribute("href")) == ("Shells for oil", "https://example.org/n1")

    # a relation toggle: without supplies the pair keeps only its alliance
    browser.find_element(By.ID, "rel-supplies").click()
    assert _status(browser) == (6, 5, 5)
    assert [c.get_attribute("data-relation") for c in details.find_elements(By.CSS_SELECTOR, ".claim")] == ["alliedWith"]
    # a quad class toggle: conflict, material off removes sanctions and attacks
    browser.find_element(By.ID, "quad-materialConflict").click()
    assert _status(browser) == (5, 3, 3)
    browser.find_element(By.ID, "quad-materialConflict").click()
    browser.find_element(By.ID, "rel-supplies").click()
    assert _status(browser) == (6, 5, 7)

    # the time window: from 2024 on, the 2023 shipment and the undated claims (dated by their documents here)
    # drop out
    browser.execute_script("var s = document.getElementById('time-from');"
                           "s.value = String(window.kgView.state.from + arguments[0]);"
                           "s.dispatchEvent(new Event('input'));", data["dates"].index("2024-05"))
    texts = [c.text for c in details.find_elements(By.CSS_SELECTOR, ".claim")]
    assert not any("Pyongyang reportedly" in t for t in texts) and any("May 2024" in t for t in texts)
    assert _status(browser) == (3, 2, 4)
    browser.execute_script("var s = document.getElementById('time-from'); s.value = '0';"
                           "s.dispatchEvent(new Event('input'));")

    # an actor click: partners and adversaries with their signed weights
    _click_element(browser, "RUS")
    assert details.get_attribute("data-id") == "RUS"
    partners = [li.get_attribute("data-actor") for li in details.find_elements(By.CSS_SELECTOR, "ul.partners li")]
    adversaries = [li.get_attribute("data-actor") for li in details.find_elements(By.CSS_SELECTOR, "ul.adversaries li")]
    assert partners == ["PRK"] and adversaries == ["UKR"]

    # the search box
    search = browser.find_element(By.ID, "search")
    search.send_keys("ukr", Keys.ENTER)
    assert details.get_attribute("data-id") == "UKR"
    assert browser.execute_script("return window.kgView.cy.$(':selected').map(function (e) { return e.id(); })") == ["UKR"]

    # nothing left the page: the only request is the file itself, and the page loaded no resource
    assert _requests(browser) == [out.resolve().as_uri()]
    assert browser.execute_script("return performance.getEntriesByType('resource').length") == 0
    assert not [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    shot = tmp_path / "view.png"
    browser.save_screenshot(str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">I", shot.read_bytes()[16:20])[0] == 1400


def screenshot_examples(driver, html: Path, png: Path) -> None:
    """The README's screenshot: the examples' page with Russia selected."""
    _open(driver, html)
    driver.execute_script("window.kgView.select('RUS'); window.kgView.cy.fit(undefined, 30);")
    driver.save_screenshot(str(png))


@pytest.mark.slow
def test_examples_page_and_its_screenshot(browser, tmp_path, gazetteer):
    html = tmp_path / "examples.html"
    report = view_graph(EXAMPLES, html, gazetteer=gazetteer, title="Relations in the bundled examples")
    png = tmp_path / "examples-view.png"
    screenshot_examples(browser, html, png)
    assert _status(browser) == (report.actors, report.pairs, report.relations)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and SCREENSHOT.exists()
    assert _requests(browser) == [html.resolve().as_uri()]


if __name__ == "__main__":  # regenerate graphs/examples-view.png
    import tempfile

    from kg.gazetteer import load_gazetteer

    with tempfile.TemporaryDirectory() as tmp:
        html = Path(tmp) / "examples.html"
        view_graph(EXAMPLES, html, gazetteer=load_gazetteer(), title="Relations in the bundled examples")
        driver = _browser()
        try:
            screenshot_examples(driver, html, SCREENSHOT)
        finally:
            driver.quit()
    print(SCREENSHOT)
