"""Jinja's bytecode cache in the disk cache: the pages it renders are the pages compiled afresh,
it sits in the user's cache folder under Jinja's version and the package's code, and with
caching off there is none."""

from __future__ import annotations

import pytest

from interkultur import diskcache

PAGES = ("/", "/widget/2025/3?lang=ar", "/subscribe?lang=tr", "/year/2025", "/holiday/diwali?lang=en")


def _bodies(make_app) -> dict[str, bytes]:
    client = make_app().test_client()
    found = {}
    for path in PAGES:
        response = client.get(path, headers={"Host": "localhost"})
        assert response.status_code == 200, path
        found[path] = response.data
    return found


def test_pages_from_cached_bytecode_are_the_pages_compiled_afresh(make_app, tmp_path, monkeypatch):
    monkeypatch.setenv(diskcache.ENV_VARIABLE, "off")
    fresh = _bodies(make_app)
    folder = tmp_path / "cache"
    monkeypatch.setenv(diskcache.ENV_VARIABLE, str(folder))
    filling = _bodies(make_app)  # compiles and stores
    stored = list(folder.glob("templates-*/__jinja2_*.cache"))
    assert len(stored) >= 5
    import jinja2

    def no_compiling(*args, **kwargs):
        raise AssertionError("a template was compiled, not read from the bytecode cache")

    with monkeypatch.context() as patch:
        patch.setattr(jinja2.Environment, "compile", no_compiling)
        reading = _bodies(make_app)  # a new app, a new Jinja environment: loads the stored code
    assert filling == fresh and reading == fresh


def test_no_bytecode_cache_when_caching_is_off(make_app, monkeypatch):
    monkeypatch.setenv(diskcache.ENV_VARIABLE, "off")
    assert make_app().jinja_env.bytecode_cache is None


@pytest.mark.skipif(not hasattr(__import__("os"), "getuid"), reason="ownership check is POSIX")
def test_a_folder_others_may_write_is_not_used(make_app, tmp_path, monkeypatch):
    folder = tmp_path / "shared"
    folder.mkdir(mode=0o777)
    folder.chmod(0o777)
    monkeypatch.setenv(diskcache.ENV_VARIABLE, str(folder))
    assert make_app().jinja_env.bytecode_cache is None
