"""Every shipped checklist validates; broken files get messages naming file and item."""

import json
import os
import re
import shutil
from pathlib import Path

import pytest
import yaml

from branchcheck.checklists import loader
from branchcheck.engine.validate import load_all, load_file, validate_paths
from branchcheck.errors import TemplateError
from branchcheck.paths import checklists_dir

FILES = sorted(checklists_dir().glob("*.yaml"))


def test_there_are_checklists():
    assert len(FILES) >= 6, "checklists/*.yaml is empty"


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_every_checklist_file_validates(path):
    loaded = load_file(path)
    t = loaded.template
    assert t.key == path.stem
    for item in t.items():
        assert item.text.zh and item.text.en and item.source


def _broken(tmp_path: Path, change) -> Path:
    content = yaml.safe_load((checklists_dir() / "vault_check.yaml").read_text(encoding="utf-8"))
    change(content)
    path = tmp_path / "vault_check.yaml"
    path.write_text(yaml.safe_dump(content, allow_unicode=True), encoding="utf-8")
    return path


def _item(content, key):
    return next(i for s in content["sections"] for i in s["items"] if i["key"] == key)


@pytest.mark.parametrize(
    "change,expected",
    [
        (lambda c: _item(c, "no_iou").update(type="yesno"), "item 'no_iou': unknown type 'yesno'"),
        (lambda c: _item(c, "no_iou").update(severity="huge"), "(key 'no_iou').severity"),
        (
            lambda c: _item(c, "no_iou").update(risk_driver="bad_luck"),
            "item 'no_iou': unknown risk_driver",
        ),
        (lambda c: _item(c, "no_iou")["text"].pop("zh"), "(key 'no_iou').text.zh: Field required"),
        (lambda c: _item(c, "within_limit").update(key="no_iou"), "item 'no_iou': key used twice"),
        (
            lambda c: _item(c, "weekly_coverage").update(rule="magic"),
            "item 'weekly_coverage': unknown rule 'magic'",
        ),
        (lambda c: _item(c, "no_iou").update(responsible="boss"), "unknown people slot 'boss'"),
        (
            lambda c: _item(c, "no_iou").update(rule="cash_balances"),
            "item 'no_iou': rule 'cash_balances' needs an item of type 'cash_count', not 'yes_no'",
        ),
        (
            lambda c: _item(c, "cash_count")["params"]["denominations"][0].update(face_fen=-1),
            "item 'cash_count': params.denominations[0]: face_fen must be a positive",
        ),
        (
            lambda c: c["distinct"].append(["inspector", "ghost"]),
            "distinct[2]: unknown people slot 'ghost'",
        ),
        (lambda c: c.update(version=0), "version"),
        (lambda c: c["inspector"].update(staff_roles=["king"]), "unknown staff role 'king'"),
    ],
)
def test_broken_templates_name_file_and_item(tmp_path, change, expected):
    path = _broken(tmp_path, change)
    with pytest.raises(TemplateError) as exc:
        load_file(path)
    assert str(path) in str(exc.value)
    assert expected in str(exc.value)


def test_yaml_syntax_error_names_line(tmp_path):
    path = tmp_path / "vault_check.yaml"
    shutil.copy(checklists_dir() / "vault_check.yaml", path)
    path.write_text(path.read_text(encoding="utf-8") + "\n  - : : [\n", encoding="utf-8")
    [(p, message)] = validate_paths([path])
    assert message and "not valid YAML at line" in message and str(path) in message


def test_key_must_match_file_name(tmp_path):
    path = tmp_path / "other.yaml"
    shutil.copy(checklists_dir() / "vault_check.yaml", path)
    with pytest.raises(TemplateError, match="must match the file name 'other'"):
        load_file(path)


@pytest.fixture
def parses(monkeypatch):
    """The files the loader parses, in order."""
    seen: list[str] = []
    real = loader.parse_yaml

    def counting(text, path, *args):
        seen.append(Path(path).name)
        return real(text, path, *args)

    monkeypatch.setattr(loader, "parse_yaml", counting)
    return seen


