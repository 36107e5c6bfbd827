"""NAME and --package-name: checked before anything is written, and every derived name."""

from __future__ import annotations

import pytest

from livery.component.names import component_names, normalise_distribution
from livery.errors import TemplateError


@pytest.mark.parametrize(
    ("name", "class_name", "package", "slug"),
    [
        ("MyWidget", "MyWidget", "my_widget", "my-widget"),
        ("my_widget", "MyWidget", "my_widget", "my-widget"),
        ("HTMLView", "HTMLView", "html_view", "html-view"),
        ("rating2", "Rating2", "rating2", "rating2"),
        ("Stars", "Stars", "stars", "stars"),
        ("x", "X", "x", "x"),
    ],
)
def test_names_are_derived(name: str, class_name: str, package: str, slug: str) -> None:
    names = component_names(name)
    assert (names.class_name, names.package, names.slug) == (class_name, package, slug)
    assert names.distribution == f"livery-sdk-{slug}"
    assert names.css_class == f"lv-{slug}"


def test_title_is_for_people() -> None:
    assert component_names("MyWidget").title == "My widget"


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("", "empty"),
        ("my-widget", "not valid"),
        ("1widget", "not valid"),
        ("../evil", "not valid"),
        ("a/b", "not valid"),
        ("wid get", "not valid"),
        ("widgét", "not valid"),
        ("_private", "not valid"),
        ("class", "keyword"),
        ("none", "keyword"),
        ("match", "keyword"),
        ("json", "shadow"),
        ("Html", "shadow"),
        ("livery", "shadow"),
        ("tests", "shadow"),
        ("W" * 65, "over 64 characters"),
    ],
)
def test_bad_names_are_refused(name: str, problem: str) -> None:
    with pytest.raises(TemplateError, match=problem):
        component_names(name)


@pytest.mark.parametrize(
    ("given", "normalised"),
    [
        ("my-widget", "my-widget"),
        ("My_Widget", "my-widget"),
        ("acme.widgets__Pro", "acme-widgets-pro"),
        ("a", "a"),
        ("x1", "x1"),
    ],
)
def test_package_names_are_normalised(given: str, normalised: str) -> None:
    assert normalise_distribution(given) == normalised
    assert component_names("MyWidget", given).distribution == normalised


@pytest.mark.parametrize("bad", ["", "-widget", "widget-", "my widget", "a/b", "../x", "wïdget"])
def test_bad_package_names_are_refused(bad: str) -> None:
    with pytest.raises(TemplateError, match="not a valid distribution name"):
        component_names("MyWidget", bad)


def test_livery_is_not_a_component_package_name() -> None:
    with pytest.raises(TemplateError, match="taken by Livery"):
        normalise_distribution("Livery")
