"""The data ontology (ontology.yaml): nodes, hypernym edges, and what naming a node discloses.

Language-neutral: node ids, edges, and the contract of each SPEC §1b data type (its id is its
node's id; its category, label and severity are the node's `data_type`), which makes this file
the one source of which data types exist (permaudit.models.DataType reads it). The words that
name each node live with each language (permaudit/policy/languages/<code>/lexicon.yaml).
Status rules (SPEC §1b, §2): a statement that names node N is `explicit` for every category or
data type that N is, or is a descendant of, and `vague` for every one N is an ancestor of (a
category also when N is an ancestor of one of its data types only).
"""

from __future__ import annotations

import re
from enum import StrEnum
from functools import cache, cached_property
from typing import Literal

from pydantic import Field, model_validator

from permaudit.catalog import load_data
from permaudit.models import Category, DataType, Frozen
from permaudit.models.common import known_data_type

# A data type id is a JSON key and a SARIF rule qualifier: plain lower-case words.
_DATA_TYPE_ID = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")


class NodeKind(StrEnum):
    CATEGORY = "category"
    DATA_TYPE = "data_type"
    UMBRELLA = "umbrella"
    TERM = "term"
    CAPTURE = "capture"


class ProductsHave(StrEnum):
    """What of a node a connected product has too, so that whose it is decides: named as the
    product's, it is not the phone's (SPEC §1b's data types and §1's categories are)."""

    # "the camera's serial number", "the doorbell's MAC address"; never the IMEI.
    IDENTIFIER = "identifier"
    # Hardware: "the doorbell's camera", "Nest's sensors", "sensors built into our devices".
    HARDWARE = "hardware"


class DataTypeContract(Frozen):
    """What SPEC §1b and §3 fix for one data type, besides its id (the node's id)."""

    category: Category
    # How findings and reports name it ("the policy never mentions the IMEI").
    label: str = Field(min_length=1)
    # How a list of data types names it, where the label is long (the rule docs' "error for
    # the IMEI, IMSI, SIM serial, ..."); the label when absent.
    short_label: str | None = Field(default=None, min_length=1)
    # Of its data_type_undisclosed finding (SPEC §3).
    severity: Literal["error", "warning"]

    @property
    def listed_label(self) -> str:
        return self.short_label or self.label


class OntologyNode(Frozen):
    kind: NodeKind
    category: Category | None = None
    data_type: DataTypeContract | None = None
    parents: tuple[str, ...] = ()
    # False for umbrellas every policy names ("personal information"): they take part in
    # definitions and denials, but make no category vague by themselves.
    discloses: bool = True
    # False for umbrellas over a category only as one datum its data may end up in (a profile
    # picture may come from the camera, the gallery or a login provider): naming them
    # discloses the category vaguely, but not collecting them denies nothing of it.
    denies: bool = True
    # What a connected product has of this too (see ProductsHave), or None: the phone's own.
    products_have: ProductsHave | None = None

    @model_validator(mode="after")
    def _ids_match_kind(self) -> OntologyNode:
        if (self.kind is NodeKind.CATEGORY) != (self.category is not None):
            raise ValueError("a category node, and only one, names its category")
        if (self.kind is NodeKind.DATA_TYPE) != (self.data_type is not None):
            raise ValueError("a data_type node, and only one, gives its data type contract")
        return self


class Coverage(Frozen):
    """What one node discloses when a statement names it."""

    explicit_categories: frozenset[Category] = frozenset()
    vague_categories: frozenset[Category] = frozenset()
    explicit_data_types: frozenset[DataType] = frozenset()
    vague_data_types: frozenset[DataType] = frozenset()

    def categories(self) -> frozenset[Category]:
        return self.explicit_categories | self.vague_categories


