"""A data type is data: one added only in copies of the data files (the ontology node, with its
contract, and its English words) is read in policies and audited in apps with no code edited.

The copies are read through the loaders' one seam (parsed_cache.data_override, the
PERMAUDIT_DATA_DIR folder), in a fresh process, as an installed permaudit would read them.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from permaudit.catalog import load_data
from permaudit.catalog.ontology import Ontology
from permaudit.catalog.parsed_cache import DATA_DIR_VARIABLE
from permaudit.models import all_data_types

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "permaudit"
NEW = "gsf_id"
NEW_NODE = {
    "kind": "data_type",
    "parents": ["device_id"],
    "data_type": {"category": "device_id", "label": "GSF ID", "severity": "warning"},
}
NEW_WORDS = ["gsf ids?", "google services framework (?:ids?|identifiers?)"]
# A second new one, an identifier a connected product has too: whose it is decides.
NEW_PRODUCT = "hardware_uuid"
NEW_PRODUCT_NODE = {
    "kind": "data_type",
    "parents": ["device_id"],
    "products_have": "identifier",
    "data_type": {"category": "device_id", "label": "hardware UUID", "severity": "error"},
}
NEW_PRODUCT_WORDS = ["hardware uuids?"]

# Runs in the child: the audit of an app whose code reads the new datum, against each policy.
_AUDIT = """
import json, sys
from permaudit.audit import audit
from permaudit.models import ApiEvidence, AppFacts, Category, DataType, Party
from permaudit.policy import analyze_text

read = ApiEvidence(
    api="Lcom/google/android/gsf/Gservices;->getString()Ljava/lang/String;",
    permission=None,
    category=Category.DEVICE_ID,
    caller_class="com.vendor.Bind",
    caller_method="register()V",
    party=Party.FIRST_PARTY,
    data_type=DataType(sys.argv[1]),
)
app = AppFacts(source="bind.apk", package="com.vendor", min_sdk=26, target_sdk=34,
               api_evidence=(read,))
out = {}
for name, text in json.loads(sys.argv[2]).items():
    findings = audit(app, analyze_text(text, source=name))
    out[name] = [f.model_dump(mode="json") for f in findings if f.data_type is not None]
print(json.dumps(out))
"""

# Runs in the child: each policy's status of each data type named.
_STATUSES = """
import json, sys
from permaudit.models import DataType
from permaudit.policy import analyze_text

out = {}
for name, text in json.loads(sys.argv[2]).items():
    facts = analyze_text(text, source=name)
    out[name] = {d: facts.data_type_status(DataType(d)).value for d in sys.argv[1].split(",")}