def test_checklists_are_parsed_once(tmp_path, parses):
    folder = tmp_path / "checklists"
    shutil.copytree(checklists_dir(), folder)
    first = load_all(folder)
    assert sorted(parses) == sorted(p.name for p in FILES)
    second = load_all(folder)
    assert len(parses) == len(FILES)  # nothing parsed again
    assert all(second[k].content is first[k].content for k in first)
    assert {k: lt.sha256 for k, lt in second.items()} == {k: lt.sha256 for k, lt in first.items()}


def test_an_edited_checklist_is_read_again(tmp_path, parses):
    folder = tmp_path / "checklists"
    shutil.copytree(checklists_dir(), folder)
    before = load_all(folder)["vault_check"]
    path = folder / "vault_check.yaml"
    # same size, same second: only the content tells the edit apart
    stat = path.stat()
    text = re.sub(
        r"^version: (\d+)$",
        lambda m: f"version: {int(m[1]) + 1}",
        path.read_text(encoding="utf-8"),
        count=1,
        flags=re.M,
    )
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    after = load_all(folder)["vault_check"]
    assert parses.count("vault_check.yaml") == 2 and len(parses) == len(FILES) + 1
    assert after.template.version == before.template.version + 1
    assert after.sha256 != before.sha256


def test_the_c_loader_is_used_where_present():
    if not hasattr(yaml, "CSafeLoader"):
        pytest.skip("PyYAML built without libyaml")
    assert issubclass(loader.YAML_LOADER, yaml.CSafeLoader)


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_c_and_python_loaders_agree(path):
    if not hasattr(yaml, "CSafeLoader"):
        pytest.skip("PyYAML built without libyaml")
    text = path.read_text(encoding="utf-8")
    fast = loader.parse_yaml(text, path, yaml.CSafeLoader)
    slow = loader.parse_yaml(text, path, yaml.SafeLoader)
    assert fast == slow
    assert json.dumps(fast, sort_keys=True) == json.dumps(slow, sort_keys=True)


@pytest.mark.parametrize("broken", ["a: [1, 2\n", "a: b: c\n", "\tfoo: 1\n", "a: *nope\n"])
def test_yaml_errors_read_the_same_with_either_loader(broken):
    messages = []
    for yaml_loader in (loader.YAML_LOADER, yaml.SafeLoader):
        with pytest.raises(TemplateError) as exc:
            loader.parse_yaml(broken, Path("f.yaml"), yaml_loader)
        messages.append(str(exc.value))
    assert messages[0] == messages[1]
    assert messages[0].startswith("f.yaml: not valid YAML at line ")


# ---------------------------------------------------------------- hostile template files

BOMB = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(8)
)


def _vault_text() -> str:
    return (checklists_dir() / "vault_check.yaml").read_text(encoding="utf-8")


def _write(tmp_path, text: str) -> Path:
    path = tmp_path / "vault_check.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "text,expected",
    [
        (BOMB, "line 1, column 4: anchors and aliases (&name, *name) are not allowed"),
        ("key: " + "[" * 5000 + "]" * 5000, "nested deeper than 32 levels"),
        ("key: " + "{a: " * 2000 + "1" + "}" * 2000, "nested deeper than 32 levels"),
        ("key: vault_check\nkey: other\n", "line 2, column 1: duplicate key 'key'"),
        ("x: " + "y" * (1024 * 1024), "at most 1024 KB"),
    ],
    ids=["anchor bomb", "deep lists", "deep mappings", "duplicate key", "huge file"],
)
def test_hostile_yaml_is_refused_quickly(tmp_path, text, expected):
    import time

    path = _write(tmp_path, text)
    began = time.perf_counter()
    with pytest.raises(TemplateError) as exc:
        load_file(path)
    assert time.perf_counter() - began < 2
    assert expected in str(exc.value) and str(path) in str(exc.value)


def test_a_duplicate_key_inside_an_item_is_refused(tmp_path):
    text = _vault_text().replace("- key: no_iou\n", "- key: no_iou\n        key: no_iou2\n", 1)
    assert text != _vault_text()
    with pytest.raises(TemplateError, match="duplicate key 'key'"):
        load_file(_write(tmp_path, text))


@pytest.mark.parametrize(
    "change,expected",
    [
        (lambda c: c.update(version=True), "version: Input should be a valid integer"),
        (lambda c: c.update(version="2"), "version: Input should be a valid integer"),
        (
            lambda c: _item(c, "no_iou").update(required="yes"),
            "required: Input should be a valid boolean",
        ),
        (lambda c: c["people"][0].update(max=1.0), "max: Input should be a valid integer"),
    ],
)
def test_fields_take_their_own_type_only(tmp_path, change, expected):
    with pytest.raises(TemplateError, match=re.escape(expected)):
        load_file(_broken(tmp_path, change))


