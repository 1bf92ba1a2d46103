#!/usr/bin/env python3
"""Install test of the Linux package built by scripts/package.sh.

Checks the `.deb` as a package (`dpkg-deb -c` lists both binaries, the desktop entry, the icons
and the licences; `dpkg-deb -f`: name, the workspace's version, dependencies on WebKitGTK 4.1,
GTK 3, OpenSSL, each satisfiable by this machine's dpkg database), then installs it into a clean
folder (`dpkg-deb -x` into a new temporary root: only what the package holds, no file of the
build tree, and nothing on the machine changed — the test needs no root and can run beside a
real installation) and runs what it installed: `tenken --version` matches the workspace, every
shared library of `tenken-app` resolves, and the installed `tenken-app`, started through
tauri-driver under Xvfb on an empty data folder, shows its start screen.

    xvfb-run -a python3 tests/install/install_test.py [--keep-data]

Prints one line per check and `N passed, N failed` last.
"""

from __future__ import annotations

import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "e2e"))
import harness  # noqa: E402
from harness import ROOT, TARGET, Checks, close_app, ftl_messages, open_app, screenshot  # noqa: E402


def workspace_version() -> str:
    with open(os.path.join(ROOT, "Cargo.toml"), "rb") as f:
        return tomllib.load(f)["workspace"]["package"]["version"]


def find_deb() -> str | None:
    debs = sorted(glob.glob(os.path.join(TARGET, "release", "bundle", "deb", "*.deb")), key=os.path.getmtime)
    return debs[-1] if debs else None


def installed(package: str) -> bool:
    r = subprocess.run(["dpkg-query", "-W", "-f=${Status}", package], capture_output=True, text=True)
    return r.returncode == 0 and r.stdout.strip().endswith("installed")


def check_package(checks: Checks, deb: str, version: str) -> None:
    listing = subprocess.run(["dpkg-deb", "-c", deb], check=True, capture_output=True, text=True).stdout
    # Members are listed as `usr/bin/…` or `./usr/bin/…` depending on the tool that built the tar.
    paths = {"/" + re.sub(r"^\./", "", line.split()[-1]).lstrip("/") for line in listing.splitlines() if line.strip()}
    for path in ("/usr/bin/tenken-app", "/usr/bin/tenken", "/usr/share/applications/tenken.desktop",
                 "/usr/share/doc/tenken/IPA_Font_License_Agreement_v1.0.txt",
                 "/usr/share/doc/tenken/THIRD-PARTY-LICENSES.txt"):
        checks.check(f"package lists {path}", path in paths)
    icons = sorted(p for p in paths if re.fullmatch(r"/usr/share/icons/hicolor/[0-9x@]+/apps/tenken-app\.png", p))
    checks.check("package lists icons in at least 3 sizes", len(icons) >= 3, ", ".join(icons))

    field = lambda name: subprocess.run(["dpkg-deb", "-f", deb, name], check=True, capture_output=True,  # noqa: E731
                                        text=True).stdout.strip()
    checks.check("package name is tenken", field("Package") == "tenken", field("Package"))
    checks.check(f"package version is the workspace's ({version})", field("Version") == version, field("Version"))
    depends = [d.strip() for d in field("Depends").split(",") if d.strip()]
    print(f"     Depends: {', '.join(depends)}", flush=True)
    for needed in ("libwebkit2gtk-4.1-0", "libgtk-3-0", "libssl3"):
        checks.check(f"package depends on {needed}", any(needed in d for d in depends))
    for group in depends:
        names = [re.split(r"[\s(]", alt.strip())[0] for alt in group.split("|")]
        checks.check(f"dependency {group} is satisfiable here", any(installed(n) for n in names))