print(json.dumps(out))
"""


def _copy_with(source: Path, target: Path, change: Any) -> None:
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    change(data)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8")


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("data")
    _copy_with(
        PACKAGE / "catalog" / "ontology.yaml",
        folder / "catalog" / "ontology.yaml",
        lambda data: data["nodes"].update({NEW: NEW_NODE, NEW_PRODUCT: NEW_PRODUCT_NODE}),
    )
    _copy_with(
        PACKAGE / "policy" / "languages" / "en" / "lexicon.yaml",
        folder / "policy" / "languages" / "en" / "lexicon.yaml",
        lambda data: data["categories"]["device_id"]["terms"].update(
            {NEW: NEW_WORDS, NEW_PRODUCT: NEW_PRODUCT_WORDS}
        ),
    )
    return folder


def _run(data_dir: Path, *args: str) -> str:
    env = dict(os.environ, **{DATA_DIR_VARIABLE: str(data_dir)})
    run = subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, cwd=ROOT, env=env, timeout=300
    )
    assert run.returncode == 0, run.stderr
    return run.stdout


def test_a_new_data_type_is_read_in_a_policy(data_dir: Path, tmp_path: Path) -> None:
    policy = tmp_path / "policy.txt"
    policy.write_text(
        "Privacy Policy\n\nWe collect your Android ID and your GSF ID to keep your account "
        "secure.\n",
        encoding="utf-8",
    )
    out = _run(data_dir, "-m", "permaudit", "policy", str(policy), "--format", "json")
    device_id = json.loads(out)["categories"]["device_id"]["data_types"]
    # In contract order: the order of the ontology's nodes, the new ones last.
    assert list(device_id) == [
        *(d.value for d in all_data_types() if d.category.value == "device_id"),
        NEW,
        NEW_PRODUCT,
    ]
    assert device_id[NEW]["status"] == "explicit"
    assert device_id[NEW]["evidence"][0]["quote"].startswith("We collect your Android ID and your")
    assert device_id["imei"]["status"] == "absent"


def test_an_app_reading_a_new_data_type_gets_its_finding_with_its_severity(
    data_dir: Path,
) -> None:
    policies = {
        "names_android_id": "Privacy Policy\n\nWe collect your Android ID.\n",
        "names_both": "Privacy Policy\n\nWe collect your Android ID and your GSF ID.\n",
    }
    out = json.loads(_run(data_dir, "-c", _AUDIT, NEW, json.dumps(policies)))
    # What the policy says of the rest of device_id is another rule's business.
    (finding,) = [f for f in out["names_android_id"] if f["data_type"] == NEW]
    assert finding["rule"] == "data_type_undisclosed"
    assert finding["data_type"] == NEW
    # The node's severity, not the rule's default (error).
    assert finding["severity"] == "warning"
    assert finding["message"] == (
        "com.vendor.Bind.register reads the GSF ID (Gservices.getString); "
        "the policy names the Android ID, not the GSF ID"
    )
    assert [f for f in out["names_both"] if f["data_type"] == NEW] == []


def test_a_new_identifier_a_product_has_too_is_the_products_where_the_product_owns_it(
    data_dir: Path,
) -> None:
    """The node's `products_have`, no code: "the camera's hardware UUID" is the camera's,
    yours is the phone's; the GSF ID, which no product has, is the phone's wherever it
    stands."""
    sentences = {
        "camera_owns": "We collect the camera's hardware UUID.",
        "camera_of": "We collect the hardware UUID of the doorbell.",
        "phone_owns": "We collect your phone's hardware UUID.",
        "unowned": "We collect the hardware UUID.",
        "not_a_products": "We collect the camera's GSF ID.",
    }
    # A sentence of personal data first: one about a product's identifier alone reads as no
    # privacy policy.
    intro = "Privacy Policy\n\nWe collect personal information to run the service. "
    policies = {name: f"{intro}{sentence}\n" for name, sentence in sentences.items()}
    out = json.loads(_run(data_dir, "-c", _STATUSES, f"{NEW_PRODUCT},{NEW}", json.dumps(policies)))
    assert {name: statuses[NEW_PRODUCT] for name, statuses in out.items()} == {
        "camera_owns": "absent",
        "camera_of": "absent",
        "phone_owns": "explicit",
        "unowned": "explicit",
        "not_a_products": "absent",
    }
    assert out["not_a_products"][NEW] == "explicit"


def test_the_rule_docs_name_a_new_error_data_type_among_the_errors(data_dir: Path) -> None:
    """The help of data_type_undisclosed lists the error data types from the ontology: the new
    error one (hardware UUID) joins the list, the new warning one (GSF ID) does not."""
    code = "from permaudit.audit.rules.data_type_undisclosed import DOC; print(DOC.help)"
    help_text = _run(data_dir, "-c", code)
    assert help_text.rstrip().endswith(
        "Error for the IMEI, IMSI, SIM serial, phone number, hardware serial, MAC address,"
        " Wi-Fi network identity and hardware UUID; warning for the others."
    )
    assert "GSF" not in help_text


def test_without_the_copies_the_new_id_is_no_data_type() -> None:
    """The same id, shipped data only: refused, in code and in validation."""
    run = subprocess.run(
        [sys.executable, "-c", f"from permaudit.models import DataType; DataType({NEW!r})"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={k: v for k, v in os.environ.items() if k != DATA_DIR_VARIABLE},
        timeout=120,
    )
    assert run.returncode != 0
    assert f"'{NEW}' is no data type" in run.stderr


@pytest.mark.parametrize(
    ("change", "error"),
    [
        ({"parents": ["contacts"]}, "gsf_id: not under its category device_id"),
        ({"data_type": {**NEW_NODE["data_type"], "severity": "note"}}, "severity"),
        ({"data_type": {**NEW_NODE["data_type"], "label": ""}}, "label"),
        ({"data_type": None}, "gives its data type contract"),
        ({"products_have": "sometimes"}, "products_have"),
    ],
)
def test_the_ontology_refuses_a_data_type_node_that_breaks_the_contract(
    change: dict[str, Any], error: str
) -> None:
    data = load_data("ontology.yaml")
    nodes = {**data["nodes"], NEW: {**NEW_NODE, **change}}
    with pytest.raises(ValueError, match=re.escape(error)):
        Ontology.model_validate({**data, "nodes": nodes})


def test_a_data_type_id_is_a_plain_lower_case_word() -> None:
    data = load_data("ontology.yaml")
    with pytest.raises(ValueError, match="a data type id is lower-case"):
        Ontology.model_validate({**data, "nodes": {**data["nodes"], "GSF-id": NEW_NODE}})
