from permaudit.models import (
    AppFacts,
    Category,
    CategoryDisclosure,
    PolicyFacts,
    Rule,
    Scope,
    Status,
    fingerprint,
)


def test_fingerprint_ignores_permission_order_and_duplicates() -> None:
    a = fingerprint(Rule.UNDISCLOSED, "com.x", Category.LOCATION, ("B", "A"))
    b = fingerprint(Rule.UNDISCLOSED, "com.x", Category.LOCATION, ("A", "B", "A"))
    assert a == b
    assert a != fingerprint(Rule.VAGUE, "com.x", Category.LOCATION, ("A", "B"))


def test_policy_facts_require_every_category() -> None:
    full = {c: CategoryDisclosure() for c in Category}
    facts = PolicyFacts(source="p.txt", categories=full)
    assert facts.status(Category.CAMERA) is Status.ABSENT
    partial = {Category.CAMERA: CategoryDisclosure()}
    try:
        PolicyFacts(source="p.txt", categories=partial)
    except ValueError as error:
        assert "location" in str(error)
    else:
        raise AssertionError("a policy missing categories must not validate")


def test_policy_json_has_scope_only_where_set() -> None:
    full = {c: CategoryDisclosure() for c in Category}
    full[Category.LOCATION] = CategoryDisclosure(status=Status.EXPLICIT, scope=Scope())
    data = PolicyFacts(source="p.txt", categories=full).to_json_dict()
    assert set(data["categories"]) == {c.value for c in Category}
    assert data["categories"]["location"]["scope"] == {
        "precision": "unspecified",
        "background": False,
    }
    assert "scope" not in data["categories"]["camera"]


def test_app_json_omits_evidence_unless_collected() -> None:
    app = AppFacts(source="a.apk", package="com.x")
    assert "api_evidence" not in app.to_json_dict()
    assert app.model_copy(update={"api_evidence": ()}).to_json_dict()["api_evidence"] == []
