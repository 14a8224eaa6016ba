"""The 依据 column of every record: a citation a person can use (a rule and its article, or the
source document with its paragraph), never a seed file name."""

from __future__ import annotations

import copy
import re

import pytest
from pydantic import ValidationError

from branchcheck.checklists import Template
from branchcheck.engine.validate import load_all

SEED_FILE = re.compile(r"\d{3}_[0-9a-f]{16}\.txt")
CITES = re.compile(
    r"《[^》]+》|第[一二三四五六七八九十百\d]+[条段章]|银发〔\d+〕\d+号|规程|办法|规定|协议"
)


def _items():
    return [(t.template.key, i) for t in load_all().values() for i in t.template.items()]


def test_every_item_cites_a_rule_or_a_document_section():
    items = _items()
    assert len(items) > 60
    for key, item in items:
        assert not SEED_FILE.search(item.source), (key, item.key, item.source)
        assert CITES.search(item.source), (key, item.key, item.source)


def test_seed_article_items_keep_the_file_as_an_extra_reference():
    cited = [(k, i) for k, i in _items() if "汪志勇、王勇才" in i.source]
    assert cited and all(i.seed and SEED_FILE.fullmatch(i.seed) for _, i in cited)
    assert all(re.search(r"第\d+段", i.source) for _, i in cited)


def test_a_seed_file_name_is_refused_as_the_citation():
    content = copy.deepcopy(load_all()["vault_check"].template.model_dump())
    content["sections"][0]["items"][0]["source"] = "000_1561e782874b01c0.txt"
    with pytest.raises(ValidationError, match="citation"):
        Template.model_validate(content)