def check_installed_tree(checks: Checks, root: str, version: str) -> None:
    tenken = os.path.join(root, "usr", "bin", "tenken")
    app = os.path.join(root, "usr", "bin", "tenken-app")
    out = subprocess.run([tenken, "--version"], capture_output=True, text=True, cwd=root)
    checks.check("installed tenken --version matches the workspace",
                 out.returncode == 0 and out.stdout.strip() == f"tenken {version}", out.stdout + out.stderr)
    ldd = subprocess.run(["ldd", app], capture_output=True, text=True).stdout
    missing = [line.strip() for line in ldd.splitlines() if "not found" in line]
    checks.check("every shared library of the installed tenken-app resolves", not missing, "; ".join(missing))
    with open(os.path.join(root, "usr", "share", "applications", "tenken.desktop"), encoding="utf-8") as f:
        desktop = f.read()
    checks.check("desktop entry is named 「tenken 点検」", "\nName=tenken 点検\n" in desktop, desktop)
    checks.check("desktop entry starts tenken-app", re.search(r"^Exec=tenken-app\b", desktop, re.M) is not None)
    icon = re.search(r"^Icon=(.+)$", desktop, re.M)
    checks.check("desktop entry's icon is installed", icon is not None and bool(
        glob.glob(os.path.join(root, "usr", "share", "icons", "hicolor", "*", "apps", f"{icon.group(1)}.png"))))
    with open(os.path.join(root, "usr", "share", "doc", "tenken", "THIRD-PARTY-LICENSES.txt"), encoding="utf-8") as f:
        listed = f.read()
    for name in ("tauri ", "rusqlite ", "printpdf ", "svelte "):
        checks.check(f"third-party list names {name.strip()}", f"\n{name}" in listed)


def run(checks: Checks, data_dir: str, root: str) -> None:
    ja = ftl_messages("ja")
    session = open_app(data_dir)
    try:
        # An empty data folder: the start screen with its "nothing yet" panel.
        session.wait_for('[data-testid="start-empty"]', timeout=60)
        main_text = session.text(session.wait_for("main"))
        checks.check("installed app: the start screen appears", ja["start-heading"] in main_text, main_text[:200])
        checks.check("installed app: it says the store is empty", ja["start-empty-title"] in main_text)
        checks.check("installed app: header shows the app title",
                     session.text(session.wait_for("header h1")) == ja["app-title"])
        screenshot(session, "installed-start")
        # The About panel finds the licence list where the package installed it.
        nav = session.wait_for('[data-testid="nav-settings"]')
        session.click(nav)
        session.wait_for('[data-testid="about-diagnostics"]', timeout=30)
        session.click(session.wait_for('[data-testid="about-third-party"] summary'))
        listed = session.text(session.wait_for('[data-testid="about-third-party"]'))
        checks.check("installed app: About shows the installed third-party list",
                     "/usr/share/doc/tenken/THIRD-PARTY-LICENSES.txt" in listed and "\ntauri " in listed,
                     listed[:300])
    finally:
        close_app(session)
    checks.check("the empty data folder now holds a store", os.path.isfile(os.path.join(data_dir, "tenken.db")))


def main() -> int:
    version = workspace_version()
    deb = find_deb()
    if not deb:
        print(f"no .deb in {TARGET}/release/bundle/deb: run bash scripts/package.sh first")
        print("0 passed, 1 failed")
        return 1
    print(f"     package: {deb}", flush=True)
    pre = Checks()
    check_package(pre, deb, version)
    root = tempfile.mkdtemp(prefix="tenken-install-")
    try:
        subprocess.run(["dpkg-deb", "-x", deb, root], check=True)
        check_installed_tree(pre, root, version)
        # The window test runs the installed binaries (harness.main checks they exist).
        harness.TENKEN = os.path.join(root, "usr", "bin", "tenken")
        harness.APP = os.path.join(root, "usr", "bin", "tenken-app")
        status = harness.main(lambda checks, data_dir: run(checks, data_dir, root))
    finally:
        shutil.rmtree(root, ignore_errors=True)
    passed, failed = pre.passed, pre.failed
    print(f"{passed} passed, {failed} failed (package and installed files)")
    return 1 if status or failed else 0


if __name__ == "__main__":
    sys.exit(main())