class Ontology(Frozen):
    version: int
    nodes: dict[str, OntologyNode] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> Ontology:
        for node_id in self.data_type_contracts:
            if not _DATA_TYPE_ID.match(node_id):
                raise ValueError(f"{node_id}: a data type id is lower-case letters, digits and _")
        for node_id, node in self.nodes.items():
            unknown = [p for p in node.parents if p not in self.nodes]
            if unknown:
                raise ValueError(f"{node_id}: unknown parents {unknown}")
        by_category = {n.category for n in self.nodes.values() if n.category is not None}
        missing = [c.value for c in Category if c not in by_category]
        if missing:
            raise ValueError(f"categories without a node: {missing}")
        for node_id in self.nodes:
            self.ancestors(node_id)  # raises on a cycle
        for node_id, contract in self.data_type_contracts.items():
            if contract.category not in self.coverage(node_id).explicit_categories:
                raise ValueError(f"{node_id}: not under its category {contract.category.value}")
        return self

    @cached_property
    def data_type_contracts(self) -> dict[str, DataTypeContract]:
        """Data type id → its contract, in contract order (the order of the nodes)."""
        return {i: n.data_type for i, n in self.nodes.items() if n.data_type is not None}

    @cached_property
    def data_types(self) -> dict[str, DataType]:
        """Data type id → the one DataType value of that id, in contract order."""
        return {node_id: known_data_type(node_id) for node_id in self.data_type_contracts}

    def ancestors(self, node_id: str) -> frozenset[str]:
        """Every node broader than `node_id` (not itself)."""
        return _ancestors(self, node_id)

    @cached_property
    def _children(self) -> dict[str, tuple[str, ...]]:
        children: dict[str, list[str]] = {node_id: [] for node_id in self.nodes}
        for node_id, node in self.nodes.items():
            for parent in node.parents:
                children[parent].append(node_id)
        return {node_id: tuple(kids) for node_id, kids in children.items()}

    def descendants(self, node_id: str) -> frozenset[str]:
        """Every node narrower than `node_id` (not itself)."""
        found: set[str] = set()
        stack = list(self._children[node_id])
        while stack:
            current = stack.pop()
            if current not in found:
                found.add(current)
                stack.extend(self._children[current])
        return frozenset(found)

    def coverage(self, node_id: str) -> Coverage:
        return _coverage(self, node_id)

    def categories_under(self, node_id: str) -> frozenset[Category]:
        """The categories a node's data belong to: the one it is or words narrowly, and every
        one under it, a data type's category included ("network information": local_network,
        through the network's identity and state). What naming the node covers, also for an
        umbrella whose naming discloses nothing ("personal information"): what a group the
        node names holds."""
        return _reach(self, node_id).categories()

    def products_have(self, node_id: str) -> ProductsHave | None:
        """What of this node a connected product has too (None: only the phone has it)."""
        return self.nodes[node_id].products_have

    def category_node(self, category: Category) -> str:
        return next(i for i, n in self.nodes.items() if n.category is category)

    def data_type_node(self, data_type: DataType) -> str:
        """The node of a data type: its id is the data type's."""
        if data_type not in self.data_type_contracts:
            raise KeyError(data_type)
        return str(data_type)


def _ancestors(ontology: Ontology, node_id: str, seen: tuple[str, ...] = ()) -> frozenset[str]:
    if node_id in seen:
        raise ValueError(f"hypernym cycle through {node_id}")
    found: set[str] = set()
    for parent in ontology.nodes[node_id].parents:
        found.add(parent)
        found |= _ancestors(ontology, parent, (*seen, node_id))
    return frozenset(found)


def _coverage(ontology: Ontology, node_id: str) -> Coverage:
    if not ontology.nodes[node_id].discloses:
        return Coverage()
    return _reach(ontology, node_id)


def _reach(ontology: Ontology, node_id: str) -> Coverage:
    """What a node covers by the status rules, whether or not naming it discloses."""
    upward = {node_id} | ontology.ancestors(node_id)
    downward = ontology.descendants(node_id)
    explicit_categories: set[Category] = set()
    explicit_types: set[DataType] = set()
    vague_categories: set[Category] = set()
    vague_types: set[DataType] = set()
    for other in upward:
        entry = ontology.nodes[other]
        if entry.category is not None:
            explicit_categories.add(entry.category)
        if entry.data_type is not None:
            explicit_types.add(ontology.data_types[other])
    for other in downward:
        entry = ontology.nodes[other]
        if entry.category is not None:
            vague_categories.add(entry.category)
        if entry.data_type is not None:
            vague_types.add(ontology.data_types[other])
            # An umbrella over some of a category's data types ("network information": the
            # network's identity and state) is over that category too, vaguely.
            vague_categories.add(entry.data_type.category)
    # A category named explicitly leaves each of its data types vague (SPEC §1b: "device
    # identifiers" covers the IMEI without naming it), already so by the descendant rule.
    return Coverage(
        explicit_categories=frozenset(explicit_categories),
        vague_categories=frozenset(vague_categories - explicit_categories),
        explicit_data_types=frozenset(explicit_types),
        vague_data_types=frozenset(vague_types - explicit_types),
    )


@cache
def ontology() -> Ontology:
    return Ontology.model_validate(load_data("ontology.yaml"))


@cache
def denies(node_id: str) -> bool:
    """Whether a denial that names `node_id` denies what it covers (ontology.yaml, `denies`)."""
    return ontology().nodes[node_id].denies


@cache
def coverage(node_id: str) -> Coverage:
    """What naming `node_id` discloses (cached: the ontology is fixed per process)."""
    return ontology().coverage(node_id)


@cache
def categories_under(node_id: str) -> frozenset[Category]:
    """The categories a group `node_id` names holds (Ontology.categories_under; cached)."""
    return ontology().categories_under(node_id)
