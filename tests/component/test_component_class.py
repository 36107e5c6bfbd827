"""``livery.Component``: the declaration is checked, browser payloads never crash a host."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any, ClassVar

import pytest
from pydantic import BaseModel, Field, RootModel, field_validator

import livery
from livery.component import (
    AssetsMissingError,
    BaseProps,
    Component,
    ComponentDefinitionError,
    PayloadError,
    PropsError,
    Story,
)
from livery.errors import LiveryError


class Counter(Component):
    """A whole number from 0 to 10."""

    class Value(RootModel[int]):
        root: int = Field(0, ge=0, le=10)

    events = ("change", "submit")
    props: ClassVar[dict[str, object]] = {"placeholder": "", "step": 1}


class Point(BaseModel):
    x: float
    y: float


class Picker(Component):
    Value = Point
    name = "PointPicker"

    def preprocess(self, payload: Point | None) -> tuple[float, float] | None:
        if payload is None:
            return None
        if payload.x < 0:
            raise ValueError("x must not be negative")
        return (payload.x, payload.y)

    def postprocess(self, value: Any) -> Point | None:
        return None if value is None else Point(x=value[0], y=value[1])


def test_component_is_exported_from_livery() -> None:
    assert livery.Component is Component
    assert "Component" in livery.__all__


def test_payload_is_validated_and_preprocessed() -> None:
    counter = Counter()
    assert counter.from_browser("change", 3) == 3
    assert counter.from_browser("submit", 10) == 10
    assert counter.from_browser("change", None) is None
    assert Picker().from_browser("change", {"x": 1, "y": 2.5}) == (1.0, 2.5)


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        ("3", "value: Input should be a valid integer (got '3')"),
        (True, "value: Input should be a valid integer (got True)"),
        (3.5, "value: Input should be a valid integer"),
        (11, "value: Input should be less than or equal to 10 (got 11)"),
        ([1, 2], "value: Input should be a valid integer"),
        ({1, 2}, "not JSON data"),
        (math.nan, "not JSON data"),
    ],
)
def test_bad_payload_names_component_event_and_problem(data: object, problem: str) -> None:
    with pytest.raises(PayloadError) as caught:
        Counter().from_browser("submit", data)
    assert str(caught.value).startswith(f"Counter: event 'submit': {problem}")
    assert isinstance(caught.value, LiveryError)
    assert "\n" not in str(caught.value)
    assert (caught.value.component, caught.value.event) == ("Counter", "submit")


def test_model_errors_name_the_field_and_count_the_rest() -> None:
    with pytest.raises(PayloadError, match=r"^PointPicker: event 'change': x: Field required"):
        Picker().from_browser("change", {"y": 1})
    with pytest.raises(PayloadError, match=r"x: Input should be a valid number.*\(and 1 more"):
        Picker().from_browser("change", {"x": "a", "y": "b"})
    with pytest.raises(PayloadError, match=r"value: Input should be an object"):
        Picker().from_browser("change", [1, 2])


def test_preprocess_value_error_is_a_payload_error() -> None:
    with pytest.raises(PayloadError, match="PointPicker: event 'change': x must not be negative"):
        Picker().from_browser("change", {"x": -1, "y": 0})


def test_a_crashing_validator_is_reported_not_raised() -> None:
    class Fragile(Component):
        class Value(RootModel[str]):
            @field_validator("root")
            @classmethod
            def _boom(cls, value: str) -> str:
                raise TypeError("bug in the validator")

    with pytest.raises(PayloadError, match="the value model raised TypeError: bug in the"):
        Fragile.__new__(Fragile).validate_payload("change", "x")


def test_unknown_event_and_display_only_components() -> None:
    with pytest.raises(PayloadError, match=r"event 'click': unknown event \(it sends change, s"):
        Counter().from_browser("click", 1)

    class Label(Component):
        Value = RootModel[str]
        events = ()

    with pytest.raises(PayloadError, match="event 'change': this component sends no events"):
        Label().from_browser("change", "x")


def test_postprocess_and_initial_value_are_checked() -> None:
    counter = Counter()
    assert counter.to_browser(4) == 4
    assert counter.to_browser(None) is None
    with pytest.raises(PayloadError, match=r"^Counter: postprocess: value: Input should be"):
        counter.to_browser(99)
    with pytest.raises(PayloadError, match="postprocess"):
        Counter(value="many")

    class Liar(Component):
        Value = RootModel[int]

        def postprocess(self, value: Any) -> Any:
            return Point(x=1, y=2)

    with pytest.raises(PayloadError, match="postprocess returned Point, not RootModel"):
        Liar.__new__(Liar).to_browser(1)


def test_props_are_validated_and_reach_the_state() -> None:
    counter = Counter(3, label="Count", placeholder="n", disabled=True)
    assert counter.props.label == "Count"
    assert counter.state() == {
        "value": 3,
        "label": "Count",
        "disabled": True,
        "error": None,
        "placeholder": "n",
        "step": 1,
    }
    with pytest.raises(PropsError, match=r"^Counter: unknown prop 'lable' \(props: label, dis"):
        Counter(lable="x")
    with pytest.raises(PropsError, match="prop step: Input should be a valid integer"):
        Counter(step="big")


def test_props_as_a_model() -> None:
    class RangeProps(BaseModel):
        low: int = 0

    class Ranged(Component):
        Value = RootModel[int]
        props = RangeProps

    assert set(Ranged.props_model().model_fields) == {"low", "label", "disabled", "error"}
    assert issubclass(Ranged.props_model(), BaseProps)
    assert Ranged(low=3).props.low == 3  # type: ignore[attr-defined]
    assert Ranged.props_info()["properties"]["low"]["default"] == 0


@pytest.mark.parametrize(
    ("attributes", "problem"),
    [
        ({"Value": dict}, "Value must be a pydantic model class"),
        ({"events": "change"}, "events must be a tuple"),
        ({"events": ("Change",)}, "event name 'Change' must be lowercase"),
        ({"events": ("change", "change")}, "repeat a name"),
        ({"props": ["label"]}, "props must be a pydantic model or a dict"),
        ({"props": {"value": 1}}, "'value' cannot be a prop"),
        ({"props": {"_secret": 1}}, "'_secret' cannot be a prop"),
        ({"props": {"not valid": 1}}, "is not a Python identifier"),
    ],
)
def test_a_wrong_declaration_fails_when_the_class_is_defined(
    attributes: dict[str, object], problem: str
) -> None:
    namespace = {"Value": RootModel[int], **attributes}
    with pytest.raises(ComponentDefinitionError, match=problem):
        type("Broken", (Component,), namespace)


def test_missing_value_model_is_a_clear_error() -> None:
    class Unfinished(Component):
        pass

    with pytest.raises(ComponentDefinitionError, match="Unfinished: declares no Value model"):
        Unfinished()


def test_api_info_and_examples() -> None:
    assert Counter.api_info() == {
        "default": 0,
        "maximum": 10,
        "minimum": 0,
        "title": "Value",
        "type": "integer",
    }
    assert Picker.api_info()["required"] == ["x", "y"]
    assert Counter().example_value() == 0
    assert Counter().example_payload() == 0
    with pytest.raises(ComponentDefinitionError, match="override example_value"):
        Picker().example_value()


def test_name_defaults_to_the_class_name() -> None:
    assert Counter.name == "Counter"
    assert Picker.name == "PointPicker"


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("Bad\x1b]0;pwned\x07", "'Bad\\x1b]0;pwned\\x07'"),
        ("Two\nlines", "'Two\\nlines'"),
        ("", "''"),
        ("x" * 101, "'xxxx"),
        (5, "'int'"),
    ],
)
def test_a_name_that_is_not_one_printable_line_is_refused(name: object, shown: str) -> None:
    """Issue 15: component metadata accepted control characters, which then reached
    terminals, notebooks and logs raw."""
    with pytest.raises(ComponentDefinitionError) as caught:
        type("Broken", (Component,), {"Value": RootModel[int], "name": name})
    message = str(caught.value)
    assert message.startswith(f"Broken: name {shown}")
    assert "must be 1–100 printable characters" in message
    assert message.isprintable()


def test_assets_are_found_next_to_the_module_or_in_template_dir(tmp_path: Path) -> None:
    assert Counter.templates_path() == Path(__file__).resolve().parent / "templates"
    with pytest.raises(AssetsMissingError, match=r"index\.js is missing: build the front end"):
        Counter.js_path()
    assert Counter.css() == ""

    (tmp_path / "index.js").write_text("export default { render() {} };\n")
    (tmp_path / "style.css").write_text(".x{}\n")

    class Built(Component):
        Value = RootModel[int]
        template_dir = tmp_path

    assert Built.js().startswith("export default")
    assert Built.css() == ".x{}\n"
    assert Built.css_path() == tmp_path / "style.css"


def test_story_runs_the_handler_round_trip() -> None:
    story = Story("With a value!", value=2, props={"label": "n"}, handler=lambda n: n * 2)
    assert story.slug == "with-a-value"
    counter = story.instance(Counter)
    assert counter.value == 2 and counter.props.label == "n"
    assert story.run(counter, 4) == 8
    assert story.run(counter, 4, event="submit") == 8
    with pytest.raises(PayloadError, match="postprocess"):
        story.run(counter, 6)  # 12 is out of range
    assert Story("plain").run(counter, 5) == 5
    with pytest.raises(PayloadError, match="event 'change'"):
        Story("plain").run(counter, "5")