def _handover(tmp_path, **params):
    content = yaml.safe_load(
        (checklists_dir() / "cashbox_handover.yaml").read_text(encoding="utf-8")
    )
    _item(content, "box_list").setdefault("params", {}).update(params)
    path = tmp_path / "cashbox_handover.yaml"
    path.write_text(yaml.safe_dump(content, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "pattern,expected",
    [
        (r"^(A+)+B$", "params.seal_pattern uses a repeated group"),
        (r"^(\w)\1$", "params.seal_pattern uses a back-reference"),
        (r"^(?=A)\w+$", "params.seal_pattern uses a look-ahead"),
        (r"^A*A*A*A*$", "params.seal_pattern has 4 repeats of variable length"),
        ("A" * 201, "params.seal_pattern is longer than 200 characters"),
        ("[", "params.seal_pattern is not a valid regular expression"),
        (5, "params.seal_pattern must be a regular expression"),
    ],
)
def test_unsafe_template_patterns_are_refused_at_load(tmp_path, pattern, expected):
    with pytest.raises(TemplateError) as exc:
        load_file(_handover(tmp_path, seal_pattern=pattern))
    assert f"item 'box_list': {expected}" in str(exc.value)


def test_a_safe_pattern_is_used(tmp_path):
    loaded = load_file(_handover(tmp_path, seal_pattern=r"^S[0-9]{6}$"))
    assert _item(loaded.content, "box_list")["params"]["seal_pattern"] == r"^S[0-9]{6}$"


# ---------------------------------------------------------------- fuzz

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_YAML_BITS = st.sampled_from(
    [
        "key: vault_check\n",
        "version: 1\n",
        "version: true\n",
        "- ",
        "  ",
        ": ",
        "&a ",
        "*a ",
        "[",
        "]",
        "{",
        "}",
        "\n",
        "'",
        '"',
        "!!python/object:os.system\n",
        "<<: *a\n",
        "? ",
        "sections:\n",
        "  - key: s\n",
        "    items: []\n",
        "title: {zh: 查库, en: Vault}\n",
        "\t",
        "#",
        "|\n",
        ">-\n",
        "---\n",
        "...\n",
        "%YAML 1.1\n",
        "!!binary aGk=\n",
        "1e400",
    ]
)
_YAML_TEXT = st.lists(_YAML_BITS | st.text(max_size=8), max_size=40).map("".join)


@settings(max_examples=1000, deadline=None)
@given(text=_YAML_TEXT)
def test_fuzzed_yaml_is_a_template_or_a_template_error(text):
    from branchcheck.engine.validate import template_from_content

    try:
        content = loader.parse_yaml(text, Path("fuzz.yaml"))
        template_from_content(content, "fuzz.yaml")
    except TemplateError as exc:
        assert "fuzz.yaml" in str(exc)


@settings(max_examples=100, deadline=None)  # the schema and engine checks: 0.1 s per case
@given(data=st.data())
def test_fuzzed_changes_to_a_real_template_are_errors_not_tracebacks(data):
    from branchcheck.engine.validate import template_from_content

    content = yaml.safe_load(_vault_text())
    node, path = content, []
    while isinstance(node, dict | list) and node and data.draw(st.booleans()):
        keys = list(node) if isinstance(node, dict) else list(range(len(node)))
        step = data.draw(st.sampled_from(keys))
        if not isinstance(node[step], dict | list):
            break
        path.append(step)
        node = node[step]
    value = data.draw(
        st.none()
        | st.booleans()
        | st.integers()
        | st.floats()
        | st.text(max_size=20)
        | st.lists(st.integers(), max_size=3)
        | st.dictionaries(st.text(max_size=5), st.integers(), max_size=3)
    )
    if isinstance(node, dict):
        node[data.draw(st.sampled_from([*node, "extra"]))] = value
    elif isinstance(node, list):
        node[data.draw(st.integers(0, len(node) - 1))] = value
    try:
        template_from_content(content, "vault_check.yaml")
    except TemplateError as exc:
        assert "vault_check.yaml" in str(exc)
