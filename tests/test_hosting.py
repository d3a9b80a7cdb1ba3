"""GitHub Pages and Read the Docs configurations point at the real build."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import yaml

from sphinx_ext.site import read_conf, source_language
from tests.conftest import DOCS, REPO


def test_github_pages_workflow_builds_and_deploys_the_combined_site() -> None:
    workflow = yaml.safe_load((REPO / ".github/workflows/pages.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["build"]["steps"]
    runs = [step.get("run") for step in steps]
    assert "make html" in runs
    build = next(step for step in steps if step.get("run") == "make html")
    assert build["env"]["NOTES_BASE_URL"].endswith("/{lang}/")
    upload = next(step for step in steps if "upload-pages-artifact" in step.get("uses", ""))
    assert upload["with"]["path"] == "build/html"
    assert workflow["permissions"]["pages"] == "write"
    deploy = workflow["jobs"]["deploy"]["steps"][0]
    assert deploy["uses"].startswith("actions/deploy-pages@")


def test_read_the_docs_builds_the_docs_conf_strictly() -> None:
    config = yaml.safe_load((REPO / ".readthedocs.yaml").read_text(encoding="utf-8"))
    assert config["sphinx"] == {"configuration": "docs/conf.py", "fail_on_warning": True}
    assert config["python"]["install"] == [{"method": "pip", "path": "."}]


@pytest.mark.parametrize(("rtd_language", "sphinx_language"), [("de", "de"), ("zh-cn", "zh_CN")])
def test_conf_reads_read_the_docs_language_and_url(
    monkeypatch: pytest.MonkeyPatch, rtd_language: str, sphinx_language: str
) -> None:
    monkeypatch.setenv("READTHEDOCS_LANGUAGE", rtd_language)
    monkeypatch.setenv(
        "READTHEDOCS_CANONICAL_URL", f"https://notes.readthedocs.io/{rtd_language}/latest/"
    )
    conf = read_conf(DOCS)
    assert conf["language"] == sphinx_language
    assert conf["ainotes_base_url"] == "https://notes.readthedocs.io/{slug}/latest/"


def test_conf_reads_the_pages_base_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("READTHEDOCS_LANGUAGE", raising=False)
    monkeypatch.delenv("READTHEDOCS_CANONICAL_URL", raising=False)
    monkeypatch.setenv("NOTES_BASE_URL", "https://me.github.io/notes/{lang}/")
    conf = read_conf(DOCS)
    assert conf["language"] == "en"
    assert conf["ainotes_base_url"] == "https://me.github.io/notes/{lang}/"


def test_conf_without_a_base_url(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("READTHEDOCS_LANGUAGE", "READTHEDOCS_CANONICAL_URL", "NOTES_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
    assert read_conf(DOCS)["ainotes_base_url"] == ""


def _make_html_commands(*variables: str) -> str:
    dry_run = subprocess.run(
        ["make", "-n", "--no-print-directory", "html", *variables],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    return dry_run.stdout


def test_make_html_gives_sphinxs_workers_to_the_translated_builds() -> None:
    commands = _make_html_commands()
    assert "-j 1 -D language=en " in commands
    assert "-j auto -D language=de " in commands


def test_a_one_language_site_builds_with_every_worker(tmp_path: Path) -> None:
    (tmp_path / "conf.py").write_text(
        'ainotes_languages = ["de"]\nainotes_source_language = "de-DE"\n'
    )
    assert source_language(read_conf(tmp_path)) == "de"
    commands = _make_html_commands(f"DOCS={tmp_path}")
    assert "-j auto -D language=de " in commands
