"""Fixtures for the browser tests: needle-http serving the bundled corpus's index in its own
process (`--in-process`, as `Tools/serve --http` runs it) on a free port, and headless Chromium
driven by Selenium.

The binaries come from $NEEDLE_BIN_DIR when set (binaries built elsewhere), else from `swift build --show-bin-path`.
"""
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "docs" / "screenshots"


def bin_dir() -> Path:
    if os.environ.get("NEEDLE_BIN_DIR"):
        return Path(os.environ["NEEDLE_BIN_DIR"])
    out = subprocess.run(["swift", "build", "--show-bin-path"], cwd=ROOT, check=True, capture_output=True, text=True)
    return Path(out.stdout.strip())


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until(check, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except OSError:
            pass
        time.sleep(0.05)
    raise RuntimeError(f"timed out waiting for {what}")


@pytest.fixture(scope="session")
def gateway_url():
    """needle-http --in-process over a fresh index of Corpus/ on a free port; yields the page's URL."""
    binaries = bin_dir()
    for name in ("needle", "needle-http"):
        if not (binaries / name).exists():
            pytest.fail(f"{binaries / name} is missing: build the package first (swift build)")
    work = Path(tempfile.mkdtemp(prefix="needle-browser-"))
    index, port = work / "needle.sqlite", free_port()
    subprocess.run([binaries / "needle", "index", "--corpus", ROOT / "Corpus", "--out", index],
                   check=True, capture_output=True)
    gateway = subprocess.Popen([binaries / "needle-http", "--in-process", "--index", index, "--port", str(port),
                                "--log-level", "warning"], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}"
        wait_until(lambda: urllib.request.urlopen(url + "/health", timeout=2).status == 200, 20, "needle-http")
        yield url
    finally:
        gateway.terminate()
        try:
            gateway.wait(10)
        except subprocess.TimeoutExpired:
            gateway.kill()
        shutil.rmtree(work, ignore_errors=True)


def chromium_paths():
    browser = next((p for p in (shutil.which("chromium"), shutil.which("chromium-browser"), shutil.which("google-chrome")) if p), None)
    driver = shutil.which("chromedriver")
    if not browser or not driver:
        pytest.fail("headless Chromium and chromedriver are needed (Debian: apt-get install chromium chromium-driver)")
    return browser, driver


@pytest.fixture
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    binary, driver_path = chromium_paths()
    options = Options()
    options.binary_location = binary
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1100,900", "--hide-scrollbars", "--force-device-scale-factor=1"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    driver.implicitly_wait(0)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="session")
def screenshots():
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
